/**
 * Admin API of the fitment plugin over HTTP: brand CRUD and a product's brand (seen in the store product
 * responses).
 */
import { storeClient } from "../helpers/env"
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
