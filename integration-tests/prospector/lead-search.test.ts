/**
 * Lead search through the real server (POST /admin/prospector/runs) against the
 * local Places stand-in: dedupe across runs (place id, phone, folded name
 * nearby, moved place), per-run and per-month budgets never exceeded, 429
 * retried, INVALID_ARGUMENT reported and not retried, the key never logged.
 */
import fs from "fs"

import {
  FakePlace,
  PlacesServer,
  gridPlaces,
} from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import { sql, testEnv } from "../helpers/env"
import {
  api,
  injectPlacesError,
  placeMaker,
  placesFixture,
  placesRequests,
  searchRun,
  startPlacesStandIn,
  stopPlacesStandIn,
} from "./helpers"

const garage = placeMaker((id, name) => ({
  displayName: { text: name, languageCode: "fr" },
  types: ["car_repair", "point_of_interest", "establishment"],
  businessStatus: "OPERATIONAL",
  rating: 4.4,
  userRatingCount: 120,
  googleMapsUri: `https://maps.google.com/?cid=${id}`,
  formattedAddress: `${name}, Tunis, Tunisie`,
}))

// inside the Tunis rectangle (36.76..36.86, 10.10..10.26)
const FIRST_RUN: FakePlace[] = [
  garage("ls-ben-salah", "Garage Ben Salah", 36.8001, 10.1801, {
    internationalPhoneNumber: "+216 71 234 567",
  }),
  garage("ls-el-amal", "Carrosserie El Amal", 36.81, 10.19, {
    nationalPhoneNumber: "98 765 432",
  }),
  garage("ls-arabic", "ميكانيك الأمل", 36.82, 10.2, {
    displayName: { text: "ميكانيك الأمل", languageCode: "ar" },
  }),
  garage("ls-old-site", "Garage Mécanique Lafayette", 36.815, 10.17, {
    businessStatus: "CLOSED_PERMANENTLY",
    movedPlaceId: "ls-new-site",
  }),
  garage("ls-parts", "Pièces Auto Ezzahra", 36.83, 10.21, {
    types: ["auto_parts_store", "store"],
    primaryType: "auto_parts_store",
  }),
]

const SECOND_RUN: FakePlace[] = [
  // same places again (one with a new rating)
  ...FIRST_RUN.map((p) =>
    p.id === "ls-ben-salah" ? { ...p, rating: 4.8, userRatingCount: 150 } : p
  ),
  // same business as ls-el-amal: another place id, same phone written differently
  garage("ls-el-amal-2", "Carrosserie Al Amal (annexe)", 36.84, 10.23, {
    internationalPhoneNumber: "+21698765432",
  }),
  // same business as ls-ben-salah: case/accents differ, 40 m away, no phone
  garage("ls-ben-salah-dup", "GARAGE BEN-SALAH", 36.80046, 10.1801),
  // where ls-old-site moved to
  garage(
    "ls-new-site",
    "Garage Mécanique Lafayette (nouvelle adresse)",
    36.8152,
    10.1703,
    { internationalPhoneNumber: "+216 71 999 000" }
  ),
  // a genuinely new one
  garage("ls-new", "Garage Nouveau", 36.775, 10.11),
]

let places: PlacesServer

const ledger = (runId: string) =>
  placesRequests(runId, "query, language, area, tile, page, attempt, status")

beforeAll(async () => {
  places = await startPlacesStandIn(FIRST_RUN)
})

afterAll(() => stopPlacesStandIn(places))

describe("lead search", () => {
  /** The search of the suite's places (garage mécanique in Tunis), which must complete. */
  const tunisSearch = async () => {
    const r = await searchRun({ query: "garage mécanique", city: "Tunis" })
    expect(r.status).toBe("completed")
    return r
  }

  it("stores and scores leads, sends the key and an explicit field mask, logs every request", async () => {
    const before = places.requests.length
    const r = await tunisSearch()
    expect(r.summary).toMatchObject({
      new: 5,
      updated: 0,
      merged: 0,
      requests: 1,
      budget_exhausted: null,
    })
    const sent = places.requests.slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ keyValid: true, status: 200 })
    expect(sent[0].fieldMask).toContain("places.id")
    expect(sent[0].fieldMask).not.toContain("*")
    expect(sent[0].body).toMatchObject({
      textQuery: "garage mécanique",
      languageCode: "fr",
      regionCode: "TN",
      pageSize: 20,
    })
    expect(sent[0].body.locationRestriction.rectangle).toEqual({
      low: { latitude: 36.76, longitude: 10.1 },
      high: { latitude: 36.86, longitude: 10.26 },
    })
    expect(await ledger(r.id)).toEqual([
      {
        query: "garage mécanique",
        language: "fr",
        area: "tunis",
        tile: "r",
        page: 1,
        attempt: 1,
        status: "200",
      },
    ])

    const leads = await sql(
      `SELECT place_id, kind, phone, city, score, score_breakdown FROM prospector_lead WHERE place_id LIKE 'ls-%' ORDER BY place_id`
    )
    const byId = Object.fromEntries(leads.map((l) => [l.place_id, l]))
    expect(byId["ls-parts"].kind).toBe("competitor")
    expect(byId["ls-ben-salah"]).toMatchObject({
      kind: "lead",
      phone: "+21671234567",
      city: "Tunis",
    })
    expect(byId["ls-el-amal"].phone).toBe("+21698765432")
    expect(byId["ls-ben-salah"].score).toBeGreaterThan(
      byId["ls-old-site"].score
    )
    expect(
      byId["ls-ben-salah"].score_breakdown.map((b: any) => b.signal)
    ).toEqual(
      expect.arrayContaining(["category", "operational", "phone", "distance"])
    )

    const list = await api(
      "GET",
      "/admin/prospector/leads?kind=lead&city=Tunis&order=-score&q=ben"
    )
    expect(list.status).toBe(200)
    expect(list.json.leads.map((l: any) => l.place_id)).toEqual([
      "ls-ben-salah",
    ])
  })

  it("a second run dedupes by place id, phone, folded name nearby and moved place: no duplicates", async () => {
    places.setPlaces(SECOND_RUN)
    const r = await tunisSearch()
    // 5 known places refreshed + the successor of the moved place; 2 duplicates merged; 1 new
    expect(r.summary).toMatchObject({
      places: 9,
      new: 1,
      updated: 6,
      merged: 2,
    })
    const rows = await sql(
      `SELECT place_id, merged_place_ids, rating, phone, name FROM prospector_lead WHERE place_id LIKE 'ls-%' ORDER BY place_id`
    )
    expect(rows.map((x) => x.place_id)).toEqual([
      "ls-arabic",
      "ls-ben-salah",
      "ls-el-amal",
      "ls-new",
      "ls-old-site",
      "ls-parts",
    ])
    const byId = Object.fromEntries(rows.map((x) => [x.place_id, x]))
    expect(byId["ls-el-amal"].merged_place_ids).toEqual(["ls-el-amal-2"])
    expect(byId["ls-ben-salah"].merged_place_ids).toEqual(["ls-ben-salah-dup"])
    expect(byId["ls-ben-salah"].rating).toBeCloseTo(4.8)
    // the moved business keeps its lead (place id kept forever), refreshed from the new place
    expect(byId["ls-old-site"]).toMatchObject({
      phone: "+21671999000",
      name: "Garage Mécanique Lafayette (nouvelle adresse)",
    })

    // the same answers a third time (a re-run, e.g. after a killed run): nothing new, nothing merged again
    const again = await searchRun({ query: "garage mécanique", city: "Tunis" })
    expect(again.summary).toMatchObject({ new: 0, merged: 0, updated: 9 })
    const [{ count }] = await sql(
      `SELECT count(*)::int AS count FROM prospector_lead WHERE place_id LIKE 'ls-%'`
    )
    expect(count).toBe(6)
  })

  it("tiles a rectangle that returns the 60 cap and stores every place once", async () => {
    const ariana = {
      low: { latitude: 36.84, longitude: 10.12 },
      high: { latitude: 36.93, longitude: 10.24 },
    }
    places.setPlaces(gridPlaces(100, ariana, "ls-grid"))
    const r = await searchRun({ query: "mécanicien auto", city: "Ariana" })
    expect(r.status).toBe("completed")
    expect(r.summary.new).toBe(100)
    const tiles = (await ledger(r.id)).map((x) => x.tile)
    expect(tiles.slice(0, 3)).toEqual(["r", "r", "r"])
    expect(new Set(tiles)).toEqual(new Set(["r", "r.0", "r.1", "r.2", "r.3"]))
    const [{ count }] = await sql(
      `SELECT count(*)::int AS count FROM prospector_lead WHERE place_id LIKE 'ls-grid-%'`
    )
    expect(count).toBe(100)
  })

  it("never exceeds the per-run budget", async () => {
    const before = places.searchCount
    const r = await searchRun({
      query: "carrosserie",
      city: "Ariana",
      max_requests: 2,
    })
    expect(r.summary.budget_exhausted).toBe("run")
    expect(r.summary.requests).toBe(2)
    expect(await ledger(r.id)).toHaveLength(2)
    expect(places.searchCount - before).toBe(2)
    const over = await api("POST", "/admin/prospector/runs", {
      query: "x",
      city: "Ariana",
      max_requests: -1,
    })
    expect(over.status).toBe(400)
    expect(over.json.message).toMatch(/max_requests/)
  })

  it("never exceeds the monthly budget, counted from the ledger", async () => {
    const { budgetPerMonth } = placesFixture()
    const [{ used }] = await sql(
      `SELECT count(*)::int AS used FROM prospector_places_request WHERE created_at >= date_trunc('month', now() AT TIME ZONE 'Africa/Tunis') AT TIME ZONE 'Africa/Tunis'`
    )
    const filler = budgetPerMonth - used - 3
    // earlier requests this month (and one last month, which does not count)
    await sql(
      `INSERT INTO prospector_places_request (id, run_id, query, language, area, tile, page, attempt, status, created_at)
       SELECT 'preq_filler_' || g, 'prun_filler', 'filler', 'fr', 'tunis', 'r', 1, 1, '200', now() - interval '1 second'
       FROM generate_series(1, $1) g`,
      [filler]
    )
    await sql(
      `INSERT INTO prospector_places_request (id, run_id, query, language, area, tile, page, attempt, status, created_at)
       VALUES ('preq_filler_last_month', 'prun_filler', 'filler', 'fr', 'tunis', 'r', 1, 1, '200', date_trunc('month', now()) - interval '2 days')`
    )
    try {
      const before = places.searchCount
      const r = await searchRun({ query: "garage", city: "Ariana" })
      expect(r.summary.budget_exhausted).toBe("month")
      expect(await ledger(r.id)).toHaveLength(3)
      expect(places.searchCount - before).toBe(3)
      expect(r.summary.budget.used_this_month_after).toBe(budgetPerMonth)
      const led = await api("GET", "/admin/prospector/ledger?limit=5")
      expect(led.json.month).toMatchObject({
        used: budgetPerMonth,
        remaining: 0,
      })
      // used up: the next run sends nothing
      const none = await searchRun({ query: "garage", city: "Tunis" })
      expect(none.summary).toMatchObject({
        requests: 0,
        budget_exhausted: "month",
      })
      expect(places.searchCount - before).toBe(3)
    } finally {
      await sql(
        `DELETE FROM prospector_places_request WHERE run_id = 'prun_filler'`
      )
    }
  })

  it("retries 429 RESOURCE_EXHAUSTED and logs each attempt in the ledger", async () => {
    places.setPlaces(FIRST_RUN)
    places.failNext(2, 429)
    const r = await tunisSearch()
    expect(r.errors).toEqual([])
    expect((await ledger(r.id)).map((x) => [x.attempt, x.status])).toEqual([
      [1, "429"],
      [2, "429"],
      [3, "200"],
    ])
  })

  it("reports INVALID_ARGUMENT clearly and does not retry it", async () => {
    await injectPlacesError(
      1,
      400,
      "INVALID_ARGUMENT",
      "Invalid page_token, or the request parameters do not match those of the initial request."
    )
    const r = await searchRun({ query: "garage mécanique", city: "Sousse" })
    expect(r.status).toBe("failed")
    expect(r.errors).toEqual([
      expect.objectContaining({
        area: "sousse",
        http_status: 400,
        google_status: "INVALID_ARGUMENT",
        message: expect.stringMatching(/Invalid page_token/),
      }),
    ])
    expect(await ledger(r.id)).toEqual([
      expect.objectContaining({ attempt: 1, status: "400" }),
    ])
  })

  it("an unknown city is a 400 naming it; the API key never reaches the logs or the database", async () => {
    const bad = await api("POST", "/admin/prospector/runs", {
      query: "garage",
      city: "Atlantis",
    })
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(
      /cities: unknown city or governorate "Atlantis"/
    )
    const { apiKey } = placesFixture()
    expect(fs.readFileSync(testEnv().serverLog, "utf8")).not.toContain(apiKey)
    const runs = await sql(
      `SELECT errors::text AS e, summary::text AS s, params::text AS p FROM prospector_run`
    )
    expect(runs.some((x) => `${x.e}${x.s}${x.p}`.includes(apiKey))).toBe(false)
  })
})
