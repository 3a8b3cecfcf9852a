/**
 * Answers a shopper gets through medusa-js on the demo data: the WhatsApp order link of a cart, one delivery
 * option on each side of 300 DT, the shop's SKU found by the part-number lookup, and viscosity grades written
 * with a dash ranking the right oils first.
 */
import { adminHeaders, sql, storeClient, testEnv } from "../helpers/env"
import { refused } from "../helpers/http"
import { shipCart, tunisiaRegionId } from "../helpers/orders"
import {
  dt,
  pricedVariants,
  productWithVariants,
  setCartVehicle,
  setStoreWhatsApp,
} from "./answers-helpers"

jest.setTimeout(240000)

const client = storeClient()

describe("ordering on WhatsApp", () => {
  it("links to the shop's number with the lines, the vehicle, the delivery and the total, in French with an Arabic greeting", async () => {
    const [a, b] = await pricedVariants(2)
    let { cart } = await client.carts.create({
      region_id: await tunisiaRegionId(client),
    })
    ;({ cart } = await client.carts.lineItems.create(cart.id, {
      variant_id: a.variant_id,
      quantity: 2,
    }))
    ;({ cart } = await client.carts.lineItems.create(cart.id, {
      variant_id: b.variant_id,
      quantity: 1,
    }))
    const { vehicle } = await setCartVehicle(client, cart.id)
    const shipped = await shipCart(client, cart.id, {
      shipping: /Grand Tunis \(/,
    })
    cart = shipped.cart
    const delivery = shipped.option

    const res = await client.client.request(
      "GET",
      `/store/carts/${cart.id}/whatsapp`
    )
    expect(res.number).toBe("21620000000")
    expect(res.url.startsWith("https://wa.me/21620000000?text=")).toBe(true)
    const text = decodeURIComponent(
      res.url.slice("https://wa.me/21620000000?text=".length)
    )
    const item = (variantId: string) =>
      cart.items.find((i: any) => i.variant_id === variantId)!
    expect(text.split("\n")).toEqual([
      "السلام عليكم",
      "Bonjour Shabou Auto Pièces, je souhaite commander :",
      "",
      `1. ${a.line_title} (réf. ${a.sku}) × 2 : ${dt(item(a.variant_id).total!)}`,
      `2. ${b.line_title} (réf. ${b.sku}) × 1 : ${dt(item(b.variant_id).total!)}`,
      "",
      `Véhicule : ${vehicle.label}`,
      `Livraison : ${delivery.name} : ${dt(cart.shipping_methods[0].total!)}`,
      `Total : ${dt(cart.total!)}`,
      `Panier : ${cart.id}`,
      "Merci !",
    ])
    expect(res).toMatchObject({ lines_listed: 2, lines_total: 2, text })
  })

  it("summarises a 60-line cart within WhatsApp's link length, never cutting a character", async () => {
    const variants = await pricedVariants(60)
    expect(variants).toHaveLength(60)
    let { cart } = await client.carts.create({
      region_id: await tunisiaRegionId(client),
    })
    for (const v of variants) {
      ;({ cart } = await client.carts.lineItems.create(cart.id, {
        variant_id: v.variant_id,
        quantity: 1,
      }))
    }
    expect(cart.items).toHaveLength(60)
    const res = await client.client.request(
      "GET",
      `/store/carts/${cart.id}/whatsapp`
    )
    expect(res.url.length).toBeLessThanOrEqual(2000)
    const text = decodeURIComponent(res.url.split("?text=")[1]) // throws on a cut %-sequence
    expect(text).toBe(res.text)
    expect(res.lines_total).toBe(60)
    expect(res.lines_listed).toBeGreaterThanOrEqual(5)
    expect(res.lines_listed).toBeLessThan(60)
    const rest = 60 - res.lines_listed
    expect(text).toMatch(
      new RegExp(
        `\\n… et ${rest} autres articles \\(${rest} pièces, [\\d ]+,\\d{3} DT\\) : détail dans le panier ${cart.id}\\n`
      )
    )
    expect(text).toContain("Livraison : à choisir")
    expect(text).toContain(`Total : ${dt(cart.total!)}`)
  })

  it("answers 409 when the shop has no WhatsApp number, 400 for an empty cart", async () => {
    const { cart } = await client.carts.create({
      region_id: await tunisiaRegionId(client),
    })
    expect(
      await refused(
        client.client.request("GET", `/store/carts/${cart.id}/whatsapp`)
      )
    ).toEqual({ status: 400, message: `Cart ${cart.id} has no lines to order` })
    await setStoreWhatsApp("")
    try {
      const none = await refused(
        client.client.request("GET", `/store/carts/${cart.id}/whatsapp`)
      )
      expect(none).toEqual({
        status: 409,
        message:
          'The shop has no WhatsApp number: set it in the store settings (metadata "whatsapp") or in SHOP_WHATSAPP_NUMBER',
      })
      await setStoreWhatsApp("+216 20 12")
      expect(
        await refused(
          client.client.request("GET", `/store/carts/${cart.id}/whatsapp`)
        )
      ).toMatchObject({
        status: 409,
        message: expect.stringMatching(
          /^The shop's WhatsApp number \(store settings\) is wrong: /
        ),
      })
    } finally {
      await setStoreWhatsApp("+216 20 000 000")
    }
  })
})

describe("Demander ce produit (WhatsApp link of one product)", () => {
  it("asks about the chosen variant for the shopper's vehicle: greeting, title, SKU, price with taxes, the vehicle", async () => {
    const product = await productWithVariants()
    const regionId = await tunisiaRegionId(client)
    const { products } = await client.products.list({
      id: product.id,
      region_id: regionId,
    })
    const variant = products[0].variants[1]
    // the vehicle's label as the cart shows it
    const { cart } = await client.carts.create({ region_id: regionId })
    const { vehicleId, vehicle } = await setCartVehicle(client, cart.id)

    const res = await client.client.request(
      "GET",
      `/store/products/${product.id}/whatsapp?variant_id=${variant.id}&vehicle_id=${vehicleId}`
    )
    expect(res).toMatchObject({
      number: "21620000000",
      product_id: product.id,
      variant_id: variant.id,
    })
    expect(res.url.startsWith("https://wa.me/21620000000?text=")).toBe(true)
    expect(decodeURIComponent(res.url.split("?text=")[1])).toBe(res.text)
    expect(res.text.split("\n")).toEqual([
      "السلام عليكم",
      "Bonjour Shabou Auto Pièces, je voudrais ce produit :",
      "",
      `${product.title} – ${variant.title}`,
      `Réf. : ${variant.sku}`,
      `Prix : ${dt(variant.calculated_price_incl_tax!)}`,
      `Produit : ${product.handle}`,
      "",
      `Pour mon véhicule : ${vehicle.label}`,
      "Est-il disponible et compatible ? Merci !",
    ])
    // the price with the 19 % VAT, 3 decimals
    expect(variant.calculated_price_incl_tax).toBeGreaterThan(
      variant.calculated_price!
    )
    expect(res.text).toMatch(/Prix : [\d ]+,\d{3} DT/)
  })

  it("by handle, without a variant: the choice to make and the lowest price; core's product page is not disturbed", async () => {
    const product = await productWithVariants()
    const regionId = await tunisiaRegionId(client)
    const { products } = await client.products.list({
      id: product.id,
      region_id: regionId,
    })
    const prices = products[0].variants.map(
      (v: any) => v.calculated_price_incl_tax as number
    )
    const res = await client.client.request(
      "GET",
      `/store/products/${product.handle}/whatsapp`
    )
    expect(res).toMatchObject({ product_id: product.id, variant_id: null })
    expect(res.text).toContain(
      `\n${product.title}\nVariante : à préciser (${prices.length} choix)\nPrix : ${new Set(prices).size > 1 ? "à partir de " : ""}${dt(Math.min(...prices))}\n`
    )
    expect(res.text).not.toContain("Réf. :")
    expect(res.text.endsWith("\n\nEst-il disponible ? Merci !")).toBe(true)
    // the read model still answers the product page itself; the WhatsApp route is not one of its answers
    const page = await fetch(
      `${testEnv().baseUrl}/store/products/${product.id}`
    )
    expect(page.status).toBe(200)
    expect(page.headers.get("x-catalogue")).toMatch(/^(model|cache|core)$/)
    const link = await fetch(
      `${testEnv().baseUrl}/store/products/${product.id}/whatsapp`
    )
    expect(link.status).toBe(200)
    expect(link.headers.get("x-catalogue")).toBeNull()
  })

  it("404 for an unknown or draft product, 400 naming the parameter, 409 without a shop number", async () => {
    const product = await productWithVariants()
    expect(
      await refused(
        client.client.request("GET", "/store/products/prod_inconnu/whatsapp")
      )
    ).toMatchObject({ status: 404 })
    const created = await fetch(`${testEnv().baseUrl}/admin/products`, {
      method: "POST",
      headers: {
        ...(await adminHeaders()),
        "content-type": "application/json",
      },
      body: JSON.stringify({
        title: `Brouillon ${Date.now()}`,
        status: "draft",
      }),
    })
    expect(created.status).toBe(200)
    const draft = (await created.json()).product
    expect(
      await refused(
        client.client.request("GET", `/store/products/${draft.id}/whatsapp`)
      )
    ).toMatchObject({ status: 404 })
    const [{ id: otherVariant }] = await sql(
      `SELECT id FROM product_variant WHERE product_id <> $1 AND deleted_at IS NULL ORDER BY id LIMIT 1`,
      [product.id]
    )
    expect(
      await refused(
        client.client.request(
          "GET",
          `/store/products/${product.id}/whatsapp?variant_id=${otherVariant}`
        )
      )
    ).toEqual({
      status: 400,
      message: `variant_id: ${otherVariant} is not a variant of product ${product.id}`,
    })
    expect(
      await refused(
        client.client.request(
          "GET",
          `/store/products/${product.id}/whatsapp?vehicle_id=veh_inconnu`
        )
      )
    ).toEqual({
      status: 400,
      message: "vehicle_id: vehicle veh_inconnu was not found",
    })
    expect(
      await refused(
        client.client.request(
          "GET",
          `/store/products/${product.id}/whatsapp?vehicule=1`
        )
      )
    ).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^vehicule: unknown parameter/),
    })
    await setStoreWhatsApp("")
    try {
      expect(
        await refused(
          client.client.request("GET", `/store/products/${product.id}/whatsapp`)
        )
      ).toEqual({
        status: 409,
        message:
          'The shop has no WhatsApp number: set it in the store settings (metadata "whatsapp") or in SHOP_WHATSAPP_NUMBER',
      })
    } finally {
      await setStoreWhatsApp("+216 20 000 000")
    }
  })
})

describe("delivery options around 300 DT", () => {
  const names = async (cartId: string) =>
    (await client.shippingOptions.listCartOptions(cartId)).shipping_options.map(
      (o) => o.name
    )

  it("offers the paid Grand Tunis delivery below 300 DT and only the free one from 300 DT", async () => {
    // 40 DT or more: at most 8 units reach 300 DT, within the stock
    const [cheap] = await pricedVariants(1, 40000)
    let { cart } = await client.carts.create({
      region_id: await tunisiaRegionId(client),
    })
    ;({ cart } = await client.carts.lineItems.create(cart.id, {
      variant_id: cheap.variant_id,
      quantity: 1,
    }))
    expect(cart.subtotal).toBeLessThan(300000)
    let offered = await names(cart.id)
    expect(offered).toContain("Livraison Grand Tunis (24–48 h)")
    expect(offered).not.toContain("Livraison gratuite Grand Tunis dès 300 DT")

    const quantity = Math.ceil(300000 / cart.subtotal!) + 1
    ;({ cart } = await client.carts.lineItems.update(
      cart.id,
      cart.items[0].id,
      { quantity }
    ))
    expect(cart.subtotal).toBeGreaterThanOrEqual(300000)
    offered = await names(cart.id)
    expect(offered).toContain("Livraison gratuite Grand Tunis dès 300 DT")
    expect(offered).not.toContain("Livraison Grand Tunis (24–48 h)")
  })
})

describe("part numbers and viscosity grades", () => {
  it("finds the shop's own SKU through the part-number lookup, written any way", async () => {
    const [{ product_id }] = await sql(
      `SELECT product_id FROM product_variant WHERE sku = 'FER-FDB8920' AND deleted_at IS NULL`
    )
    for (const number of ["FER-FDB8920", "fer fdb 8920"]) {
      const res = await client.client.request(
        "GET",
        `/store/parts/lookup?number=${encodeURIComponent(number)}`
      )
      expect(res.products[0]).toMatchObject({
        id: product_id,
        matches: expect.arrayContaining([
          { type: "sku", brand: null, number: "FER-FDB8920" },
        ]),
      })
    }
  })

  it.each(["5W-30", "5w-30", "huile 5W-30", "5w30"])(
    "%s ranks the 5W-30 oils first, no 5W-40 before them",
    async (q) => {
      const res = await fetch(`${testEnv().baseUrl}/store/products/search`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ q, limit: 100 }),
      })
      const { hits } = (await res.json()) as { hits: Array<{ title: string }> }
      const titles = hits.map((h) => h.title)
      const [{ n }] = await sql(
        `SELECT count(*)::int AS n FROM product WHERE title ILIKE '%5W-30%' AND status = 'published' AND deleted_at IS NULL`
      )
      expect(n).toBeGreaterThan(0)
      expect(titles.slice(0, n).every((t) => /5W-30/i.test(t))).toBe(true)
      expect(titles.filter((t) => /5W-30/i.test(t))).toHaveLength(n)
    }
  )
})
