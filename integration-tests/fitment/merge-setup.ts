/**
 * Shared by the merge tests (merge.test.ts): the links of vehicles as stored, the vehicles by label, and the data
 * each merge starts from: a vehicles import holding twins and typos, six products, and the links hung on the
 * records to merge.
 */
import { sql } from "../helpers/env"
import { createProduct, link, upload } from "./helpers"

export type Link = {
  id: string
  product_id: string
  vehicle_id: string
  position: string | null
  engine_code: string | null
  quantity: number
  note_fr: string | null
  note_ar: string | null
}

/** Every link of the given vehicles, as stored. */
export async function linksOf(vehicleIds: string[]): Promise<Link[]> {
  return await sql<Link>(
    `SELECT id, product_id, vehicle_id, position, engine_code, quantity, note_fr, note_ar FROM fitment WHERE vehicle_id = ANY($1) ORDER BY id`,
    [vehicleIds]
  )
}

/** What a link says apart from the vehicle it hangs on. */
export const qualifiers = (l: Link) =>
  `${l.product_id}|${l.position ?? ""}|${l.engine_code ?? ""}`

export async function vehicleIds(
  where: string,
  params: unknown[]
): Promise<Record<string, string>> {
  const rows = await sql<{ id: string; label: string }>(
    `SELECT v.id, md.name || ' ' || v.year_from || ' ' || coalesce(v.engine, '') AS label
     FROM vehicle v JOIN vehicle_model md ON md.id = v.model_id JOIN vehicle_make mk ON mk.id = v.make_id WHERE ${where}`,
    params
  )
  return Object.fromEntries(rows.map((r) => [r.label.trim(), r.id]))
}

/** Imports the vehicles to merge and creates the products "Fusionpiece 1" to "Fusionpiece 6"; returns the products by number. */
export async function importMergeCatalogue(): Promise<Record<string, string>> {
  const p: Record<string, string> = {}
  const csv = [
    "make;model;year_from;year_to;engine;engine_code;cc;hp;fuel",
    "Qalmar;Uno;2010;2014;1.4;QA14;1390;75;essence",
    "Qalmar;Uno;2010;2014;1.4 i;QA14;1390;75;essence", // the same car written twice: to merge
    "Qalmar;Uno;2015;;1.6 D;QD16;1560;90;diesel",
    "Qalmar;Unno;2015;;1.6 D;QD16;1560;90;diesel", // model typo: its vehicle is a twin of Uno 2015
    "Qalmar;Unno;2018;;1.2 T;QT12;1199;110;essence",
    "Kalmar;Uno;2010;2014;1.4;QA14;1390;75;essence", // make typo: twin of Qalmar Uno 2010 1.4
    "Kalmar;Trio;2012;2016;1.0;QA10;998;68;essence",
  ].join("\n")
  const res = await upload("vehicles", csv)
  expect(res.status).toBe(200)
  expect(res.body.import.invalid_rows).toEqual([])
  expect(res.body.import.summary.created).toBe(7)
  for (let i = 1; i <= 6; i++) {
    p[i] = await createProduct(
      `Fusionpiece ${i}`,
      `fusionpiece-${i}`,
      `FUS-${i}`
    )
  }
  return p
}

export type VehicleMergeCase = {
  survivor: string
  merged: string
  before: Link[]
  foldedInto: string
}

/** Two vehicles of Qalmar Uno 2010 ("1.4" and its double "1.4 i") with links to fold, move and keep. */
export async function vehicleMergeCase(
  p: Record<string, string>
): Promise<VehicleMergeCase> {
  const v = await vehicleIds(
    `mk.key = 'qalmar' AND md.name = 'Uno' AND v.year_from = 2010`,
    []
  )
  const survivor = v["Uno 2010 1.4"]
  const merged = v["Uno 2010 1.4 i"]
  expect(survivor).toBeDefined()
  expect(merged).toBeDefined()
  // same link on both: folded; the merged one has the notes and the larger quantity
  const foldedInto = await link(p[1], {
    vehicle_id: survivor,
    position: "front",
    quantity: 1,
  })
  await link(p[1], {
    vehicle_id: merged,
    position: "front",
    quantity: 4,
    note_fr: "Disque 258 mm",
    note_ar: "قرص 258 مم",
  })
  // same product, another position: moved, not folded
  await link(p[1], {
    vehicle_id: merged,
    position: "rear",
    note_fr: "Tambour",
  })
  // only on the merged vehicle: moved
  await link(p[2], { vehicle_id: merged, engine_code: "QA14", quantity: 2 })
  await link(p[3], { vehicle_id: merged })
  // only on the survivor: untouched
  await link(p[4], { vehicle_id: survivor, note_fr: "Garde" })
  const before = await linksOf([survivor, merged])
  expect(before).toHaveLength(6)
  return { survivor, merged, before, foldedInto }
}

export type ModelMergeCase = {
  uno: string
  unno: string
  uno2015: string
  unno2015: string
  unno2018: string
  before: Link[]
}

/** The models Uno and its typo Unno, with links on a 2015 twin vehicle and on Unno 2018. */
export async function modelMergeCase(
  p: Record<string, string>
): Promise<ModelMergeCase> {
  const models = await sql<{ id: string; name: string }>(
    `SELECT md.id, md.name FROM vehicle_model md JOIN vehicle_make mk ON mk.id = md.make_id WHERE mk.key = 'qalmar'`
  )
  const uno = models.find((m) => m.name === "Uno")!.id
  const unno = models.find((m) => m.name === "Unno")!.id
  const v = await vehicleIds(`mk.key = 'qalmar' AND v.year_from >= 2015`, [])
  const uno2015 = v["Uno 2015 1.6 D"]
  const unno2015 = v["Unno 2015 1.6 D"]
  const unno2018 = v["Unno 2018 1.2 T"]
  await link(p[5], {
    vehicle_id: uno2015,
    position: "left",
    note_fr: "Côté conducteur",
  })
  await link(p[5], {
    vehicle_id: unno2015,
    position: "left",
    note_ar: "جهة السائق",
  }) // twin: folded, Arabic note kept
  await link(p[5], { vehicle_id: unno2018 })
  await link(p[6], { vehicle_id: unno2015, quantity: 3 })
  const before = await linksOf([uno2015, unno2015, unno2018])
  expect(before).toHaveLength(4)
  return { uno, unno, uno2015, unno2015, unno2018, before }
}

export type MakeMergeCase = {
  qalmar: string
  kalmar: string
  kUno2010: string
  kTrio: string
  qUno2010: string
  before: Link[]
}

/** The makes Qalmar and its typo Kalmar, with links on Kalmar's Uno 2010 (a twin of Qalmar's) and Trio. */
export async function makeMergeCase(
  p: Record<string, string>
): Promise<MakeMergeCase> {
  const qalmar = (
    await sql(`SELECT id FROM vehicle_make WHERE key = 'qalmar'`)
  )[0].id
  const kalmar = (
    await sql(`SELECT id FROM vehicle_make WHERE key = 'kalmar'`)
  )[0].id
  const v = await vehicleIds(
    `mk.key IN ('kalmar', 'qalmar') AND v.year_from IN (2010, 2012)`,
    []
  )
  const vehicle2010Of = async (makeId: string): Promise<string> =>
    (
      await sql(
        `SELECT v.id FROM vehicle v WHERE v.make_id = $1 AND v.year_from = 2010`,
        [makeId]
      )
    )[0].id
  const kUno2010 = await vehicle2010Of(kalmar)
  const qUno2010 = await vehicle2010Of(qalmar)
  const kTrio = v["Trio 2012 1.0"]
  await link(p[1], { vehicle_id: kUno2010, position: "front", quantity: 2 }) // twin of the survivor's folded link
  await link(p[6], { vehicle_id: kUno2010, engine_code: "QA14" })
  await link(p[6], { vehicle_id: kTrio, note_fr: "Trio seulement" })
  const before = await linksOf([kUno2010, kTrio, qUno2010])
  return { qalmar, kalmar, kUno2010, kTrio, qUno2010, before }
}
