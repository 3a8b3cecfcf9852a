/**
 * Store side of the fitment plugin through medusa-js, the client a storefront uses: the cascading vehicle
 * selector, GET /store/products narrowed to a vehicle and a brand together with core filters and pagination,
 * verdicts, VIN decode and part-number lookup. Data is created through the admin API and CSV import.
 */
import { storeClient, testEnv } from "../helpers/env"
import { createStoreCatalogue, universalIds } from "./store-setup"

const client = storeClient()
const ids: Record<number, string> = {}
let categoryId: string
let brandId: string
let alpha2015: string
let alpha2019: string
let beta: string
let clio: string
let gammaId: string

beforeAll(async () => {
  const c = await createStoreCatalogue()
  Object.assign(ids, c.ids)
  ;({ categoryId, brandId, alpha2015, alpha2019, beta, clio, gammaId } = c)
})

describe("cascading selector", () => {
  it("offers makes → models → years → vehicles that exist, and nothing else", async () => {
    const { response: _r, ...makes } = await client.client.request(
      "GET",
      "/store/vehicles/makes"
    )
    const zorvex = makes.makes.find((m: any) => m.name === "Zorvex")
    expect(zorvex).toEqual({
      id: expect.any(String),
      name: "Zorvex",
      handle: "zorvex",
    })
    expect(makes.makes.filter((m: any) => m.handle === "zorvex")).toHaveLength(
      1
    )

    const models = await client.client.request(
      "GET",
      `/store/vehicles/models?make_id=${zorvex.id}`
    )
    expect(models.models.map((m: any) => m.name).sort()).toEqual([
      "Alpha",
      "Beta",
    ])
    expect(models.models.map((m: any) => m.id)).not.toContain(gammaId)
    const alpha = models.models.find((m: any) => m.name === "Alpha")
    expect(alpha).toMatchObject({ year_from: 2015, year_to: null })

    const years = await client.client.request(
      "GET",
      `/store/vehicles/years?model_id=${alpha.id}`
    )
    expect(years.years).toContain(2015)
    expect(years.years).toContain(new Date().getFullYear())
    expect(years.years).not.toContain(2014)

    const in2017 = await client.client.request(
      "GET",
      `/store/vehicles?model_id=${alpha.id}&year=2017`
    )
    expect(in2017.vehicles.map((v: any) => v.id)).toEqual([alpha2015])
    expect(in2017).toMatchObject({ count: 1, offset: 0 })
    const in2020 = await client.client.request(
      "GET",
      `/store/vehicles?model_id=${alpha.id}&year=2020`
    )
    expect(in2020.vehicles.map((v: any) => v.id)).toEqual([alpha2019])
    const vehicle = await client.client.request(
      "GET",
      `/store/vehicles/${alpha2015}`
    )
    expect(vehicle.vehicle).toMatchObject({
      make: { name: "Zorvex" },
      model: { name: "Alpha" },
      engine_code: "K9K",
      power_hp: 90,
      fuel: "diesel",
    })
    const beta = await client.client.request(
      "GET",
      `/store/vehicles?make_id=${zorvex.id}&model_id=${models.models.find((m: any) => m.name === "Beta").id}`
    )
    expect(beta.vehicles[0]).toMatchObject({
      body: "estate",
      year_from: 2010,
      year_to: 2014,
    })
  })
})

describe("GET /store/products narrowed to a vehicle", () => {
  it("lists the parts linked to the vehicle plus universal parts, with the right count (medusa-js array form)", async () => {
    const res = await client.products.list({
      vehicle_id: [alpha2015],
      limit: 100,
    } as any)
    const expected = new Set([
      ...Array.from({ length: 20 }, (_, i) => ids[i + 1]),
      ids[25],
      ...(await universalIds()),
    ])
    expect(res.count).toBe(expected.size)
    const got = new Set<string>()
    for (let offset = 0; offset < res.count; offset += 100) {
      const page = await client.products.list({
        vehicle_id: [alpha2015],
        limit: 100,
        offset,
      } as any)
      page.products.forEach((p) => got.add(p.id!))
    }
    expect(got).toEqual(expected)
    expect(got.has(ids[21])).toBe(false)
    expect(got.has(ids[24])).toBe(false)
  })

  it("combines with category_id and pages through the whole result in order", async () => {
    const first = await client.products.list({
      vehicle_id: [alpha2015],
      category_id: [categoryId],
      limit: 4,
      order: "title",
    } as any)
    expect(first.count).toBe(15)
    const seen: string[] = []
    for (let offset = 0; offset < 15; offset += 4) {
      const page = await client.products.list({
        vehicle_id: [alpha2015],
        category_id: [categoryId],
        limit: 4,
        offset,
        order: "title",
      } as any)
      expect(page.count).toBe(15)
      seen.push(...page.products.map((p) => p.title!))
    }
    expect(seen).toHaveLength(15)
    expect(new Set(seen).size).toBe(15)
    expect(seen).toEqual([...seen].sort())
    expect(seen).toEqual(
      Array.from({ length: 15 }, (_, i) => `Kitfiltre ${i + 1}`).sort()
    )
  })

  it("combines with the text filter q", async () => {
    const res = await client.products.list({
      vehicle_id: [alpha2015],
      q: "Kitfiltre 1",
      limit: 50,
    } as any)
    // Kitfiltre 1, 10..19 are linked to the vehicle; 21..25 are not (25 only for engine XYZ but it is linked)
    expect(res.products.map((p) => p.title).sort()).toEqual(
      [
        "Kitfiltre 1",
        ...Array.from({ length: 10 }, (_, i) => `Kitfiltre 1${i}`),
      ].sort()
    )
    expect(res.count).toBe(11)
    const beta2 = await client.products.list({
      vehicle_id: beta,
      q: "Kitfiltre",
      limit: 50,
    } as any)
    expect(beta2.products.map((p) => p.title).sort()).toEqual([
      "Kitfiltre 21",
      "Kitfiltre 22",
      "Kitfiltre 23",
    ])
  })

  it("takes several vehicles (OR), the comma form, and answers 400 for an unknown vehicle", async () => {
    const both = await client.products.list({
      vehicle_id: [alpha2015, beta],
      q: "Kitfiltre",
      limit: 100,
    } as any)
    expect(both.count).toBe(24)
    const comma = await fetch(
      `${testEnv().baseUrl}/store/products?vehicle_id=${alpha2015},${beta}&q=Kitfiltre&limit=1`
    )
    expect((await comma.json()).count).toBe(24)
    const bad = await fetch(
      `${testEnv().baseUrl}/store/products?vehicle_id=veh_nope`
    )
    expect(bad.status).toBe(400)
    expect((await bad.json()).message).toMatch(/vehicle_id/)
  })

  it("filters by brand, alone or with a vehicle, and adds the brand to list and detail responses", async () => {
    const byBrand = await client.products.list({
      brand_id: [brandId],
      limit: 50,
    } as any)
    expect(byBrand.count).toBe(5)
    for (const p of byBrand.products as any[]) {
      expect(p.brand).toMatchObject({
        id: brandId,
        name: "Kitbrand Test",
        handle: "kitbrand-test",
        country: "DE",
      })
    }
    const both = await client.products.list({
      brand_id: [brandId],
      vehicle_id: [beta],
      limit: 50,
    } as any)
    expect(both.count).toBe(0)
    const detail = await client.products.retrieve(ids[1])
    expect((detail.product as any).brand).toMatchObject({ id: brandId })
    const none = await client.products.retrieve(ids[24])
    expect((none.product as any).brand).toBeNull()
    const brands = await client.client.request(
      "GET",
      `/store/brands/kitbrand-test`
    )
    expect(brands.brand).toMatchObject({ id: brandId, product_count: 5 })
  })
})

describe("fitment of a product and verdicts", () => {
  const fitment = (id: string, vehicle?: string) =>
    client.client.request(
      "GET",
      `/store/products/${id}/fitment${vehicle ? `?vehicle_id=${vehicle}` : ""}`
    )

  it("lists the vehicles of a part with their qualifiers", async () => {
    const res = await fitment(ids[1])
    expect(res).toMatchObject({ universal: false, count: 1 })
    expect(res.vehicles[0]).toMatchObject({
      id: alpha2015,
      make: { name: "Zorvex" },
      model: { name: "Alpha" },
      position: "front",
      quantity: 2,
      note_fr: "Vérifier le diamètre",
    })
  })

  it("fits, does_not_fit and unknown", async () => {
    expect(await fitment(ids[1], alpha2015)).toMatchObject({
      verdict: "fits",
      fitments: [
        { position: "front", quantity: 2, note_fr: "Vérifier le diamètre" },
      ],
    })
    expect(await fitment(ids[21], alpha2015)).toMatchObject({
      verdict: "does_not_fit",
    })
    expect(await fitment(ids[24], alpha2015)).toMatchObject({
      verdict: "unknown",
    })
    expect(await fitment(ids[23], clio)).toMatchObject({
      verdict: "fits",
      universal: true,
    })
    const xyz = await fitment(ids[25], alpha2015)
    expect(xyz.verdict).toBe("does_not_fit")
    expect(xyz.excluded[0]).toMatchObject({
      engine_code: "XYZ",
      note_fr: "Seulement moteur XYZ",
      note_ar: "فقط المحرك XYZ",
    })
  })
})

describe("VIN decode", () => {
  it("decodes a Renault VIN offline and proposes the matching vehicles of the base", async () => {
    const res = await client.client.request(
      "GET",
      "/store/vehicles/decode?vin=vf1-rfb000g1234567"
    )
    expect(res).toMatchObject({
      vin: "VF1RFB000G1234567",
      wmi: "VF1",
      make_name: "Renault",
      make: { name: "Renault" },
    })
    expect(res.model_years).toContain(2016)
    expect(res.vehicles.map((v: any) => v.id)).toContain(clio)
  })

  it("answers 400 with the reason for a malformed VIN", async () => {
    for (const [vin, reason] of [
      ["VF1RFB000G123456O", /letter O/],
      ["VF1RFB", /17 characters/],
      ["1HGCM82643A004352", /check digit/],
    ] as const) {
      const res = await fetch(
        `${testEnv().baseUrl}/store/vehicles/decode?vin=${vin}`
      )
      expect(res.status).toBe(400)
      expect((await res.json()).message).toMatch(reason)
    }
  })
})

describe("part-number lookup", () => {
  it("finds a product by its OE or cross-reference number written any way", async () => {
    for (const number of [
      "1609412480",
      "16 094 124 80",
      "PSA1609412480",
      "0986494199",
      "Bosch 0 986 494 199",
    ]) {
      const res = await client.client.request(
        "GET",
        `/store/parts/lookup?number=${encodeURIComponent(number)}`
      )
      expect(res.products.map((p: any) => p.id)).toContain(ids[1])
    }
    const none = await client.client.request(
      "GET",
      "/store/parts/lookup?number=ZZZ999999"
    )
    expect(none).toMatchObject({ products: [], count: 0 })
  })
})
