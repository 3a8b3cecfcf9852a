import { sql, storeClient } from "../helpers/env"
import { shipCart } from "../helpers/orders"

describe("checkout readiness: a cash-on-delivery order through medusa-js", () => {
  it("creates a cart in Tunisia, ships it, pays with the manual provider and completes it; stock goes down", async () => {
    const client = storeClient()
    const { regions } = await client.regions.list()
    const tunisia = regions.find((r) => r.currency_code === "tnd")!

    // a published variant with stock and a small price: other test files edit the catalogue, so pick it by SQL
    const [picked] = await sql<{ id: string; product_id: string }>(
      `SELECT v.id, v.product_id FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE p.status = 'published' AND p.deleted_at IS NULL AND v.deleted_at IS NULL
          AND v.inventory_quantity >= 10 AND v.sku LIKE 'BOS-%'
          -- two of them stay under 300 DT, where the paid Grand Tunis delivery is offered (free above)
          AND EXISTS (SELECT 1 FROM product_variant_money_amount pvma JOIN money_amount ma ON ma.id = pvma.money_amount_id
                       WHERE pvma.variant_id = v.id AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL
                         AND ma.deleted_at IS NULL AND ma.amount * 2 < 250000)
        ORDER BY v.sku LIMIT 1`
    )
    expect(picked).toBeDefined()
    const { products } = await client.products.list({
      id: picked.product_id,
      region_id: tunisia.id,
    })
    const variant = products[0].variants.find((v) => v.id === picked.id)!
    const [{ inventory_quantity: before }] = await sql<{
      inventory_quantity: number
    }>("SELECT inventory_quantity FROM product_variant WHERE id = $1", [
      variant.id,
    ])

    let { cart } = await client.carts.create({ region_id: tunisia.id })
    ;({ cart } = await client.carts.lineItems.create(cart.id, {
      variant_id: variant.id!,
      quantity: 2,
    }))
    expect(cart.items).toHaveLength(1)
    expect(cart.items[0].unit_price).toBe(variant.calculated_price)

    // shipCart throws when no option is the paid Grand Tunis delivery
    ;({ cart } = await shipCart(client, cart.id, {
      email: "client@example.tn",
      shipping: /Grand Tunis \(/,
    }))
    expect(cart.email).toBe("client@example.tn")
    expect(cart.shipping_methods).toHaveLength(1)
    expect(cart.shipping_total).toBe(7000)
    // 19 % VAT on items and shipping
    expect(cart.tax_total).toBe(
      Math.round((cart.subtotal! + cart.shipping_total!) * 0.19)
    )

    ;({ cart } = await client.carts.createPaymentSessions(cart.id))
    expect(cart.payment_sessions.map((s) => s.provider_id)).toContain("manual")
    ;({ cart } = await client.carts.setPaymentSession(cart.id, {
      provider_id: "manual",
    }))

    const completed = await client.carts.complete(cart.id)
    expect(completed.type).toBe("order")
    const order = completed.data as any
    expect(order.currency_code).toBe("tnd")
    expect(order.items[0].quantity).toBe(2)

    const [{ inventory_quantity: after }] = await sql<{
      inventory_quantity: number
    }>("SELECT inventory_quantity FROM product_variant WHERE id = $1", [
      variant.id,
    ])
    expect(after).toBe(before - 2)
  })
})
