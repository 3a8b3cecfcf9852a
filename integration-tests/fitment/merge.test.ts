/**
 * Merges through POST /admin/fitment/merges: two vehicles, two models, two makes. Every link moves to the
 * survivor and none is dropped, a link identical to one of the survivor is folded into it (its notes and the
 * larger quantity kept), the merge is recorded in fitment_merge, the merged record is gone, and the store's
 * cascading selector no longer offers it. The expected links are read from the database before each merge.
 */
import { countRows, sql, storeClient, testEnv } from "../helpers/env"
import { admin, merge, upload } from "./helpers"
import {
  importMergeCatalogue,
  linksOf,
  makeMergeCase,
  modelMergeCase,
  qualifiers,
  vehicleMergeCase,
  type Link,
} from "./merge-setup"

const client = storeClient()

const p: Record<string, string> = {}

beforeAll(async () => {
  Object.assign(p, await importMergeCatalogue())
})

describe("merge two vehicles", () => {
  let survivor: string
  let merged: string
  let before: Link[]
  let foldedInto: string
  let result: { status: number; body: any }

  beforeAll(async () => {
    ;({ survivor, merged, before, foldedInto } = await vehicleMergeCase(p))
  })

  it("refuses a merge into itself, an unknown entity and an unknown vehicle without touching anything", async () => {
    const self = await merge("vehicle", survivor, survivor)
    expect(self.status).toBe(400)
    expect(self.body.message).toMatch(/itself/)
    const entity = await merge("car", survivor, merged)
    expect(entity.status).toBe(400)
    expect(entity.body.message).toMatch(/entity/)
    const missing = await merge("vehicle", survivor)
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(/merged_id/)
    const unknown = await merge("vehicle", survivor, "veh_does_not_exist")
    expect(unknown.status).toBe(404)
    expect(await linksOf([survivor, merged])).toEqual(before)
  })

  it("moves every link to the survivor, folds the identical one, and drops nothing", async () => {
    result = await merge("vehicle", survivor, merged)
    expect(result.status).toBe(200)
    const after = await linksOf([survivor, merged])
    expect(after.every((l) => l.vehicle_id === survivor)).toBe(true)
    // every distinct link of before is still there, once
    const expected = Array.from(new Set(before.map(qualifiers))).sort()
    expect(after.map(qualifiers).sort()).toEqual(expected)
    expect(after).toHaveLength(5)
    // moved links keep their ids and every qualifier
    for (const b of before.filter(
      (l) =>
        l.vehicle_id === merged &&
        !(l.product_id === p[1] && l.position === "front")
    )) {
      expect(after.find((a) => a.id === b.id)).toEqual({
        ...b,
        vehicle_id: survivor,
      })
    }
    // the folded link keeps the survivor's id, gains the merged link's notes and larger quantity
    const folded = after.find(
      (a) => a.product_id === p[1] && a.position === "front"
    )!
    expect(folded).toMatchObject({
      id: foldedInto,
      quantity: 4,
      note_fr: "Disque 258 mm",
      note_ar: "قرص 258 مم",
    })
    const kept = after.find((a) => a.product_id === p[4])!
    expect(kept.note_fr).toBe("Garde")
  })

  it("records the merge with the moved and folded links", async () => {
    expect(result.body.merge).toMatchObject({
      entity: "vehicle",
      survivor_id: survivor,
      merged_id: merged,
      moved_links: 4,
    })
    const [row] = await sql(
      `SELECT * FROM fitment_merge WHERE merged_id = $1`,
      [merged]
    )
    expect(row).toMatchObject({
      entity: "vehicle",
      survivor_id: survivor,
      moved_links: 4,
    })
    expect(row.actor).toEqual(expect.any(String))
    expect(row.details.merged_vehicle).toMatchObject({
      id: merged,
      engine: "1.4 i",
    })
    expect(row.details.moved_link_ids.sort()).toEqual(
      before
        .filter(
          (l) =>
            l.vehicle_id === merged &&
            !(l.product_id === p[1] && l.position === "front")
        )
        .map((l) => l.id)
        .sort()
    )
    expect(row.details.folded_links).toHaveLength(1)
    expect(row.details.folded_links[0]).toMatchObject({
      product_id: p[1],
      note_fr: "Disque 258 mm",
      survivor_link_id: foldedInto,
    })
    const log = await admin(
      "GET",
      `/admin/fitment/merges?entity=vehicle&survivor_id=${survivor}`
    )
    expect(log.status).toBe(200)
    expect(log.body.count).toBe(1)
    expect(log.body.merges[0]).toMatchObject({
      id: result.body.merge.id,
      merged_id: merged,
    })
  })

  it("the merged vehicle is gone: 404 everywhere, not offered by the selector, its parts found on the survivor", async () => {
    expect((await admin("GET", `/admin/vehicles/${merged}`)).status).toBe(404)
    const store = await fetch(`${testEnv().baseUrl}/store/vehicles/${merged}`)
    expect(store.status).toBe(404)
    const modelId = (
      await sql(`SELECT model_id FROM vehicle WHERE id = $1`, [survivor])
    )[0].model_id
    const offered = await client.client.request(
      "GET",
      `/store/vehicles?model_id=${modelId}&year=2012`
    )
    expect(offered.vehicles.map((v: any) => v.id)).toEqual([survivor])
    const parts = await client.products.list({
      vehicle_id: [survivor],
      q: "Fusionpiece",
      limit: 50,
    } as any)
    expect(parts.products.map((x) => x.title).sort()).toEqual([
      "Fusionpiece 1",
      "Fusionpiece 2",
      "Fusionpiece 3",
      "Fusionpiece 4",
    ])
    const gone = await fetch(
      `${testEnv().baseUrl}/store/products?vehicle_id=${merged}`
    )
    expect(gone.status).toBe(400)
    const verdict = await client.client.request(
      "GET",
      `/store/products/${p[2]}/fitment?vehicle_id=${survivor}`
    )
    expect(verdict).toMatchObject({
      verdict: "fits",
      fitments: [{ engine_code: "QA14", quantity: 2 }],
    })
  })

  it("a second merge of the same vehicle answers 404 and changes nothing", async () => {
    const snapshot = await linksOf([survivor])
    const again = await merge("vehicle", survivor, merged)
    expect(again.status).toBe(404)
    expect(await linksOf([survivor])).toEqual(snapshot)
    expect(
      await countRows("fitment_merge WHERE merged_id = $1", [merged])
    ).toBe(1)
  })
})

describe("merge two models", () => {
  let uno: string
  let unno: string
  let uno2015: string
  let unno2015: string
  let unno2018: string
  let before: Link[]
  let result: { status: number; body: any }

  beforeAll(async () => {
    ;({ uno, unno, uno2015, unno2015, unno2018, before } =
      await modelMergeCase(p))
  })

  it("moves the vehicles to the survivor, folds twin vehicles, keeps every link", async () => {
    result = await merge("model", uno, unno)
    expect(result.status).toBe(200)
    expect(result.body.survivor).toMatchObject({ id: uno, name: "Uno" })
    expect(result.body.survivor.aliases).toContain("Unno")
    expect((await admin("GET", `/admin/vehicles/models/${unno}`)).status).toBe(
      404
    )
    // the 2015 twin was folded into Uno's 2015 vehicle, the 2018 one moved
    expect((await admin("GET", `/admin/vehicles/${unno2015}`)).status).toBe(404)
    const moved = await admin("GET", `/admin/vehicles/${unno2018}`)
    expect(moved.status).toBe(200)
    expect(moved.body.vehicle.model).toMatchObject({ id: uno, name: "Uno" })
    const after = await linksOf([uno2015, unno2015, unno2018])
    expect(after.map(qualifiers).sort()).toEqual(
      Array.from(new Set(before.map(qualifiers))).sort()
    )
    expect(after).toHaveLength(3)
    expect(
      after.find((l) => l.product_id === p[5] && l.position === "left")
    ).toMatchObject({
      vehicle_id: uno2015,
      note_fr: "Côté conducteur",
      note_ar: "جهة السائق",
    })
    expect(after.find((l) => l.product_id === p[6])).toMatchObject({
      vehicle_id: uno2015,
      quantity: 3,
    })
    expect(
      after.find((l) => l.product_id === p[5] && l.position === null)
    ).toMatchObject({ vehicle_id: unno2018 })
  })

  it("records the model merge and the vehicle merge it caused", async () => {
    const rows = await sql(
      `SELECT entity, survivor_id, merged_id, moved_links, details FROM fitment_merge WHERE merged_id = ANY($1)`,
      [[unno, unno2015]]
    )
    const model = rows.find((r) => r.entity === "model")
    expect(model).toMatchObject({
      survivor_id: uno,
      merged_id: unno,
      moved_links: 3,
    })
    expect(model.details.merged_model).toMatchObject({ id: unno, name: "Unno" })
    expect(model.details.moved_vehicle_ids.sort()).toEqual(
      [unno2015, unno2018].sort()
    )
    expect(rows.find((r) => r.entity === "vehicle")).toMatchObject({
      survivor_id: uno2015,
      merged_id: unno2015,
      moved_links: 2,
    })
  })

  it("the selector no longer offers the merged model, and offers its years under the survivor", async () => {
    const makeId = (
      await sql(`SELECT id FROM vehicle_make WHERE key = 'qalmar'`)
    )[0].id
    const models = await client.client.request(
      "GET",
      `/store/vehicles/models?make_id=${makeId}`
    )
    expect(models.models.map((m: any) => m.name)).toEqual(["Uno"])
    const in2019 = await client.client.request(
      "GET",
      `/store/vehicles?model_id=${uno}&year=2019`
    )
    expect(in2019.vehicles.map((v: any) => v.id).sort()).toEqual(
      [uno2015, unno2018].sort()
    )
  })

  it("a later import spelling the merged model lands on the survivor instead of bringing it back", async () => {
    const res = await upload(
      "vehicles",
      "make;model;year_from;year_to;engine;engine_code;cc;hp;fuel\nQalmar;Unno;2018;;1.2 T;QT12;1199;110;essence\n",
      { dry_run: true }
    )
    expect(res.status).toBe(200)
    expect(res.body.import.summary).toMatchObject({ created: 0, unchanged: 1 })
  })
})

describe("merge two makes", () => {
  let qalmar: string
  let kalmar: string
  let kUno2010: string
  let kTrio: string
  let qUno2010: string
  let before: Link[]

  beforeAll(async () => {
    ;({ qalmar, kalmar, kUno2010, kTrio, qUno2010, before } =
      await makeMergeCase(p))
  })

  it("moves models and vehicles under the survivor and keeps every link", async () => {
    const res = await merge("make", qalmar, kalmar)
    expect(res.status).toBe(200)
    expect(res.body.survivor.aliases).toContain("Kalmar")
    expect(res.body.merge).toMatchObject({
      entity: "make",
      survivor_id: qalmar,
      merged_id: kalmar,
      moved_links: 3,
    })
    expect((await admin("GET", `/admin/vehicles/makes/${kalmar}`)).status).toBe(
      404
    )
    const trio = await admin("GET", `/admin/vehicles/${kTrio}`)
    expect(trio.status).toBe(200)
    expect(trio.body.vehicle).toMatchObject({
      make: { id: qalmar },
      model: { name: "Trio" },
    })
    expect((await admin("GET", `/admin/vehicles/${kUno2010}`)).status).toBe(404)
    const after = await linksOf([kUno2010, kTrio, qUno2010])
    expect(after.map(qualifiers).sort()).toEqual(
      Array.from(new Set(before.map(qualifiers))).sort()
    )
    expect(
      after.find((l) => l.product_id === p[1] && l.position === "front")
    ).toMatchObject({
      vehicle_id: qUno2010,
      quantity: 4,
      note_fr: "Disque 258 mm",
    })
    expect(
      after.find((l) => l.product_id === p[6] && l.engine_code === "QA14")
    ).toMatchObject({ vehicle_id: qUno2010 })
    expect(
      after.find((l) => l.product_id === p[6] && l.vehicle_id === kTrio)
    ).toMatchObject({ note_fr: "Trio seulement" })
  })

  it("the selector offers one make with the models of both", async () => {
    const makes = await client.client.request("GET", "/store/vehicles/makes")
    expect(makes.makes.map((m: any) => m.id)).toContain(qalmar)
    expect(makes.makes.map((m: any) => m.id)).not.toContain(kalmar)
    expect(
      makes.makes.filter((m: any) => /^[qk]almar$/i.test(m.name))
    ).toHaveLength(1)
    const models = await client.client.request(
      "GET",
      `/store/vehicles/models?make_id=${qalmar}`
    )
    expect(models.models.map((m: any) => m.name).sort()).toEqual([
      "Trio",
      "Uno",
    ])
    const kModels = await client.client.request(
      "GET",
      `/store/vehicles/models?make_id=${kalmar}`
    )
    expect(kModels.models).toEqual([])
  })

  it("records the make merge", async () => {
    const log = await admin(
      "GET",
      `/admin/fitment/merges?entity=make&survivor_id=${qalmar}`
    )
    expect(log.body.merges).toHaveLength(1)
    expect(log.body.merges[0]).toMatchObject({
      merged_id: kalmar,
      moved_links: 3,
    })
    const [row] = await sql(
      `SELECT details FROM fitment_merge WHERE entity = 'make' AND merged_id = $1`,
      [kalmar]
    )
    expect(row.details.merged_make).toMatchObject({
      id: kalmar,
      name: "Kalmar",
    })
  })

  it("a later import spelling the merged make lands on the survivor instead of bringing it back", async () => {
    const res = await upload(
      "vehicles",
      "make;model;year_from;year_to;engine;engine_code;cc;hp;fuel\nKalmar;Trio;2012;2016;1.0;QA10;998;68;essence\n",
      { dry_run: true }
    )
    expect(res.status).toBe(200)
    expect(res.body.import.summary).toMatchObject({ created: 0, unchanged: 1 })
  })
})
