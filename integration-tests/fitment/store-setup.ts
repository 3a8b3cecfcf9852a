/**
 * Shared by the store tests of the fitment plugin (store.test.ts): the catalogue they read, created through the
 * admin API and CSV imports, and the universal parts every vehicle's listing adds.
 */
import { sql } from "../helpers/env"
import { admin, category, createProduct, upload } from "./helpers"

const VEHICLES = [
  "make,model,year_from,year_to,engine,engine_code,cc,hp,fuel",
  "Zorvex,Alpha,2015,2018,1.5 dCi,K9K,1461,90,diesel",
  "ZORVEX,alpha,2019,,1.0 TCe,H4D,999,100,essence",
  "zorvex,Beta SW,2010,2014,1.6,K4M,1598,110,essence",
  "Renault,Clio IV,2013,2019,1.5 dCi Zorvextest,K9K,1461,90,diesel",
].join("\n")

/** What the store tests read: products "Kitfiltre 1" to "Kitfiltre 25", the vehicles, category, brand and model they hang on. */
export type StoreCatalogue = {
  ids: Record<number, string>
  categoryId: string
  brandId: string
  alpha2015: string
  alpha2019: string
  beta: string
  clio: string
  gammaId: string
}

/**
 * The Zorvex vehicles (and a Renault Clio whose engine names the test), 25 products of which 15 in a category
 * and 5 of a brand, fitments imported from a CSV with a BOM (20 on Alpha 2015, 2 on Beta, one universal part),
 * a staff link for engine code XYZ only, OE and cross-reference numbers on product 1, and an empty model Gamma.
 */
export async function createStoreCatalogue(): Promise<StoreCatalogue> {
  const ids: Record<number, string> = {}
  const v = await upload("vehicles", VEHICLES)
  expect(v.status).toBe(200)
  expect(v.body.import.invalid_rows).toEqual([])
  const rows = await sql<{ id: string; model: string; year_from: number }>(
    `SELECT v.id, md.name AS model, v.year_from FROM vehicle v JOIN vehicle_model md ON md.id = v.model_id
     WHERE v.engine LIKE '%Zorvextest%' OR v.make_id = (SELECT id FROM vehicle_make WHERE key = 'zorvex')`
  )
  const alpha2015 = rows.find(
    (r) => r.model === "Alpha" && r.year_from === 2015
  )!.id
  const alpha2019 = rows.find(
    (r) => r.model === "Alpha" && r.year_from === 2019
  )!.id
  const beta = rows.find((r) => r.model === "Beta")!.id
  const clio = rows.find((r) => r.model === "Clio")!.id

  for (let i = 1; i <= 25; i++) {
    ids[i] = await createProduct(`Kitfiltre ${i}`, `kitfiltre-${i}`, `KF-${i}`)
  }
  const categoryId = await category(
    "Kitfiltres",
    "kitfiltres-test",
    Array.from({ length: 15 }, (_, i) => ids[i + 1])
  )

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
  const brandId: string = brand.body.brand.id
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
  const gammaId: string = gamma.body.model.id
  return {
    ids,
    categoryId,
    brandId,
    alpha2015,
    alpha2019,
    beta,
    clio,
    gammaId,
  }
}

/** The published products marked universal (they fit every vehicle). */
export async function universalIds(): Promise<string[]> {
  const rows = await sql<{ product_id: string }>(
    `SELECT fp.product_id FROM fitment_product fp JOIN product p ON p.id = fp.product_id
     WHERE fp.is_universal AND p.status = 'published' AND p.deleted_at IS NULL`
  )
  return rows.map((r) => r.product_id)
}
