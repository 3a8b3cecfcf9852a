/**
 * Admin API of the fitment plugin over HTTP: make/model/vehicle CRUD with their refusals.
 */
import { countRows, storeClient } from "../helpers/env"
import { admin, createProduct } from "./helpers"

const client = storeClient()

describe("makes, models and vehicles", () => {
  let makeId: string
  let modelId: string
  let vehicleId: string
  let productId: string

  beforeAll(async () => {
    productId = await createProduct("Cruddpiece", "cruddpiece", "CRUDD-1")
  })

  it("makes: create, refuse another spelling of the same make, rename, list", async () => {
    const created = await admin("POST", "/admin/vehicles/makes", {
      name: "Crudd Motors",
      aliases: ["CM"],
    })
    expect(created.status).toBe(201)
    expect(created.body.make).toMatchObject({
      name: "Crudd Motors",
      handle: "crudd-motors",
      aliases: ["CM"],
    })
    makeId = created.body.make.id
    for (const spelling of ["CRUDD-MOTORS", "crudd  motors", "Crüdd Motors"]) {
      const dup = await admin("POST", "/admin/vehicles/makes", {
        name: spelling,
      })
      expect(dup.status).toBe(422)
      expect(dup.body.message).toMatch(/same make as "Crudd Motors"/)
    }
    expect((await admin("POST", "/admin/vehicles/makes", {})).status).toBe(400)
    const renamed = await admin("POST", `/admin/vehicles/makes/${makeId}`, {
      name: "Crudd Motor Co",
    })
    expect(renamed.status).toBe(200)
    expect(renamed.body.make).toMatchObject({
      name: "Crudd Motor Co",
      handle: "crudd-motor-co",
      aliases: ["CM"],
    })
    // renaming uses the same make key as creation and the imports: "VW" is Volkswagen
    await admin("POST", "/admin/vehicles/makes", { name: "Volkswagen" }) // 201, or 422 when the demo has it
    const vw = await admin("POST", `/admin/vehicles/makes/${makeId}`, {
      name: "vw",
    })
    expect(vw.status).toBe(422)
    expect(vw.body.message).toMatch(/same make as "Volkswagen"/)
    expect(
      (await admin("GET", `/admin/vehicles/makes/${makeId}`)).body.make.name
    ).toBe("Crudd Motor Co")
    const list = await admin("GET", "/admin/vehicles/makes?q=crudd")
    expect(list.body.makes.map((m: any) => m.id)).toEqual([makeId])
    // a make without vehicles is not offered to shoppers
    const store = await client.client.request("GET", "/store/vehicles/makes")
    expect(store.makes.map((m: any) => m.id)).not.toContain(makeId)
  })

  it("models: create, refuse duplicates, rename", async () => {
    expect(
      (await admin("POST", "/admin/vehicles/models", { name: "Sigma" })).body
        .message
    ).toMatch(/make_id: is required/)
    expect(
      (
        await admin("POST", "/admin/vehicles/models", {
          make_id: "vmake_nope",
          name: "Sigma",
        })
      ).status
    ).toBe(404)
    const created = await admin("POST", "/admin/vehicles/models", {
      make_id: makeId,
      name: "Sigma",
    })
    expect(created.status).toBe(201)
    expect(created.body.model).toMatchObject({ make_id: makeId, name: "Sigma" })
    modelId = created.body.model.id
    const dup = await admin("POST", "/admin/vehicles/models", {
      make_id: makeId,
      name: "SIGMA",
    })
    expect(dup.status).toBe(422)
    expect(dup.body.message).toMatch(/same model as "Sigma"/)
    const other = await admin("POST", "/admin/vehicles/models", {
      make_id: makeId,
      name: "Tau",
    })
    expect(other.status).toBe(201)
    const clash = await admin(
      "POST",
      `/admin/vehicles/models/${other.body.model.id}`,
      { name: "sigma" }
    )
    expect(clash.status).toBe(422)
    expect(clash.body.message).toMatch(/merge them instead/)
    // a generation or body written in the name is split out, as in the import: "Tau X" is the Tau
    const split = await admin(
      "POST",
      `/admin/vehicles/models/${other.body.model.id}`,
      { name: "Tau X" }
    )
    expect(split.body.model.name).toBe("Tau")
    const renamed = await admin(
      "POST",
      `/admin/vehicles/models/${other.body.model.id}`,
      { name: "Taurus" }
    )
    expect(renamed.body.model.name).toBe("Taurus")
    expect(
      (await admin("DELETE", `/admin/vehicles/models/${other.body.model.id}`))
        .status
    ).toBe(200)
    expect(
      (await admin("GET", `/admin/vehicles/models/${other.body.model.id}`))
        .status
    ).toBe(404)
    const list = await admin("GET", `/admin/vehicles/models?make_id=${makeId}`)
    expect(list.body.models.map((m: any) => m.name)).toEqual(["Sigma"])
  })

  it("vehicles: create with the import's validation, refuse bad fields and twins, update", async () => {
    const bad = await admin("POST", "/admin/vehicles", {
      model_id: modelId,
      year_from: 2016,
      year_to: 2012,
    })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/year_to: .*before/)
    const text = await admin("POST", "/admin/vehicles", {
      model_id: modelId,
      year_from: "deux mille",
    })
    expect(text.status).toBe(400)
    expect(text.body.message).toMatch(/year_from/)
    expect(
      (await admin("POST", "/admin/vehicles", { year_from: 2016 })).body.message
    ).toMatch(/model_id: is required/)

    const created = await admin("POST", "/admin/vehicles", {
      model_id: modelId,
      year_from: 2016,
      engine: "1.6 HDi 92",
      engine_code: "9hp",
      displacement_cc: 1560,
      power_hp: 92,
      fuel: "gazole",
    })
    expect(created.status).toBe(201)
    vehicleId = created.body.vehicle.id
    expect(created.body.vehicle).toMatchObject({
      make: { id: makeId },
      model: { id: modelId },
      year_from: 2016,
      year_to: null,
      engine_code: "9HP",
      displacement_cc: 1560,
      power_hp: 92,
      fuel: "diesel",
    })
    // kW derived from hp (1 hp = 0.7355 kW)
    expect(created.body.vehicle.power_kw).toBeGreaterThanOrEqual(67)
    expect(created.body.vehicle.power_kw).toBeLessThanOrEqual(68)
    const twin = await admin("POST", "/admin/vehicles", {
      model_id: modelId,
      year_from: 2016,
      engine: "1.6 HDi 92",
      engine_code: "9HP",
      fuel: "diesel",
    })
    expect(twin.status).toBe(422)
    expect(twin.body.message).toMatch(new RegExp(vehicleId))

    const updated = await admin("POST", `/admin/vehicles/${vehicleId}`, {
      year_to: 2020,
      ktype: 123456,
    })
    expect(updated.status).toBe(200)
    expect(updated.body.vehicle).toMatchObject({
      id: vehicleId,
      year_from: 2016,
      year_to: 2020,
      ktype: 123456,
      engine_code: "9HP",
      power_hp: 92,
    })
    const badUpdate = await admin("POST", `/admin/vehicles/${vehicleId}`, {
      year_to: 2010,
    })
    expect(badUpdate.status).toBe(400)
    expect(
      (await admin("GET", `/admin/vehicles/${vehicleId}`)).body.vehicle.year_to
    ).toBe(2020)
    const listed = await admin(
      "GET",
      `/admin/vehicles?model_id=${modelId}&year=2018`
    )
    expect(listed.body).toMatchObject({
      count: 1,
      vehicles: [{ id: vehicleId }],
    })
    expect(
      (await admin("GET", `/admin/vehicles?model_id=${modelId}&year=2021`)).body
        .count
    ).toBe(0)
    // now it has a vehicle, the store selector offers make and model
    const store = await client.client.request("GET", "/store/vehicles/makes")
    expect(store.makes.map((m: any) => m.id)).toContain(makeId)
  })

  it("refuses to delete a vehicle with links (merge it instead), a model with vehicles, a make with models", async () => {
    expect(
      (
        await admin("POST", `/admin/products/${productId}/fitment`, {
          vehicle_id: vehicleId,
        })
      ).status
    ).toBe(201)
    const vehicle = await admin("DELETE", `/admin/vehicles/${vehicleId}`)
    expect(vehicle.status).toBe(400)
    expect(vehicle.body.message).toMatch(
      /1 fitment link\(s\): merge it into another vehicle/
    )
    const model = await admin("DELETE", `/admin/vehicles/models/${modelId}`)
    expect(model.status).toBe(400)
    expect(model.body.message).toMatch(/still has 1 vehicle/)
    const make = await admin("DELETE", `/admin/vehicles/makes/${makeId}`)
    expect(make.status).toBe(400)
    expect(make.body.message).toMatch(/still has 1 model/)
    expect(await countRows("fitment WHERE vehicle_id = $1", [vehicleId])).toBe(
      1
    )
    expect((await admin("GET", `/admin/vehicles/${vehicleId}`)).status).toBe(
      200
    )
  })

  it("deletes vehicle, model and make once they are empty", async () => {
    const links = await admin("GET", `/admin/products/${productId}/fitment`)
    expect(
      (
        await admin(
          "DELETE",
          `/admin/products/${productId}/fitment/${links.body.links[0].id}`
        )
      ).status
    ).toBe(200)
    expect(
      (await admin("DELETE", `/admin/vehicles/${vehicleId}`)).body
    ).toEqual({ id: vehicleId, object: "vehicle", deleted: true })
    expect((await admin("GET", `/admin/vehicles/${vehicleId}`)).status).toBe(
      404
    )
    expect(
      (await admin("DELETE", `/admin/vehicles/models/${modelId}`)).status
    ).toBe(200)
    expect(
      (await admin("DELETE", `/admin/vehicles/makes/${makeId}`)).status
    ).toBe(200)
    expect((await admin("GET", `/admin/vehicles/makes/${makeId}`)).status).toBe(
      404
    )
  })
})
