/**
 * Admin API of the fitment plugin over HTTP: a product's fitment links and universal flag (then offered for
 * any vehicle by GET /store/products?vehicle_id=), and its part numbers.
 */
import { storeClient } from "../helpers/env"
import { admin, createProduct } from "./helpers"

const client = storeClient()

describe("a product's fitment links and the universal flag", () => {
  let v1: string
  let v2: string
  let lonely: string
  let productId: string
  let otherProduct: string
  let otherVariant: string
  let linkId: string

  /** The store's verdict on the product for a vehicle (GET /store/products/:id/fitment?vehicle_id=). */
  const fitmentOf = (vehicleId: string) =>
    client.client.request(
      "GET",
      `/store/products/${productId}/fitment?vehicle_id=${vehicleId}`
    )

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
    const fit = await fitmentOf(v1)
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
    expect((await fitmentOf(v2)).verdict).toBe("does_not_fit")
    expect((await fitmentOf(lonely)).verdict).toBe("unknown")
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
    expect((await fitmentOf(v2)).verdict).toBe("does_not_fit")
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
    expect((await fitmentOf(v1)).verdict).toBe("unknown")
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
      expect((await fitmentOf(vehicle)).verdict).toBe("fits")
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
