/**
 * Store side of the fitment plugin through medusa-js, the client a storefront uses: the cascading vehicle
 * selector, GET /store/products narrowed to a vehicle and a brand together with core filters and pagination,
 * verdicts, VIN decode and part-number lookup. Data is created through the admin API and CSV import.
 */
import { storeClient, sql, testEnv } from "../helpers/env"
import { admin, createProduct, upload } from "./helpers"

const client = storeClient()
const ids: Record<number, string> = {}
let categoryId: string
let brandId: string
let alpha2015: string
let alpha2019: string
let beta: string
let clio: string
let gammaId: string

const VEHICLES = [
  "make,model,year_from,year_to,engine,engine_code,cc,hp,fuel",
  "Zorvex,Alpha,2015,2018,1.5 dCi,K9K,1461,90,diesel",
  "ZORVEX,alpha,2019,,1.0 TCe,H4D,999,100,essence",
  "zorvex,Beta SW,2010,2014,1.6,K4M,1598,110,essence",
  "Renault,Clio IV,2013,2019,1.5 dCi Zorvextest,K9K,1461,90,diesel",
].join("\n")

beforeAll(async () => {
  const v = await upload("vehicles", VEHICLES)
  expect(v.status).toBe(200)
  expect(v.body.import.invalid_rows).toEqual([])
  const rows = await sql<{ id: string; model: string; year_from: number }>(
    `SELECT v.id, md.name AS model, v.year_from FROM vehicle v JOIN vehicle_model md ON md.id = v.model_id
     WHERE v.engine LIKE '%Zorvextest%' OR v.make_id = (SELECT id FROM vehicle_make WHERE key = 'zorvex')`
  )
  alpha2015 = rows.find((r) => r.model === "Alpha" && r.year_from === 2015)!.id
  alpha2019 = rows.find((r) => r.model === "Alpha" && r.year_from === 2019)!.id
  beta = rows.find((r) => r.model === "Beta")!.id
  clio = rows.find((r) => r.model === "Clio")!.id

  for (let i = 1; i <= 25; i++) {
    ids[i] = await createProduct(`Kitfiltre ${i}`, `kitfiltre-${i}`, `KF-${i}`)
  }
  const cat = await admin("POST", "/admin/product-categories", {
    name: "Kitfiltres",
    handle: "kitfiltres-test",
    is_active: true,
    is_internal: false,
  })
  expect(cat.status).toBe(200)
  categoryId = cat.body.product_category.id
  const batch = await admin(
    "POST",
    `/admin/product-categories/${categoryId}/products/batch`,
    {
      product_ids: Array.from({ length: 15 }, (_, i) => ({ id: ids[i + 1] })),
    }
  )
  expect(batch.status).toBe(200)

  const lines = [
    "sku;make;model;year_from;year_to;engine_code;position;quantity;note_fr;note_ar;universal",
  ]
  for (let i = 1; i <= 20; i++)
    lines.push(`kf-${i};Zorvex;Alpha;2015;2018;;avant;2;Vérifier le diamètre;;`)
  lines.push(
    `KF-21;Zorvex;Beta;2010;2014;;;;;;`,
    `KF-22;Zorvex;Beta SW;2011;2012;;arrière;;;;`
  )
  lines.push(`KF-23;;;;;;;;;;oui`)
  const f = await upload("fitments", "\ufeff" + lines.join("\r\n"))
  expect(f.status).toBe(200)
  expect(f.body.import.invalid_rows).toEqual([])
  expect(f.body.import.bom).toBe(true)
  expect(f.body.import.delimiter).toBe(";")
  // a link that only holds for engine code XYZ (the vehicle has K9K), added by staff
  const xyz = await admin("POST", `/admin/products/${ids[25]}/fitment`, {
    vehicle_id: alpha2015,
    engine_code: "xyz",
    note_fr: "Seulement moteur XYZ",
    note_ar: "فقط المحرك XYZ",
  })
  expect(xyz.status).toBe(201)
  expect(xyz.body.link).toMatchObject({
    engine_code: "XYZ",
    source: "staff",
    quantity: 1,
  })
  const again = await admin("POST", `/admin/products/${ids[25]}/fitment`, {
    vehicle_id: alpha2015,
    engine_code: "XYZ",
    quantity: 2,
  })
  expect(again.status).toBe(200)
  expect(again.body.link).toMatchObject({
    id: xyz.body.link.id,
    quantity: 2,
    note_fr: "Seulement moteur XYZ",
  })

  const brand = await admin("POST", "/admin/brands", {
    name: "Kitbrand Test",
    country: "DE",
  })
  expect(brand.status).toBe(201)
  brandId = brand.body.brand.id
  for (let i = 1; i <= 5; i++) {
    expect(
      (
        await admin("POST", `/admin/products/${ids[i]}/brand`, {
          brand_id: brandId,
        })
      ).status
    ).toBe(200)
  }
  expect(
    (
      await admin("POST", `/admin/products/${ids[1]}/part-numbers`, {
        numbers: [
          { type: "oe", raw: "PSA 1609.412.480" },
          { type: "cross", raw: "0 986 494 199", brand_name: "Bosch" },
        ],
      })
    ).status
  ).toBe(200)
  const gamma = await admin("POST", "/admin/vehicles/models", {
    make_id: (await sql(`SELECT id FROM vehicle_make WHERE key = 'zorvex'`))[0]
      .id,
    name: "Gamma",
  })
  expect(gamma.status).toBe(201)
  gammaId = gamma.body.model.id
})

async function universalIds(): Promise<string[]> {
  const rows = await sql<{ product_id: string }>(
    `SELECT fp.product_id FROM fitment_product fp JOIN product p ON p.id = fp.product_id
     WHERE fp.is_universal AND p.status = 'published' AND p.deleted_at IS NULL`
  )
  return rows.map((r) => r.product_id)
}

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
