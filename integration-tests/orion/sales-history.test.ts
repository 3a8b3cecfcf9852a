/**
 * The sales history Orion forecasts from, as the admin API takes it in: a bad CSV refused with every row,
 * column and reason and nothing written, and orders placed through medusa-js recorded once per line item.
 * (The idempotent import stays in orion.test.ts: its 2019 rows are part of the history that suite's runs
 * forecast from.)
 */
import { sql } from "../helpers/env"
import { placeOrder } from "../helpers/orders"
import { adminCall } from "../helpers/http"
import { until } from "../helpers/poll"
import { expectHeaderAndFileRefused, importSales } from "./admin-api"
import { bestSeller, salesHistoryCount, today } from "./orion-data"

jest.setTimeout(300000)

describe("orion sales history through the admin API", () => {
  let sku: string

  beforeAll(async () => {
    sku = (await bestSeller()).sku
  })

  it("rejects a bad CSV with every row, column and reason, and writes nothing", async () => {
    const before = await salesHistoryCount()
    const res = await importSales(
      [
        "sku,date,qty",
        `${sku},2019-03-04,2`,
        "NO-SUCH-SKU,2019-03-05,1",
        `${sku},2019-02-30,1`,
        `${sku},2019-03-06,-1`,
        `${sku},2999-01-01,1`,
      ].join("\n")
    )
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      {
        row: 3,
        column: "sku",
        reason: 'unknown sku "NO-SUCH-SKU": no product variant has it',
      },
      {
        row: 4,
        column: "date",
        reason: '"2019-02-30" is not a valid YYYY-MM-DD date',
      },
      { row: 5, column: "qty", reason: '"-1" is not a non-negative number' },
      {
        row: 6,
        column: "date",
        reason: expect.stringContaining('"2999-01-01" is in the future'),
      },
    ])
    expect(await salesHistoryCount()).toBe(before)

    await expectHeaderAndFileRefused(
      "/admin/orion/sales-history/imports",
      "code,day,units\nX,2019-01-01,1\n",
      "sku,date,qty"
    )
  })

  it("orders placed through medusa-js become sales history, once per line item", async () => {
    // a part whose stock no other suite touches: the best sellers are set out of stock by the Réassort,
    // purchase-order and forecast tests, which may run before or beside this one
    const [part] = await sql(
      `SELECT pv.id, pv.sku FROM product_variant pv JOIN product p ON p.id = pv.product_id
        WHERE p.status = 'published' AND p.deleted_at IS NULL AND pv.deleted_at IS NULL AND pv.inventory_quantity >= 20
          AND pv.id NOT IN (SELECT h.variant_id FROM orion_sales_history h GROUP BY h.variant_id ORDER BY sum(h.qty) DESC LIMIT 10)
        ORDER BY pv.id DESC LIMIT 1`
    )
    const o1 = await placeOrder(part.id, 3, "orion@example.tn")
    const o2 = await placeOrder(part.id, 2, "orion@example.tn")
    const history = await until(
      "order rows in the sales history",
      async () => {
        const res = await adminCall(
          "GET",
          `/admin/orion/sales-history?variant_id=${part.id}&source=order`
        )
        expect(res.status).toBe(200)
        return res.body.count >= 2 ? res.body : null
      },
      { within: 150000 }
    )
    const byOrder = Object.fromEntries(
      history.sales.map((s: any) => [s.order_id, s])
    )
    expect(byOrder[o1].qty).toBe(3)
    expect(byOrder[o2].qty).toBe(2)
    expect(byOrder[o1].day).toBe(today("Africa/Tunis"))
    expect(byOrder[o1].sku).toBe(part.sku)

    const backfill = await adminCall(
      "POST",
      "/admin/orion/sales-history/backfill"
    )
    expect(backfill.status).toBe(200)
    expect(backfill.body.backfill.inserted).toBe(0)
    expect(backfill.body.backfill.orders).toBeGreaterThanOrEqual(2)
  })
})
