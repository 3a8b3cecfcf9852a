import { sql } from "../helpers/env"
import { adminCall } from "../helpers/http"
import { orionRunAsOf as runAsOf } from "../helpers/orion"

jest.setTimeout(900000)

describe("orion purchase orders", () => {
  let variant: { id: string; product_id: string; sku: string }
  let late: any
  let soon: any

  beforeAll(async () => {
    // a part that sells every week (the third best seller: the other tests change the first ones), out of stock
    ;[variant] = await sql(
      `SELECT pv.id, pv.product_id, pv.sku FROM orion_sales_history h JOIN product_variant pv ON pv.id = h.variant_id
       WHERE pv.deleted_at IS NULL AND pv.manage_inventory AND h.day >= '2026-05-01' GROUP BY pv.id ORDER BY sum(h.qty) DESC, pv.id OFFSET 2 LIMIT 1`
    )
    const upd = await adminCall(
      "POST",
      `/admin/products/${variant.product_id}/variants/${variant.id}`,
      { inventory_quantity: 0 }
    )
    expect(upd.status).toBe(200)
  })

  it("refuses bad purchase orders, naming the field", async () => {
    const good = {
      supplier: "Bosch Tunisie",
      variant_id: variant.id,
      quantity: 2,
      expected_date: "2026-11-20",
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, supplier: " " }, "supplier: is required"],
      [
        { ...good, quantity: 0 },
        "quantity: must be a whole number of units between 1 and 1000000, got 0",
      ],
      [{ ...good, quantity: 1.5 }, "quantity"],
      [{ ...good, quantity: "3" }, "quantity"],
      [
        { ...good, expected_date: "2026-02-30" },
        'expected_date: must be a date like 2026-03-12, got "2026-02-30"',
      ],
      [
        { ...good, variant_id: "variant_nope" },
        'variant_id: no product variant "variant_nope"',
      ],
      [{ ...good, price: 3 }, "price"],
    ]
    for (const [body, message] of cases) {
      const res = await adminCall("POST", "/admin/orion/purchase-orders", body)
      expect({ status: res.status, message: res.body.message }).toEqual({
        status: 400,
        message: expect.stringContaining(message),
      })
    }
    const [{ count }] = await sql(
      `SELECT count(*)::int AS count FROM orion_purchase_order WHERE variant_id = $1`,
      [variant.id]
    )
    expect(count).toBe(0)
  })

  it("feeds the open orders' quantities and dates into the restock alert", async () => {
    const create = (
      quantity: number,
      expected_date: string,
      supplier: string
    ) =>
      adminCall("POST", "/admin/orion/purchase-orders", {
        supplier,
        variant_id: variant.id,
        quantity,
        expected_date,
        note: "confirmé par téléphone",
      })
    const a = await create(1, "2026-11-20", "Bosch Tunisie")
    expect(a.status).toBe(201)
    expect(a.body.purchase_order).toMatchObject({
      status: "open",
      sku: variant.sku,
      quantity: 1,
      expected_date: "2026-11-20",
      created_by: expect.stringMatching(/^usr_/),
    })
    late = a.body.purchase_order
    soon = (await create(1, "2026-10-29", "Auto Distribution Sfax")).body
      .purchase_order
    const gone = (await create(5, "2026-10-28", "Auto Distribution Sfax")).body
      .purchase_order
    const cancelled = await adminCall(
      "POST",
      `/admin/orion/purchase-orders/${gone.id}/cancel`
    )
    expect(cancelled.body.purchase_order).toMatchObject({
      status: "cancelled",
      cancelled_at: expect.any(String),
    })
    const again = await adminCall(
      "POST",
      `/admin/orion/purchase-orders/${gone.id}/cancel`
    )
    expect(again.status).toBe(400)
    expect(again.body.message).toContain("is cancelled")

    const open = await adminCall(
      "GET",
      `/admin/orion/purchase-orders?status=open&variant_id=${variant.id}`
    )
    expect(open.body.purchase_orders.map((p: any) => p.id)).toEqual([
      soon.id,
      late.id,
    ]) // earliest expected first
    const bad = await adminCall(
      "GET",
      "/admin/orion/purchase-orders?status=lost"
    )
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain("status")

    await runAsOf("2026-10-25")
    const alerts = (
      await adminCall(
        "GET",
        `/admin/orion/alerts?type=restock&variant_id=${variant.id}`
      )
    ).body.alerts
    expect(alerts).toHaveLength(1)
    const alert = alerts[0]
    // 2 on order (the cancelled 5 do not count), the first expected on 29 October
    expect(alert.data).toMatchObject({
      stock: 0,
      on_order: 2,
      position: 2,
      next_arrival: "2026-10-29",
      on_order_lines: [
        {
          quantity: 1,
          expected_date: "2026-10-29",
          supplier: "Auto Distribution Sfax",
        },
        { quantity: 1, expected_date: "2026-11-20", supplier: "Bosch Tunisie" },
      ],
    })
    expect(alert.reason).toMatch(
      /^stock actuel 0 \+ 2 en commande \(attendu le 29 octobre 2026\)( ; la commande arrivera après la rupture prévue le \d+ \S+ 2026)? ; il en faut \d+ pour tenir/
    )
    expect(alert.data.arrives_after_stockout).toBe(
      alert.data.stockout_date !== null &&
        "2026-10-29" > alert.data.stockout_date
    )
    expect(alert.suggested_quantity).toBe(alert.data.order_up_to - 2)
    // the Réassort list shows what is on order
    const list = (
      await adminCall(
        "GET",
        `/admin/orion/restock?q=${encodeURIComponent(variant.sku)}`
      )
    ).body.suggestions
    expect(list.find((s: any) => s.variant_id === variant.id)).toMatchObject({
      on_order: 2,
    })
  })

  it("receiving an order adds it to the stock and takes it out of what is on order", async () => {
    const changed = await adminCall(
      "POST",
      `/admin/orion/purchase-orders/${soon.id}`,
      { quantity: 3 }
    )
    expect(changed.body.purchase_order.quantity).toBe(3)
    const received = await adminCall(
      "POST",
      `/admin/orion/purchase-orders/${soon.id}/receive`,
      {}
    )
    expect(received.status).toBe(200)
    expect(received.body.purchase_order).toMatchObject({
      status: "received",
      received_quantity: 3,
      received_at: expect.any(String),
    })
    const v = await adminCall("GET", `/admin/variants/${variant.id}`)
    expect(v.body.variant.inventory_quantity).toBe(3)
    const twice = await adminCall(
      "POST",
      `/admin/orion/purchase-orders/${soon.id}/receive`,
      {}
    )
    expect(twice.status).toBe(400)
    expect(twice.body.message).toContain("already received")
    const noChange = await adminCall(
      "POST",
      `/admin/orion/purchase-orders/${soon.id}`,
      { quantity: 9 }
    )
    expect(noChange.status).toBe(400)
    const missing = await adminCall(
      "POST",
      "/admin/orion/purchase-orders/opo_nope/receive",
      {}
    )
    expect(missing.status).toBe(404)

    await runAsOf("2026-10-25")
    const fc = (
      await adminCall("GET", `/admin/orion/forecasts?variant_id=${variant.id}`)
    ).body.forecast
    expect(fc.restock).toMatchObject({
      stock: 3,
      on_order: 1,
      next_arrival: "2026-11-20",
    })
  })
})
