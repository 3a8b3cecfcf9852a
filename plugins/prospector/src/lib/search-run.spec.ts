import { SEARCH_AREAS } from "./search-areas"
import { SEARCH_QUERIES } from "./search-queries"
import {
  SearchPlanError,
  checkMaxRequests,
  dailyRequestAllowance,
  emptySearchSummary,
  leastRecentlySearchedFirst,
  pairKey,
  planSearch,
  searchFailed,
  searchPairs,
} from "./search-run"
import { zeros } from "./__fixtures__/zeros"

const cities = SEARCH_AREAS.filter((a) => a.kind === "city")

describe("checkMaxRequests", () => {
  it("allows nothing, zero and whole numbers", () => {
    expect(() => checkMaxRequests(undefined)).not.toThrow()
    expect(() => checkMaxRequests(0)).not.toThrow()
    expect(() => checkMaxRequests(12)).not.toThrow()
  })

  it("refuses negative, fractional and non-numbers, naming the field", () => {
    for (const v of [-1, 1.5, "3", null]) {
      expect(() => checkMaxRequests(v)).toThrow(SearchPlanError)
    }
    expect(() => checkMaxRequests(-1)).toThrow(
      "max_requests: must be a whole number >= 0, got -1"
    )
  })
})

describe("planSearch", () => {
  it("defaults to every city and every configured query", () => {
    const plan = planSearch({})
    expect(plan.areas).toEqual(cities)
    expect(plan.queries).toBe(SEARCH_QUERIES)
  })

  it("finds the named cities and governorates", () => {
    const plan = planSearch({ cities: ["Sfax", "tunis"] })
    expect(plan.areas.map((a) => a.slug)).toEqual(["sfax", "tunis"])
  })

  it("refuses an unknown city, naming the field", () => {
    expect(() => planSearch({ cities: ["Atlantis"] })).toThrow(
      /^cities: unknown city or governorate "Atlantis"/
    )
  })

  it("takes a free-text query in its language (Arabic script → ar)", () => {
    expect(planSearch({ query: "  garage  " }).queries).toEqual([
      { text: "garage", language: "fr", purpose: "lead" },
    ])
    expect(planSearch({ query: "ميكانيك" }).queries).toEqual([
      { text: "ميكانيك", language: "ar", purpose: "lead" },
    ])
    expect(planSearch({ query: "garage", language: "ar" }).queries).toEqual([
      { text: "garage", language: "ar", purpose: "lead" },
    ])
  })

  it("refuses an empty or too long query and an unknown language", () => {
    expect(() => planSearch({ query: "  " })).toThrow(
      "query: must be 1 to 200 characters"
    )
    expect(() => planSearch({ query: "x".repeat(201) })).toThrow(
      "query: must be 1 to 200 characters"
    )
    expect(() =>
      planSearch({ query: "garage", language: "en" as "fr" })
    ).toThrow('language: "en" is not fr or ar')
  })
})

describe("search pairs", () => {
  const plan = {
    areas: cities.slice(0, 2),
    queries: SEARCH_QUERIES.slice(0, 2),
  }

  it("pairs each area with every query, areas first", () => {
    expect(
      searchPairs(plan).map((p) => `${p.area.slug}/${p.query.text}`)
    ).toEqual([
      `${cities[0].slug}/${SEARCH_QUERIES[0].text}`,
      `${cities[0].slug}/${SEARCH_QUERIES[1].text}`,
      `${cities[1].slug}/${SEARCH_QUERIES[0].text}`,
      `${cities[1].slug}/${SEARCH_QUERIES[1].text}`,
    ])
  })

  it("orders the least recently searched first, never searched first of all, ties kept", () => {
    const pairs = searchPairs(plan)
    const key = (i: number) => pairKey(pairs[i].area.slug, pairs[i].query.text)
    const last = new Map([
      [key(0), 3000],
      [key(1), 1000],
      [key(3), 1000],
    ])
    expect(leastRecentlySearchedFirst(pairs, last)).toEqual([
      pairs[2],
      pairs[1],
      pairs[3],
      pairs[0],
    ])
    expect(leastRecentlySearchedFirst(pairs, new Map())).toEqual(pairs)
  })
})

describe("search summary", () => {
  it("starts empty with the budget before the run", () => {
    expect(
      emptySearchSummary(4, { per_run: 10, per_month: 900, used_this_month: 7 })
    ).toEqual({
      pairs_total: 4,
      ...zeros(
        "pairs_done requests places new updated merged leads competitors truncated_tiles"
      ),
      budget: {
        per_run: 10,
        per_month: 900,
        used_this_month_before: 7,
        used_this_month_after: 7,
      },
      budget_exhausted: null,
    })
  })

  it("fails when stopped or when every searched pair failed", () => {
    expect(searchFailed(true, 0, 0)).toBe(true)
    expect(searchFailed(false, 0, 0)).toBe(false)
    expect(searchFailed(false, 2, 2)).toBe(true)
    expect(searchFailed(false, 1, 2)).toBe(false)
    // errors before any pair was done: not a failure by count
    expect(searchFailed(false, 1, 0)).toBe(false)
  })
})

describe("dailyRequestAllowance", () => {
  const budget = { per_run: 100, per_month: 900, used_this_month: 0 }

  it("spreads the month's remaining budget over the days left, today included", () => {
    // 1 June, Tunis: 30 days left → ceil(900 / 30)
    expect(
      dailyRequestAllowance(
        new Date("2026-06-01T01:00:00Z"),
        "Africa/Tunis",
        budget
      )
    ).toBe(30)
    // 30 June: the last day may use what is left, up to the per-run budget
    expect(
      dailyRequestAllowance(new Date("2026-06-30T10:00:00Z"), "Africa/Tunis", {
        ...budget,
        used_this_month: 850,
      })
    ).toBe(50)
    expect(
      dailyRequestAllowance(
        new Date("2026-06-30T10:00:00Z"),
        "Africa/Tunis",
        budget
      )
    ).toBe(100)
  })

  it("counts the day in the time zone, not UTC", () => {
    // 31 May 23:30 UTC is already 1 June 00:30 in Tunis (UTC+1): 30 days left, not 1
    expect(
      dailyRequestAllowance(
        new Date("2026-05-31T23:30:00Z"),
        "Africa/Tunis",
        budget
      )
    ).toBe(30)
  })

  it("is 0 once the month's budget is used up (or overdrawn)", () => {
    expect(
      dailyRequestAllowance(new Date("2026-06-10T10:00:00Z"), "Africa/Tunis", {
        ...budget,
        used_this_month: 950,
      })
    ).toBe(0)
  })
})
