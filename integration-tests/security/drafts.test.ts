/**
 * Draft and deleted products are invisible to every store route, core ones included: by id and by handle,
 * in lists, their variants, carts, the fitment routes, part lookup, price history and brand product counts.
 * Only HTTP behaviour is checked, so any implementation of the store read path must pass it.
 */
import crypto from "crypto"
import { sql } from "../helpers/env"
import { call as send } from "../helpers/http"

jest.setTimeout(300000)

const run = crypto.randomBytes(3).toString("hex")
const call = (method: string, path: string, body?: unknown, admin = false) =>
  send(method, path, body, { admin })

type Made = { id: string; handle: string; variantId: string; sku: string }

async function product(
  kind: string,
  status: "draft" | "published"
): Promise<Made> {
  const handle = `securite-${kind}-${run}`
  const sku = `SEC-${kind}-${run}`.toUpperCase()
  const res = await call(
    "POST",
    "/admin/products",
    {
      title: `Sécurité ${kind} ${run}`,
      handle,
      status,
      options: [{ title: "Default" }],
      variants: [
        {
          title: "Default",
          sku,
          manage_inventory: false,
          prices: [{ currency_code: "tnd", amount: 12000 }],
          options: [{ value: "Default" }],
        },
      ],
    },
    true
  )
  expect(res.status).toBe(200)
  return {
    id: res.body.product.id,
    handle,
    variantId: res.body.product.variants[0].id,
    sku,
  }
}

describe("drafts and deleted products in the Store API", () => {
  const hidden: Record<string, Made> = {}
  let visible: Made
  let brand: { id: string; handle: string }
  let vehicleId: string
  let regionId: string

  beforeAll(async () => {
    visible = await product("publie", "published")
    hidden.draft = await product("brouillon", "draft")
    hidden.deleted = await product("supprime", "published")
    ;[{ id: vehicleId }] = await sql<{ id: string }>(
      `SELECT id FROM vehicle ORDER BY id LIMIT 1`
    )
    ;[{ id: regionId }] = await sql<{ id: string }>(
      `SELECT id FROM region WHERE currency_code = 'tnd' LIMIT 1`
    )
    const created = await call(
      "POST",
      "/admin/brands",
      { name: `Marque sécurité ${run}` },
      true
    )
    expect(created.status).toBe(201)
    brand = created.body.brand
    for (const p of [visible, hidden.draft, hidden.deleted]) {
      expect(
        (
          await call(
            "POST",
            `/admin/products/${p.id}/brand`,
            { brand_id: brand.id },
            true
          )
        ).status
      ).toBe(200)
      expect(
        (
          await call(
            "POST",
            `/admin/products/${p.id}/fitment`,
            { vehicle_id: vehicleId },
            true
          )
        ).status
      ).toBeLessThan(300)
      expect(
        (
          await call(
            "POST",
            `/admin/products/${p.id}/part-numbers`,
            { numbers: [{ type: "oe", raw: `${p.sku}-OE` }] },
            true
          )
        ).status
      ).toBeLessThan(300)
    }
    expect(
      (
        await call(
          "DELETE",
          `/admin/products/${hidden.deleted.id}`,
          undefined,
          true
        )
      ).status
    ).toBe(200)
  })

  it("the published control product is visible everywhere", async () => {
    expect((await call("GET", `/store/products/${visible.id}`)).status).toBe(
      200
    )
    expect(
      (
        await call("GET", `/store/products?handle=${visible.handle}`)
      ).body.products.map((p: any) => p.id)
    ).toEqual([visible.id])
    expect(
      (await call("GET", `/store/variants/${visible.variantId}`)).status
    ).toBe(200)
    expect(
      (
        await call(
          "GET",
          `/store/products/${visible.id}/fitment?vehicle_id=${vehicleId}`
        )
      ).body.verdict
    ).toBe("fits")
    const lookup = await call(
      "GET",
      `/store/parts/lookup?number=${visible.sku}-OE`
    )
    expect(lookup.body.products.map((p: any) => p.id)).toEqual([visible.id])
  })

  for (const kind of ["draft", "deleted"]) {
    describe(`a ${kind} product`, () => {
      it("is a 404 by id and by handle", async () => {
        const p = hidden[kind]
        for (const path of [
          `/store/products/${p.id}`,
          `/store/products/${p.handle}`,
        ]) {
          const res = await call("GET", path)
          expect({ path, status: res.status }).toEqual({ path, status: 404 })
          expect(res.body.type).toBe("not_found")
        }
      })

      it("is absent from lists (by handle, by id, by search words, by vehicle)", async () => {
        const p = hidden[kind]
        for (const query of [
          `handle=${p.handle}`,
          `id[]=${p.id}`,
          `q=${encodeURIComponent(`Sécurité ${run}`)}&limit=100`,
          `vehicle_id=${vehicleId}&limit=100`,
        ]) {
          const res = await call("GET", `/store/products?${query}`)
          expect(res.status).toBe(200)
          expect({
            query,
            ids: res.body.products.map((x: any) => x.id),
          }).toEqual({ query, ids: expect.not.arrayContaining([p.id]) })
        }
      })

      it("its variant is a 404 and absent from variant lists", async () => {
        const p = hidden[kind]
        expect(
          (await call("GET", `/store/variants/${p.variantId}`)).status
        ).toBe(404)
        const list = await call(
          "GET",
          `/store/variants?ids=${p.variantId},${visible.variantId}`
        )
        expect(list.status).toBe(200)
        expect(list.body.variants.map((v: any) => v.id)).toEqual([
          visible.variantId,
        ])
      })

      it("cannot go into a cart", async () => {
        const p = hidden[kind]
        const cart = await call("POST", "/store/carts", { region_id: regionId })
        expect(cart.status).toBe(200)
        const add = await call(
          "POST",
          `/store/carts/${cart.body.cart.id}/line-items`,
          { variant_id: p.variantId, quantity: 1 }
        )
        expect(add.status).toBeGreaterThanOrEqual(400)
        expect(add.status).toBeLessThan(500)
        expect(add.body.message).toMatch(/variant/i)
        const items = await call("POST", "/store/carts", {
          region_id: regionId,
          items: [{ variant_id: p.variantId, quantity: 1 }],
        })
        expect(items.status).toBeGreaterThanOrEqual(400)
        expect(items.status).toBeLessThan(500)
        // the published product still can
        expect(
          (
            await call("POST", `/store/carts/${cart.body.cart.id}/line-items`, {
              variant_id: visible.variantId,
              quantity: 1,
            })
          ).status
        ).toBe(200)
      })

      it("has no fitment answer, no price history and no part-number match", async () => {
        const p = hidden[kind]
        expect(
          (await call("GET", `/store/products/${p.id}/fitment`)).status
        ).toBe(404)
        expect(
          (
            await call(
              "GET",
              `/store/products/${p.id}/fitment?vehicle_id=${vehicleId}`
            )
          ).status
        ).toBe(404)
        expect(
          (await call("GET", `/store/products/${p.id}/price-history/summary`))
            .status
        ).toBe(404)
        expect(
          (await call("GET", `/store/parts/lookup?number=${p.sku}-OE`)).body
            .products
        ).toEqual([])
      })
    })
  }

  it("the brand counts only its published product", async () => {
    expect(
      (await call("GET", `/store/brands/${brand.handle}`)).body.brand
        .product_count
    ).toBe(1)
    const list = await call(
      "GET",
      `/store/brands?q=${encodeURIComponent(brand.handle)}`
    )
    expect(
      list.body.brands.find((b: any) => b.id === brand.id).product_count
    ).toBe(1)
  })
})
