import { SEARCH_AREAS } from "./search-areas"
import { SEARCH_QUERIES } from "./search-queries"
import {
  MONTH_BUDGET_SPENT_MESSAGE,
  NO_PLACES_KEY_MESSAGE,
  searchSettings,
} from "./search-settings"

const options = {
  googlePlacesApiKey: "secret-key-123",
  placesBudgetPerRun: 100,
  placesBudgetPerMonth: 900,
}

describe("searchSettings", () => {
  it("with a key: no message, the budget left this month, areas and queries, never the key", () => {
    const s = searchSettings(options, 850, SEARCH_AREAS, SEARCH_QUERIES)
    expect(s.places_key_configured).toBe(true)
    expect(s.message).toBeNull()
    expect(s.budget).toEqual({
      per_run: 100,
      per_month: 900,
      used_this_month: 850,
      remaining_this_month: 50,
      next_run_max: 50,
    })
    expect(s.areas.find((a) => a.slug === "tunis")).toEqual({
      slug: "tunis",
      name: "Tunis",
      name_ar: "تونس",
      kind: "city",
      governorate: "Tunis",
    })
    expect(s.queries).toBe(SEARCH_QUERIES)
    expect(JSON.stringify(s)).not.toContain("secret-key-123")
  })

  it("without a key: a French message naming the setting", () => {
    const s = searchSettings(
      { ...options, googlePlacesApiKey: null },
      0,
      SEARCH_AREAS,
      SEARCH_QUERIES
    )
    expect(s.places_key_configured).toBe(false)
    expect(s.message).toBe(NO_PLACES_KEY_MESSAGE)
    expect(s.message).toMatch(/Aucune clé Google Places.*GOOGLE_PLACES_API_KEY/)
  })

  it("month budget spent: says so, never a negative remainder", () => {
    const s = searchSettings(options, 950, SEARCH_AREAS, SEARCH_QUERIES)
    expect(s.message).toBe(MONTH_BUDGET_SPENT_MESSAGE)
    expect(s.budget).toMatchObject({ remaining_this_month: 0, next_run_max: 0 })
  })
})
