/**
 * GET /admin/fitment/coverage: for each make/model the vehicles, the vehicles without parts, the distinct
 * fitting parts and the fitting parts per category; the list of vehicles with no parts; universal parts apart.
 * A make of our own gives exact expectations; the demo base gives the totals, computed here with other SQL.
 */
import { sql } from "../helpers/env"
import { admin, category, createProduct, importVehicles, link } from "./helpers"

let alphaWith: string
let alphaWithout: string
let alphaDeletedOnly: string
let betaVehicle: string
let catA: string
let catB: string
const p: Record<string, string> = {}

beforeAll(async () => {
  const { summary, vehicles } = await importVehicles("Covramake", [
    "Covramake,Alpha,2010,2015,1.4,CA14",
    "Covramake,Alpha,2016,,1.6,CA16",
    "Covramake,Alpha,2018,,2.0,CA20",
    "Covramake,Beta,2012,2017,1.2,CB12",
  ])
  expect(summary.created).toBe(4)
  const byCode = Object.fromEntries(vehicles.map((r) => [r.engine_code, r.id]))
  alphaWith = byCode.CA14
  alphaWithout = byCode.CA16
  alphaDeletedOnly = byCode.CA20
  betaVehicle = byCode.CB12
  for (let i = 1; i <= 5; i++) {
    p[i] = await createProduct(`Couvpiece ${i}`, `couvpiece-${i}`, `COUV-${i}`)
  }
  catA = await category("Couverture A", "couverture-a", [p[1], p[2], p[5]])
  catB = await category("Couverture B", "couverture-b", [p[2]])
  await link(p[1], { vehicle_id: alphaWith })
  await link(p[2], { vehicle_id: alphaWith, position: "front" })
  await link(p[2], { vehicle_id: alphaWith, position: "rear" }) // same part twice: counted once
  await link(p[3], { vehicle_id: alphaWith }) // no category
  expect(
    (
      await admin("POST", `/admin/products/${p[4]}/universal`, {
        universal: true,
      })
    ).status
  ).toBe(200)
  // the only part of the 2.0 is then deleted from the catalogue (Medusa soft-deletes products)
  await link(p[5], { vehicle_id: alphaDeletedOnly })
  expect((await admin("DELETE", `/admin/products/${p[5]}`)).status).toBe(200)
})

describe("coverage report", () => {
  let report: any

  beforeAll(async () => {
    const res = await admin("GET", "/admin/fitment/coverage")
    expect(res.status).toBe(200)
    report = res.body
  })

  it("counts vehicles, vehicles without parts and distinct fitting parts for each model", () => {
    const alpha = report.models.find(
      (m: any) => m.make === "Covramake" && m.model === "Alpha"
    )
    const beta = report.models.find(
      (m: any) => m.make === "Covramake" && m.model === "Beta"
    )
    // a deleted product is no part of the catalogue: the 2.0 has no parts
    expect(alpha).toMatchObject({
      vehicles: 3,
      vehicles_without_parts: 2,
      parts: 3,
    })
    expect(beta).toMatchObject({
      vehicles: 1,
      vehicles_without_parts: 1,
      parts: 0,
      categories: [],
    })
  })

  it("counts fitting parts per category (a part in two categories counts in each, the uncategorised apart)", () => {
    const alpha = report.models.find(
      (m: any) => m.make === "Covramake" && m.model === "Alpha"
    )
    const byCategory = Object.fromEntries(
      alpha.categories.map((c: any) => [c.category, c])
    )
    expect(Object.keys(byCategory).sort()).toEqual([
      "Couverture A",
      "Couverture B",
      "Uncategorized",
    ])
    expect(byCategory["Couverture A"]).toMatchObject({
      category_id: catA,
      parts: 2,
    })
    expect(byCategory["Couverture B"]).toMatchObject({
      category_id: catB,
      parts: 1,
    })
    expect(byCategory.Uncategorized.parts).toBe(1)
  })

  it("lists the vehicles with no parts", () => {
    const ours = report.vehicles_without_parts
      .filter((v: any) => v.make === "Covramake")
      .map((v: any) => v.id)
    expect(ours.sort()).toEqual(
      [alphaWithout, alphaDeletedOnly, betaVehicle].sort()
    )
    expect(
      report.vehicles_without_parts.find((v: any) => v.id === alphaWithout)
    ).toMatchObject({ model: "Alpha", year_from: 2016, engine_code: "CA16" })
  })

  it("agrees with the whole base (demo vehicles included), counted here another way", async () => {
    const [{ vehicles }] = await sql(
      `SELECT count(*)::int AS vehicles FROM vehicle`
    )
    const [{ served }] = await sql(
      `SELECT count(*)::int AS served FROM vehicle v
       WHERE v.id IN (SELECT f.vehicle_id FROM fitment f JOIN product p ON p.id = f.product_id WHERE p.deleted_at IS NULL)`
    )
    const [{ universal }] = await sql(
      `SELECT count(*)::int AS universal FROM product p WHERE p.deleted_at IS NULL AND p.id IN (SELECT product_id FROM fitment_product WHERE is_universal)`
    )
    expect(report.totals.vehicles).toBe(vehicles)
    expect(report.totals.vehicles_without_parts).toBe(vehicles - served)
    expect(report.vehicles_without_parts).toHaveLength(vehicles - served)
    expect(report.totals.universal_products).toBe(universal)
    expect(report.totals.universal_products).toBeGreaterThanOrEqual(1)
    // the demo base has vehicles nothing fits yet: the report is where the owner finds them
    expect(vehicles - served).toBeGreaterThan(3)
    const sumModels = report.models.reduce(
      (n: number, m: any) => n + m.vehicles,
      0
    )
    const sumWithout = report.models.reduce(
      (n: number, m: any) => n + m.vehicles_without_parts,
      0
    )
    expect(sumModels).toBe(vehicles)
    expect(sumWithout).toBe(vehicles - served)
  })

  it("follows the links: removing the last part of a vehicle puts it on the list", async () => {
    const links = await admin("GET", `/admin/products/${p[3]}/fitment`)
    expect(
      (
        await admin(
          "DELETE",
          `/admin/products/${p[3]}/fitment/${links.body.links[0].id}`
        )
      ).status
    ).toBe(200)
    for (const x of [p[1], p[2]]) {
      const l = await admin("GET", `/admin/products/${x}/fitment`)
      for (const one of l.body.links) {
        expect(
          (await admin("DELETE", `/admin/products/${x}/fitment/${one.id}`))
            .status
        ).toBe(200)
      }
    }
    const res = await admin("GET", "/admin/fitment/coverage")
    const alpha = res.body.models.find(
      (m: any) => m.make === "Covramake" && m.model === "Alpha"
    )
    expect(alpha).toMatchObject({
      vehicles: 3,
      vehicles_without_parts: 3,
      parts: 0,
      categories: [],
    })
    expect(res.body.vehicles_without_parts.map((v: any) => v.id)).toContain(
      alphaWith
    )
    expect(res.body.totals.vehicles_without_parts).toBe(
      report.totals.vehicles_without_parts + 1
    )
  })
})
