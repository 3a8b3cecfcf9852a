/**
 * The prospector admin API extensions the admin screens use: the score-band
 * filter (list and CSV export), the filter values with counts (facets), the
 * lead-search settings (key configured, request budget), watched pages listed
 * with their variant, last observation and open alerts, alerts with the
 * product they concern. Bad input is a 400 naming the field.
 */
import { parse } from "csv-parse/sync"

import {
  FakePlace,
  PlacesServer,
} from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import {
  SupplierSite,
  startSupplierSite,
} from "../../plugins/prospector/src/lib/__fixtures__/supplier-site"
import { sql } from "../helpers/env"
import {
  api,
  createPricedVariant,
  placeAt,
  placesFixture,
  searchRun,
  startPlacesStandIn,
  stopPlacesStandIn,
} from "./helpers"

// inside the Monastir rectangle (35.73..35.79, 10.78..10.85)
const MONASTIR: FakePlace[] = [
  placeAt("as-high", "Garage Monastir Pro", 35.76, 10.8, {
    businessStatus: "OPERATIONAL",
    rating: 4.8,
    userRatingCount: 400,
    internationalPhoneNumber: "+216 73 111 000",
  }),
  placeAt("as-low", "محل قطع الغيار المنستير", 35.761, 10.801, {
    types: ["store"],
    primaryType: "store",
  }),
]

let places: PlacesServer
let site: SupplierSite

beforeAll(async () => {
  places = await startPlacesStandIn(MONASTIR)
  const run = await searchRun({ query: "garage", city: "Monastir" })
  if (run.summary.new !== MONASTIR.length) {
    throw new Error(
      `search for the admin-screens test found ${run.summary.new} new place(s)`
    )
  }
  site = await startSupplierSite({ robots: "allow" })
})

afterAll(async () => {
  await stopPlacesStandIn(places)
  await site?.close()
})

describe("prospector admin API for the admin screens", () => {
  it("filters leads by score band, in the list and in the CSV export", async () => {
    // other test files may have found places in Monastir too: the database is the reference
    const all = await api(
      "GET",
      "/admin/prospector/leads?city=Monastir&limit=200"
    )
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM prospector_lead WHERE city = 'Monastir'`
    )
    expect(all.json.count).toBe(n)
    const bands = Object.fromEntries(
      all.json.leads.map((l: any) => [l.place_id, l.score_band])
    )
    expect(bands["as-high"]).not.toBe(bands["as-low"])
    const band = bands["as-high"]
    const expected = (
      await sql(
        `SELECT name FROM prospector_lead WHERE city = 'Monastir' AND score_band = $1 ORDER BY score DESC, id`,
        [band]
      )
    ).map((r) => r.name)
    const one = await api(
      "GET",
      `/admin/prospector/leads?city=Monastir&band=${band}&limit=200`
    )
    expect(one.json.leads.map((l: any) => l.name)).toEqual(expected)
    expect(one.json.leads.map((l: any) => l.place_id)).toContain("as-high")
    expect(one.json.leads.map((l: any) => l.place_id)).not.toContain("as-low")
    const csv = await api(
      "GET",
      `/admin/prospector/leads/export?format=csv&city=Monastir&band=${band}`
    )
    expect(csv.status).toBe(200)
    const rows = parse(csv.text.replace(/^\uFEFF/, ""), { columns: true })
    expect(rows.map((r: any) => r["Nom"])).toEqual(expected)

    const bad = await api("GET", "/admin/prospector/leads?band=top")
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(
      /^band: "top" is not one of high, medium, low/
    )
  })

  it("gives the filters' values with counts", async () => {
    await api(
      "POST",
      `/admin/prospector/leads/${(await sql(`SELECT id FROM prospector_lead WHERE place_id = 'as-high'`))[0].id}`,
      { assignee: "Leïla" }
    )
    const res = await api("GET", "/admin/prospector/leads/facets")
    expect(res.status).toBe(200)
    const { facets } = res.json
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM prospector_lead WHERE city = 'Monastir'`
    )
    expect(n).toBeGreaterThanOrEqual(2)
    expect(facets.city).toContainEqual({ value: "Monastir", count: n })
    expect(facets.assignee).toContainEqual({
      value: "Leïla",
      count: expect.any(Number),
    })
    const [{ count: total }] = await sql(
      `SELECT count(*)::int AS count FROM prospector_lead`
    )
    expect(facets.status.reduce((s: number, f: any) => s + f.count, 0)).toBe(
      total
    )
    expect(
      facets.band
        .map((f: any) => f.value)
        .every((v: string) => ["high", "medium", "low"].includes(v))
    ).toBe(true)

    const bad = await api("GET", "/admin/prospector/leads/facets?city=x")
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/^city: unknown parameter/)
  })

  it("tells whether a lead search can start and its request budget, never the key", async () => {
    const res = await api("GET", "/admin/prospector/search-settings")
    expect(res.status).toBe(200)
    const [{ used }] = await sql(
      `SELECT count(*)::int AS used FROM prospector_places_request WHERE created_at >= date_trunc('month', now() AT TIME ZONE 'Africa/Tunis') AT TIME ZONE 'Africa/Tunis'`
    )
    const { budgetPerRun, budgetPerMonth, apiKey } = placesFixture()
    expect(res.json.settings).toMatchObject({
      places_key_configured: true,
      message: null,
      budget: {
        per_run: budgetPerRun,
        per_month: budgetPerMonth,
        used_this_month: used,
        remaining_this_month: budgetPerMonth - used,
      },
    })
    expect(res.json.settings.areas).toContainEqual(
      expect.objectContaining({
        slug: "monastir",
        name: "Monastir",
        name_ar: "المنستير",
      })
    )
    expect(res.json.settings.queries.length).toBeGreaterThan(0)
    expect(res.text).not.toContain(apiKey)
    const bad = await api("GET", "/admin/prospector/search-settings?key=1")
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/^key: unknown parameter/)
  })

  it("lists watched pages with our variant, the last price and stock, and open alerts; alerts name the product", async () => {
    const { productId, variantId } = await createPricedVariant({
      title: "Disque de frein Monastir (test écrans)",
      variant: "Avant",
      sku: "AS-DISC-1",
      amount: 95000,
    })
    const created = await api("POST", "/admin/prospector/watched-pages", {
      url: `${site.baseUrl}/p/jsonLd`,
      supplier: "Fournisseur Monastir",
      variant_id: variantId,
    })
    expect(created.status).toBe(201)
    const id = created.json.watched_page.id
    expect(created.json.watched_page).toMatchObject({
      product_title: "Disque de frein Monastir (test écrans)",
      variant_title: "Avant",
      last_observation: null,
      open_alerts: 0,
    })

    const run = await api("POST", "/admin/prospector/watch-runs", {
      page_ids: [id],
    })
    expect(run.json.run.summary).toMatchObject({ ok: 1 })
    const list = await api(
      "GET",
      `/admin/prospector/watched-pages?variant_id=${variantId}`
    )
    expect(list.json.count).toBe(1)
    expect(list.json.watched_pages[0]).toMatchObject({
      id,
      product_id: productId,
      product_title: "Disque de frein Monastir (test écrans)",
      last_observation: {
        amount: 89900,
        currency: "TND",
        in_stock: true,
        method: "json-ld",
      },
      open_alerts: 1,
    })
    const byText = await api(
      "GET",
      "/admin/prospector/watched-pages?q=disque de frein monastir"
    )
    expect(byText.json.watched_pages.map((p: any) => p.id)).toEqual([id])

    const alerts = await api(
      "GET",
      `/admin/prospector/alerts?watched_page_id=${id}`
    )
    expect(alerts.json.alerts[0]).toMatchObject({
      kind: "below_our_price",
      product_title: "Disque de frein Monastir (test écrans)",
      variant_title: "Avant",
    })
    await api(
      "POST",
      `/admin/prospector/alerts/${alerts.json.alerts[0].id}`,
      {}
    )
    const after = await api("GET", `/admin/prospector/watched-pages/${id}`)
    expect(after.json.watched_page.open_alerts).toBe(0)

    const bad = await api("GET", "/admin/prospector/watched-pages?active=maybe")
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/^active:/)
  })
})
