/**
 * Admin API of the fitment plugin over HTTP: brand CRUD and a product's brand (seen in the store product
 * responses), make/model/vehicle CRUD with their refusals, a product's fitment links (add, change, remove)
 * and the universal flag (then the product is offered for any vehicle by GET /store/products?vehicle_id=).
 */
import { sql, storeClient } from "../helpers/env"
import { admin, createProduct } from "./helpers"

const client = storeClient()

describe("brands", () => {
  let brandId: string
  let productId: string

  beforeAll(async () => {
    productId = await createProduct("Marquepiece", "marquepiece", "MARQ-1")
  })

  it("creates, reads, lists, updates and refuses a duplicate handle", async () => {
    const created = await admin("POST", "/admin/brands", {
      name: "  Brémbo  Test ",
      country: "IT",
      logo_url: "https://cdn.example/brembo.png",
    })
    expect(created.status).toBe(201)
    expect(created.body.brand).toMatchObject({
      name: "Brémbo Test",
      handle: "brembo-test",
      country: "IT",
      product_count: 0,
    })
    brandId = created.body.brand.id
    expect(
      (await admin("GET", `/admin/brands/${brandId}`)).body.brand
    ).toMatchObject({ id: brandId })
    expect(
      (await admin("GET", "/admin/brands/brembo-test")).body.brand
    ).toMatchObject({ id: brandId })
    const listed = await admin("GET", "/admin/brands?q=brémbo")
    expect(listed.body).toMatchObject({ count: 1, brands: [{ id: brandId }] })

    const dup = await admin("POST", "/admin/brands", { name: "Brembo-Test" })
    expect(dup.status).toBe(422)
    expect(dup.body.message).toMatch(/handle.*brembo-test.*already exists/)
    expect(
      (await admin("POST", "/admin/brands", { country: "FR" })).body.message
    ).toMatch(/name: is required/)

    const updated = await admin("POST", `/admin/brands/${brandId}`, {
      description: "Freins",
      country: "DE",
    })
    expect(updated.status).toBe(200)
    expect(updated.body.brand).toMatchObject({
      name: "Brémbo Test",
      handle: "brembo-test",
      description: "Freins",
      country: "DE",
      logo_url: "https://cdn.example/brembo.png",
    })
  })

  it("refuses to empty a brand's name or handle", async () => {
    const name = await admin("POST", `/admin/brands/${brandId}`, { name: "  " })
    expect(name.status).toBe(400)
    expect(name.body.message).toMatch(/name/)
    const handle = await admin("POST", `/admin/brands/${brandId}`, {
      handle: "--",
    })
    expect(handle.status).toBe(400)
    expect(handle.body.message).toMatch(/handle/)
    expect(
      (await admin("GET", `/admin/brands/${brandId}`)).body.brand.handle
    ).toBe("brembo-test")
  })

  it("sets a product's brand, shown by the store list and detail, and removes it", async () => {
    const set = await admin("POST", `/admin/products/${productId}/brand`, {
      brand_id: brandId,
    })
    expect(set.status).toBe(200)
    expect(set.body.product).toMatchObject({
      product_id: productId,
      brand_id: brandId,
      is_universal: false,
    })
    const detail = await client.products.retrieve(productId)
    expect((detail.product as any).brand).toEqual({
      id: brandId,
      name: "Brémbo Test",
      handle: "brembo-test",
      logo_url: "https://cdn.example/brembo.png",
      country: "DE",
    })
    const list = await client.products.list({ q: "Marquepiece" } as any)
    expect((list.products[0] as any).brand).toMatchObject({ id: brandId })
    const byBrand = await client.products.list({ brand_id: [brandId] } as any)
    expect(byBrand.products.map((x) => x.id)).toEqual([productId])
    expect(
      (await client.client.request("GET", "/store/brands/brembo-test")).brand
        .product_count
    ).toBe(1)

    const unknown = await admin("POST", `/admin/products/${productId}/brand`, {
      brand_id: "brand_nope",
    })
    expect(unknown.status).toBe(404)
    expect(
      (await admin("POST", `/admin/products/${productId}/brand`, {})).status
    ).toBe(400)
    expect(
      (
        await admin("POST", `/admin/products/prod_nope/brand`, {
          brand_id: brandId,
        })
      ).status
    ).toBe(404)

    expect(
      (
        await admin("POST", `/admin/products/${productId}/brand`, {
          brand_id: null,
        })
      ).body.product.brand_id
    ).toBeNull()
    expect(
      ((await client.products.retrieve(productId)).product as any).brand
    ).toBeNull()
  })

  it("refuses to delete a brand products still use, and deletes it once unused", async () => {
    await admin("POST", `/admin/products/${productId}/brand`, {
      brand_id: brandId,
    })
    const refused = await admin("DELETE", `/admin/brands/${brandId}`)
    expect(refused.status).toBe(400)
    expect(refused.body.message).toBe(
      "Brand Brémbo Test is used by 1 product(s): give them another brand (or none) before deleting it"
    )
    expect(
      (await admin("GET", `/admin/brands/${brandId}`)).body.brand.product_count
    ).toBe(1)
    expect(
      ((await client.products.retrieve(productId)).product as any).brand
    ).toMatchObject({ id: brandId })

    expect(
      (
        await admin("POST", `/admin/products/${productId}/brand`, {
          brand_id: null,
        })
      ).status
    ).toBe(200)
    const del = await admin("DELETE", `/admin/brands/${brandId}`)
    expect(del.status).toBe(200)
    expect(del.body).toEqual({ id: brandId, object: "brand", deleted: true })
    expect((await admin("GET", `/admin/brands/${brandId}`)).status).toBe(404)
    expect(
      ((await client.products.retrieve(productId)).product as any).brand
    ).toBeNull()
    expect((await admin("GET", `/admin/products/${productId}`)).status).toBe(
      200
    )
  })
})

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
    expect(
      (
        await sql(
          `SELECT count(*)::int AS n FROM fitment WHERE vehicle_id = $1`,
          [vehicleId]
        )
      )[0].n
    ).toBe(1)
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

describe("a product's fitment links and the universal flag", () => {
  let v1: string
  let v2: string
  let lonely: string
  let productId: string
  let otherProduct: string
  let otherVariant: string
  let linkId: string

  beforeAll(async () => {
    const make = await admin("POST", "/admin/vehicles/makes", {
      name: "Lienmake",
    })
    const model = await admin("POST", "/admin/vehicles/models", {
      make_id: make.body.make.id,
      name: "Kappa",
    })
    const mk = async (year: number) =>
      (
        await admin("POST", "/admin/vehicles", {
          model_id: model.body.model.id,
          year_from: year,
          year_to: year + 4,
        })
      ).body.vehicle.id
    v1 = await mk(2008)
    v2 = await mk(2013)
    lonely = await mk(2018) // no part is linked to it
    productId = await createProduct("Lienpiece", "lienpiece", "LIEN-1")
    otherProduct = await createProduct("Lienautre", "lienautre", "LIEN-2")
    otherVariant = (await admin("GET", `/admin/products/${otherProduct}`)).body
      .product.variants[0].id
    // v2 has fitment data (another part fits it): a part not linked to it does not fit; `lonely` has none: unknown
    expect(
      (
        await admin("POST", `/admin/products/${otherProduct}/fitment`, {
          vehicle_id: v2,
        })
      ).status
    ).toBe(201)
  })

  const links = async () =>
    (await admin("GET", `/admin/products/${productId}/fitment`)).body

  it("adds a link, and the same link posted again updates it instead of duplicating it", async () => {
    const added = await admin("POST", `/admin/products/${productId}/fitment`, {
      vehicle_id: v1,
      position: "avant",
      quantity: 2,
      note_fr: "Avec ABS",
    })
    expect(added.status).toBe(201)
    expect(added.body.link).toMatchObject({
      vehicle_id: v1,
      position: "front",
      quantity: 2,
      note_fr: "Avec ABS",
      source: "staff",
    })
    linkId = added.body.link.id
    const again = await admin("POST", `/admin/products/${productId}/fitment`, {
      vehicle_id: v1,
      position: "front",
      quantity: 2,
      note_ar: "مع ABS",
    })
    expect(again.status).toBe(200)
    expect(again.body.link).toMatchObject({
      id: linkId,
      note_fr: "Avec ABS",
      note_ar: "مع ABS",
    })
    expect((await links()).count).toBe(1)
    const fit = await client.client.request(
      "GET",
      `/store/products/${productId}/fitment?vehicle_id=${v1}`
    )
    expect(fit).toMatchObject({
      verdict: "fits",
      fitments: [
        {
          position: "front",
          quantity: 2,
          note_fr: "Avec ABS",
          note_ar: "مع ABS",
        },
      ],
    })
    expect(
      (
        await client.client.request(
          "GET",
          `/store/products/${productId}/fitment?vehicle_id=${v2}`
        )
      ).verdict
    ).toBe("does_not_fit")
    expect(
      (
        await client.client.request(
          "GET",
          `/store/products/${productId}/fitment?vehicle_id=${lonely}`
        )
      ).verdict
    ).toBe("unknown")
  })

  it("refuses bad links with the field at fault", async () => {
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{}, 400, /vehicle_id: is required/],
      [{ vehicle_id: "veh_nope" }, 404, /veh_nope/],
      [{ vehicle_id: v1, position: "dessus" }, 400, /position/],
      [{ vehicle_id: v1, quantity: 0 }, 400, /quantity/],
      [{ vehicle_id: v1, from_ym: 201513 }, 400, /from_ym/],
      [{ vehicle_id: v1, from_ym: 201506, to_ym: 201401 }, 400, /to_ym/],
      [{ vehicle_id: v1, variant_id: otherVariant }, 400, /variant_id/],
      [{ vehicle_id: v1, source: "rumour" }, 400, /source/],
    ]
    for (const [body, status, message] of cases) {
      const res = await admin(
        "POST",
        `/admin/products/${productId}/fitment`,
        body
      )
      expect({ body, status: res.status }).toEqual({ body, status })
      expect(res.body.message).toMatch(message)
    }
    expect(
      (
        await admin("POST", `/admin/products/prod_nope/fitment`, {
          vehicle_id: v1,
        })
      ).status
    ).toBe(404)
    expect((await links()).count).toBe(1)
  })

  it("changes a link's qualifiers and vehicle; refuses a change that would duplicate another link", async () => {
    const changed = await admin(
      "POST",
      `/admin/products/${productId}/fitment/${linkId}`,
      { position: "rear", quantity: 4, from_ym: 201003 }
    )
    expect(changed.status).toBe(200)
    expect(changed.body.link).toMatchObject({
      id: linkId,
      vehicle_id: v1,
      position: "rear",
      quantity: 4,
      from_ym: 201003,
      note_fr: "Avec ABS",
    })
    const second = await admin("POST", `/admin/products/${productId}/fitment`, {
      vehicle_id: v2,
    })
    expect(second.status).toBe(201)
    const moved = await admin(
      "POST",
      `/admin/products/${productId}/fitment/${second.body.link.id}`,
      { vehicle_id: v1, position: "rear", from_ym: 201003 }
    )
    expect(moved.status).toBe(422)
    expect(moved.body.message).toMatch(/already has this link/)
    expect(
      (
        await admin(
          "GET",
          `/admin/products/${productId}/fitment/${second.body.link.id}`
        )
      ).body.link.vehicle_id
    ).toBe(v2)
    const other = await admin(
      "POST",
      `/admin/products/${productId}/fitment/${second.body.link.id}`,
      { vehicle_id: v1 }
    )
    expect(other.status).toBe(200)
    expect(other.body.link).toMatchObject({ vehicle_id: v1, position: null })
    expect(
      (
        await client.client.request(
          "GET",
          `/store/products/${productId}/fitment?vehicle_id=${v2}`
        )
      ).verdict
    ).toBe("does_not_fit")
    const list = await links()
    expect(list.count).toBe(2)
    // a link id of another product is not reachable through this one
    expect(
      (await admin("GET", `/admin/products/${otherProduct}/fitment/${linkId}`))
        .status
    ).toBe(404)
    expect(
      (
        await admin(
          "POST",
          `/admin/products/${otherProduct}/fitment/${linkId}`,
          { quantity: 9 }
        )
      ).status
    ).toBe(404)
  })

  it("removes links; a product without links is 'unknown' again", async () => {
    for (const l of (await links()).links) {
      const del = await admin(
        "DELETE",
        `/admin/products/${productId}/fitment/${l.id}`
      )
      expect(del.body).toEqual({ id: l.id, object: "fitment", deleted: true })
    }
    expect(
      (await admin("DELETE", `/admin/products/${productId}/fitment/${linkId}`))
        .status
    ).toBe(404)
    expect((await links()).count).toBe(0)
    expect(
      (
        await client.client.request(
          "GET",
          `/store/products/${productId}/fitment?vehicle_id=${v1}`
        )
      ).verdict
    ).toBe("unknown")
  })

  it("marks a product universal: then it is offered for any vehicle, and unmarking takes it back", async () => {
    const before = await client.products.list({
      vehicle_id: [lonely],
      q: "Lienpiece",
    } as any)
    expect(before.count).toBe(0)
    expect(
      (
        await admin("POST", `/admin/products/${productId}/universal`, {
          universal: "yes",
        })
      ).status
    ).toBe(400)
    const marked = await admin(
      "POST",
      `/admin/products/${productId}/universal`,
      { universal: true }
    )
    expect(marked.status).toBe(200)
    expect(marked.body.product).toMatchObject({
      product_id: productId,
      is_universal: true,
    })
    for (const vehicle of [v1, v2, lonely]) {
      const res = await client.products.list({
        vehicle_id: [vehicle],
        q: "Lienpiece",
      } as any)
      expect(res.products.map((x) => x.id)).toEqual([productId])
      expect((res.products[0] as any).is_universal).toBe(true)
      expect(
        (
          await client.client.request(
            "GET",
            `/store/products/${productId}/fitment?vehicle_id=${vehicle}`
          )
        ).verdict
      ).toBe("fits")
    }
    expect(
      (await admin("GET", `/admin/products/${productId}/fitment`)).body
        .universal
    ).toBe(true)
    expect(
      (
        await admin("POST", `/admin/products/${productId}/universal`, {
          universal: false,
        })
      ).body.product.is_universal
    ).toBe(false)
    expect(
      (
        await client.products.list({
          vehicle_id: [lonely],
          q: "Lienpiece",
        } as any)
      ).count
    ).toBe(0)
  })
})

describe("a product's part numbers", () => {
  it("adds, looks up and deletes numbers; deleting an unknown or already deleted number is 404", async () => {
    const productId = await createProduct("Numeropiece", "numeropiece", "NUM-1")
    const added = await admin(
      "POST",
      `/admin/products/${productId}/part-numbers`,
      { numbers: [{ type: "oe", raw: "77 01 208 265" }] }
    )
    expect(added.status).toBe(200)
    const [number] = (
      await admin("GET", `/admin/products/${productId}/part-numbers`)
    ).body.part_numbers
    expect(number).toMatchObject({
      type: "oe",
      raw: "77 01 208 265",
      normalized: "7701208265",
    })
    expect(
      (
        await client.client.request(
          "GET",
          "/store/parts/lookup?number=7701208265"
        )
      ).products.map((x: any) => x.id)
    ).toEqual([productId])
    const del = await admin(
      "DELETE",
      `/admin/products/${productId}/part-numbers/${number.id}`
    )
    expect(del.status).toBe(200)
    expect(
      (
        await client.client.request(
          "GET",
          "/store/parts/lookup?number=7701208265"
        )
      ).count
    ).toBe(0)
    const again = await admin(
      "DELETE",
      `/admin/products/${productId}/part-numbers/${number.id}`
    )
    expect(again.status).toBe(404)
    expect(again.body.message).toMatch(new RegExp(number.id))
    expect(
      (
        await admin(
          "DELETE",
          `/admin/products/${productId}/part-numbers/pnum_nope`
        )
      ).status
    ).toBe(404)
  })

  it("refuses a number the product already has (same type, maker and normalised number), naming it; nothing is written", async () => {
    const productId = await createProduct(
      "Doublonpiece",
      "doublonpiece",
      "DBL-1"
    )
    const path = `/admin/products/${productId}/part-numbers`
    expect(
      (
        await admin("POST", path, {
          numbers: [{ type: "oe", raw: "1609412480", brand_name: "Peugeot" }],
        })
      ).status
    ).toBe(200)
    const again = await admin("POST", path, {
      numbers: [
        { type: "cross", raw: "GDB 1234", brand_name: "TRW" },
        { type: "oe", raw: "1609.412.480", brand_name: "peugeot" },
      ],
    })
    expect(again.status).toBe(422)
    expect(again.body.type).toBe("duplicate_error")
    expect(again.body.message).toBe(
      'numbers[1]: OE number "1609.412.480" (peugeot) is already recorded for this product as "1609412480"'
    )
    const twice = await admin("POST", path, {
      numbers: [
        { type: "mpn", raw: "AB-12" },
        { type: "mpn", raw: "ab 12" },
      ],
    })
    expect(twice.status).toBe(422)
    expect(twice.body.message).toMatch(
      /^numbers\[1\]: MPN number "ab 12" is already recorded for this product earlier in the request/
    )
    // nothing of the refused requests was written; another type or maker is not a duplicate
    expect(
      (await admin("GET", path)).body.part_numbers.map((n: any) => n.raw)
    ).toEqual(["1609412480"])
    const other = await admin("POST", path, {
      numbers: [
        { type: "cross", raw: "1609412480", brand_name: "Peugeot" },
        { type: "oe", raw: "1609412480", brand_name: "Citroën" },
      ],
    })
    expect(other.status).toBe(200)
    expect(other.body.added).toBe(2)
  })
})
