import fs from "fs"
import path from "path"
import { sql } from "../helpers/env"
import { adminCall } from "../helpers/http"
import { finishedRun, forecastOf, importSales } from "./admin-api"
import {
  BestSeller,
  bestSeller,
  categoryId,
  fitmentBrandId,
  inStockNeverSold,
  productsOfBrand,
  soldBetween,
  tndPrice,
  today,
  variantsInCategory,
} from "./orion-data"

jest.setTimeout(300000)

const ROOT = path.resolve(__dirname, "..", "..")

describe("orion through the admin API", () => {
  let variant: BestSeller

  beforeAll(async () => {
    variant = await bestSeller()
  })

  it("the demo seed imported data/sales-history.csv through the import code", async () => {
    const lines = fs
      .readFileSync(path.join(ROOT, "data", "sales-history.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)
    const pairs = new Set(lines.map((l) => l.split(",").slice(0, 2).join("|")))
    const [{ count }] = await sql(
      `SELECT count(*)::int AS count FROM orion_sales_history WHERE source = 'import'`
    )
    expect(count).toBe(pairs.size)
    expect(variant.sku).toBeTruthy()
  })

  it("imports past sales idempotently: the same file twice changes nothing", async () => {
    const file = [
      "sku,date,qty",
      `${variant.sku},2019-03-04,2`,
      `${variant.sku},2019-03-04,1`,
      `${variant.sku},2019-03-11,4`,
    ].join("\n")
    const first = await importSales(file)
    expect(first.status).toBe(200)
    expect(first.body.import).toMatchObject({
      rows: 3,
      days: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
    })
    const rows = () =>
      sql(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, qty::float AS qty, updated_at FROM orion_sales_history
           WHERE variant_id = $1 AND day < '2020-01-01' ORDER BY day`,
        [variant.id]
      )
    const snapshot = await rows()
    expect(snapshot.map((r) => [r.day, r.qty])).toEqual([
      ["2019-03-04", 3],
      ["2019-03-11", 4],
    ])

    const again = await importSales(file)
    expect(again.body.import).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    })
    expect(await rows()).toEqual(snapshot)

    const corrected = await importSales(
      file.replace("2019-03-11,4", "2019-03-11,5")
    )
    expect(corrected.body.import).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    })
  })

  it("validates restock settings and stores them", async () => {
    const bad = await adminCall("POST", "/admin/orion/settings", {
      scope: "category",
      key: variant.category,
      service_level: 95,
    })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain(
      "service_level must be a number in (0, 1)"
    )
    const sl = await adminCall("POST", "/admin/orion/settings", {
      scope: "category",
      key: variant.category,
      service_level: 0.99,
    })
    expect(sl.status).toBe(200)
    const lt = await adminCall("POST", "/admin/orion/settings", {
      scope: "brand",
      key: variant.brand,
      lead_time_days: 28,
    })
    expect(lt.status).toBe(200)
    const list = await adminCall("GET", "/admin/orion/settings")
    expect(list.body.defaults).toEqual({
      service_level: 0.95,
      lead_time_days: 7,
    })
    expect(list.body.settings).toHaveLength(2)
  })

  it("runs a forecast on demand (202, 409 while running) and records it", async () => {
    // no stock left for our variant: it must come out as a restock alert
    const upd = await adminCall(
      "POST",
      `/admin/products/${variant.product_id}/variants/${variant.id}`,
      { inventory_quantity: 0 }
    )
    expect(upd.status).toBe(200)

    const started = await adminCall("POST", "/admin/orion/runs", {})
    expect(started.status).toBe(202)
    const runId = started.body.run.id
    expect(started.body.run.status).toBe("running")
    const second = await adminCall("POST", "/admin/orion/runs", {})
    expect(second.status).toBe(409)
    expect(second.body.message).toContain(runId)

    const run = await finishedRun(runId)
    expect({ status: run.status, error: run.error }).toEqual({
      status: "succeeded",
      error: null,
    })
    expect(run.progress).toBe(1)
    expect(run.duration_ms).toBeGreaterThan(0)
    expect(run.variant_count).toBeGreaterThan(100)
    expect(
      Object.values(run.model_wins as Record<string, number>).reduce(
        (a, b) => a + b,
        0
      )
    ).toBe(run.variant_count)
    expect(run.backtest.length).toBeGreaterThan(0)
    const someMetrics = run.backtest.flatMap((b: any) => b.models)
    expect(someMetrics.length).toBeGreaterThan(0)
    expect(typeof someMetrics[0].wql).toBe("number")
    expect(Object.keys(run.calendar_effects).length).toBeGreaterThan(0)

    const list = await adminCall("GET", "/admin/orion/runs")
    expect(list.body.runs[0].id).toBe(runId)
  })

  it("serves the variant's quantile forecast with its model, metrics and reorder point", async () => {
    const res = await forecastOf(variant.id)
    expect(res.status).toBe(200)
    const fc = res.body.forecast
    expect(fc.periods).toHaveLength(13)
    expect(fc.model).toMatch(/\S/)
    expect(fc.metrics).toHaveProperty("wql")
    for (const p of fc.periods) {
      const qs = [p.p10, p.p20, p.p30, p.p40, p.p50, p.p60, p.p70, p.p80, p.p90]
      expect(
        qs.every(
          (q: number, i: number) => q >= 0 && (i === 0 || q >= qs[i - 1])
        )
      ).toBe(true)
    }
    expect(
      fc.periods.reduce((a: number, p: any) => a + p.mean, 0)
    ).toBeGreaterThan(0)
    expect(fc.restock).toMatchObject({
      lead_time_days: 28,
      lead_time_from: `brand ${variant.brand}`,
      service_level: expect.closeTo(0.99, 5),
      stock: 0,
    })

    const missing = await adminCall("GET", "/admin/orion/forecasts")
    expect(missing.status).toBe(400)
    expect(missing.body.message).toContain("variant_id: is required")
  })

  it("gives the sales history per period before the forecast, and the expected stock-out date", async () => {
    const res = await forecastOf(variant.id)
    const { history, run, forecast } = res.body
    expect(history).toHaveLength(52)
    const start = String(run.forecast_start).slice(0, 10)
    expect(history[history.length - 1].period_start < start).toBe(true)
    // the weekly sums are those of the sales history table
    const qty = await soldBetween(variant.id, history[0].period_start, start)
    expect(history.reduce((a: number, h: any) => a + h.qty, 0)).toBeCloseTo(
      qty,
      6
    )
    // out of stock: it runs out today, and must be ordered today
    expect(forecast.restock.stockout_date).toBe(today("UTC"))
    expect(forecast.restock.order_by).toBe(today("UTC"))
  })

  it("lists the order suggestions of the Réassort screen: stock-out date first, then value; filters; CSV", async () => {
    const res = await adminCall("GET", "/admin/orion/restock?limit=500")
    expect(res.status).toBe(200)
    const rows = res.body.suggestions as any[]
    const [{ count }] = await sql(
      `SELECT count(*)::int AS count FROM orion_alert WHERE type = 'restock' AND status <> 'resolved'`
    )
    expect(res.body.count).toBe(count)
    expect(rows.length).toBe(Math.min(500, count))
    // order: stock-out date ascending (none last), then value descending
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]
      const b = rows[i]
      const ka = a.stockout_date ?? "9999-12-31"
      const kb = b.stockout_date ?? "9999-12-31"
      expect(ka <= kb).toBe(true)
      if (ka === kb && a.value !== null && b.value !== null) {
        expect(a.value).toBeGreaterThanOrEqual(b.value)
      }
    }
    const mine = rows.find((r) => r.variant_id === variant.id)
    expect(mine).toMatchObject({
      product_id: variant.product_id,
      sku: variant.sku,
      stock: 0,
      stockout_date: expect.any(String),
    })
    const price = await tndPrice(variant.id)
    expect(mine.unit_price).toBe(price)
    expect(mine.value).toBe(price * mine.suggested_quantity)

    // category filter: the category and the categories below it
    const cat = await categoryId(variant.category)
    const byCat = await adminCall(
      "GET",
      `/admin/orion/restock?limit=500&category_id=${cat}`
    )
    expect(byCat.body.suggestions.map((r: any) => r.variant_id)).toContain(
      variant.id
    )
    expect(byCat.body.count).toBeLessThanOrEqual(res.body.count)
    const inCatIds = await variantsInCategory(cat)
    expect(
      byCat.body.suggestions.every((r: any) => inCatIds.has(r.variant_id))
    ).toBe(true)
    // brand filter: the fitment brand of the product
    const brand = await fitmentBrandId(variant.product_id)
    if (brand) {
      const byBrand = await adminCall(
        "GET",
        `/admin/orion/restock?limit=500&brand_id=${brand}`
      )
      expect(byBrand.body.suggestions.map((r: any) => r.variant_id)).toContain(
        variant.id
      )
      const brandProducts = await productsOfBrand(brand)
      expect(
        byBrand.body.suggestions.every((r: any) =>
          brandProducts.has(r.product_id)
        )
      ).toBe(true)
    }
    const none = await adminCall(
      "GET",
      "/admin/orion/restock?brand_id=brand_nope"
    )
    expect(none.body).toMatchObject({ suggestions: [], count: 0 })

    const bad = await adminCall("GET", "/admin/orion/restock?status=lost")
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain("status")
    const badFormat = await adminCall("GET", "/admin/orion/restock?format=xlsx")
    expect(badFormat.status).toBe(400)
    expect(badFormat.body.message).toContain("format")

    const csv = await adminCall("GET", "/admin/orion/restock?format=csv")
    expect(csv.status).toBe(200)
    expect(csv.headers.get("content-type")).toContain("text/csv")
    expect(csv.headers.get("content-disposition")).toMatch(
      /attachment; filename="reassort-\d{4}-\d{2}-\d{2}\.csv"/
    )
    const text = csv.bytes.toString("utf8")
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.slice(1).trim().split("\r\n")
    expect(lines[0]).toBe(
      "Référence;Produit;Marque;Catégorie;Stock;En commande;Seuil de commande;À commander;Rupture prévue le;Commander avant le;Prix unitaire HT (DT);Valeur HT (DT)"
    )
    expect(lines.length - 1).toBe(count)
    const mineLine = lines.find((l) =>
      l.startsWith(`${variant.sku};`)
    ) as string
    const cells = mineLine.split(";")
    const dt = (m: number) =>
      `${Math.floor(m / 1000)},${String(m % 1000).padStart(3, "0")}`
    expect(cells[7]).toBe(String(mine.suggested_quantity))
    expect(cells[10]).toBe(dt(mine.unit_price))
    expect(cells[11]).toBe(dt(mine.value))
  })

  it("lists restock alerts (filter, sort, paginate) and acknowledges one", async () => {
    const res = await adminCall(
      "GET",
      "/admin/orion/alerts?type=restock&sort=-severity&limit=500"
    )
    expect(res.status).toBe(200)
    const mine = res.body.alerts.find((a: any) => a.variant_id === variant.id)
    expect(mine).toBeDefined()
    expect(mine.status).toBe("open")
    expect(mine.suggested_quantity).toBeGreaterThan(0)
    expect(mine.reason).toBe(
      `stock actuel 0 ; il en faut ${mine.data.reorder_point} pour tenir 4 semaines de délai avec 99 % de sécurité ; commander ${mine.suggested_quantity} (pour remonter à ${mine.data.order_up_to})`
    )
    expect(mine.data.model).toMatch(/\S/)
    const sev = res.body.alerts.map((a: any) => a.severity)
    expect(sev).toEqual([...sev].sort((a, b) => b - a))

    const page = await adminCall(
      "GET",
      "/admin/orion/alerts?type=restock&limit=1&offset=0"
    )
    expect(page.body.alerts).toHaveLength(1)
    expect(page.body.count).toBe(res.body.count)

    const badType = await adminCall("GET", "/admin/orion/alerts?type=flood")
    expect(badType.status).toBe(400)
    expect(badType.body.message).toContain(
      '"flood" is not one of restock, spike, decline, dead_stock'
    )

    const ack = await adminCall(
      "POST",
      `/admin/orion/alerts/${mine.id}/acknowledge`,
      { note: "ordered from supplier" }
    )
    expect(ack.status).toBe(200)
    expect(ack.body.alert.status).toBe("acknowledged")
    expect(ack.body.alert.acknowledged_by).toMatch(/^usr_/)
    const acked = await adminCall(
      "GET",
      "/admin/orion/alerts?status=acknowledged"
    )
    expect(acked.body.alerts.map((a: any) => a.id)).toContain(mine.id)
    const missing = await adminCall(
      "POST",
      "/admin/orion/alerts/oal_nope/acknowledge",
      {}
    )
    expect(missing.status).toBe(404)
  })

  it("reports dead stock, spikes and declines as insights with reasons", async () => {
    const res = await adminCall("GET", "/admin/orion/insights?limit=500")
    expect(res.status).toBe(200)
    for (const i of res.body.insights) {
      expect(["spike", "decline", "dead_stock"]).toContain(i.type)
      expect(i.reason).toMatch(/\S/)
    }
    // variants in stock that never sold: the history reaches back to 2019, so they are dead stock
    const never = await inStockNeverSold()
    const dead = await adminCall(
      "GET",
      "/admin/orion/insights?type=dead_stock&limit=500"
    )
    const deadIds = new Set(dead.body.insights.map((i: any) => i.variant_id))
    for (const v of never) {
      expect(deadIds.has(v.id)).toBe(true)
    }
    expect(
      dead.body.insights.every((i: any) =>
        /^aucune vente (depuis le \d{1,2} \S+ \d{4}|enregistrée)/.test(i.reason)
      )
    ).toBe(true)
  })

  it("a second run keeps the acknowledgement and refreshes the alert", async () => {
    const started = await adminCall("POST", "/admin/orion/runs", {
      frequency: "week",
      horizon: 8,
    })
    expect(started.status).toBe(202)
    await finishedRun(started.body.run.id)
    const res = await adminCall(
      "GET",
      `/admin/orion/alerts?type=restock&variant_id=${variant.id}&status=acknowledged,open`
    )
    expect(res.body.alerts).toHaveLength(1)
    expect(res.body.alerts[0].status).toBe("acknowledged")
    expect(res.body.alerts[0].run_id).toBe(started.body.run.id)
    expect(res.body.alerts[0].data.note).toBe("ordered from supplier")
    const fc = await forecastOf(variant.id)
    expect(fc.body.forecast.periods).toHaveLength(8)
  })
})
