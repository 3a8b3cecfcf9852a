import fs from "fs"
import path from "path"
import Redis from "ioredis"
import request from "supertest"
import { adminHeaders, sql, testEnv } from "../helpers/env"
import { placeOrder } from "../helpers/orders"

jest.setTimeout(300000)

const ROOT = path.resolve(__dirname, "..", "..")

const api = () => request(testEnv().baseUrl)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 60000
): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (v) {
      return v
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await sleep(500)
  }
}

function csvUpload(content: string, name = "sales.csv") {
  return async () =>
    api()
      .post("/admin/orion/sales-history/imports")
      .set(await adminHeaders())
      .attach("file", Buffer.from(content, "utf8"), {
        filename: name,
        contentType: "text/csv",
      })
}

describe("orion through the admin API", () => {
  let variant: {
    id: string
    sku: string
    product_id: string
    brand: string
    category: string
  }

  beforeAll(async () => {
    // the variant with the most demo sales history: its forecast is not zero
    const [v] = await sql(
      `SELECT pv.id, pv.sku, pv.product_id,
              (SELECT b.handle FROM fitment_product fp JOIN brand b ON b.id = fp.brand_id WHERE fp.product_id = p.id) AS brand,
              (SELECT pc.handle FROM product_category_product pcp JOIN product_category pc ON pc.id = pcp.product_category_id
               WHERE pcp.product_id = p.id ORDER BY pc.handle LIMIT 1) AS category
       FROM orion_sales_history h JOIN product_variant pv ON pv.id = h.variant_id JOIN product p ON p.id = pv.product_id
       GROUP BY pv.id, p.id ORDER BY sum(h.qty) DESC LIMIT 1`
    )
    variant = v
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

  it("rejects a bad CSV with every row, column and reason, and writes nothing", async () => {
    const [{ count: before }] = await sql(
      `SELECT count(*)::int AS count FROM orion_sales_history`
    )
    const res = await csvUpload(
      [
        "sku,date,qty",
        `${variant.sku},2019-03-04,2`,
        "NO-SUCH-SKU,2019-03-05,1",
        `${variant.sku},2019-02-30,1`,
        `${variant.sku},2019-03-06,-1`,
        `${variant.sku},2999-01-01,1`,
      ].join("\n")
    )()
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
    const [{ count: after }] = await sql(
      `SELECT count(*)::int AS count FROM orion_sales_history`
    )
    expect(after).toBe(before)

    const header = await csvUpload("code,day,units\nX,2019-01-01,1\n")()
    expect(header.status).toBe(400)
    expect(header.body.errors[0]).toMatchObject({
      row: 1,
      reason: expect.stringContaining("sku,date,qty"),
    })

    const noFile = await api()
      .post("/admin/orion/sales-history/imports")
      .set(await adminHeaders())
      .field("x", "y")
    expect(noFile.status).toBe(400)
    expect(noFile.body.message).toContain('field named "file"')
  })

  it("imports past sales idempotently: the same file twice changes nothing", async () => {
    const file = [
      "sku,date,qty",
      `${variant.sku},2019-03-04,2`,
      `${variant.sku},2019-03-04,1`,
      `${variant.sku},2019-03-11,4`,
    ].join("\n")
    const first = await csvUpload(file)()
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

    const again = await csvUpload(file)()
    expect(again.body.import).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    })
    expect(await rows()).toEqual(snapshot)

    const corrected = await csvUpload(
      file.replace("2019-03-11,4", "2019-03-11,5")
    )()
    expect(corrected.body.import).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    })
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
    const headers = await adminHeaders()
    const history = await until(
      "order rows in the sales history",
      async () => {
        const res = await api()
          .get(`/admin/orion/sales-history?variant_id=${part.id}&source=order`)
          .set(headers)
        expect(res.status).toBe(200)
        return res.body.count >= 2 ? res.body : null
      },
      150000
    )
    const byOrder = Object.fromEntries(
      history.sales.map((s: any) => [s.order_id, s])
    )
    expect(byOrder[o1].qty).toBe(3)
    expect(byOrder[o2].qty).toBe(2)
    const today = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Africa/Tunis",
    }).format(new Date())
    expect(byOrder[o1].day).toBe(today)
    expect(byOrder[o1].sku).toBe(part.sku)

    const backfill = await api()
      .post("/admin/orion/sales-history/backfill")
      .set(headers)
    expect(backfill.status).toBe(200)
    expect(backfill.body.backfill.inserted).toBe(0)
    expect(backfill.body.backfill.orders).toBeGreaterThanOrEqual(2)
  })

  it("validates restock settings and stores them", async () => {
    const headers = await adminHeaders()
    const bad = await api()
      .post("/admin/orion/settings")
      .set(headers)
      .send({ scope: "category", key: variant.category, service_level: 95 })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain(
      "service_level must be a number in (0, 1)"
    )
    const sl = await api()
      .post("/admin/orion/settings")
      .set(headers)
      .send({ scope: "category", key: variant.category, service_level: 0.99 })
    expect(sl.status).toBe(200)
    const lt = await api()
      .post("/admin/orion/settings")
      .set(headers)
      .send({ scope: "brand", key: variant.brand, lead_time_days: 28 })
    expect(lt.status).toBe(200)
    const list = await api().get("/admin/orion/settings").set(headers)
    expect(list.body.defaults).toEqual({
      service_level: 0.95,
      lead_time_days: 7,
    })
    expect(list.body.settings).toHaveLength(2)
  })

  it("runs a forecast on demand (202, 409 while running) and records it", async () => {
    const headers = await adminHeaders()
    // no stock left for our variant: it must come out as a restock alert
    const upd = await api()
      .post(`/admin/products/${variant.product_id}/variants/${variant.id}`)
      .set(headers)
      .send({ inventory_quantity: 0 })
    expect(upd.status).toBe(200)

    const started = await api().post("/admin/orion/runs").set(headers).send({})
    expect(started.status).toBe(202)
    const runId = started.body.run.id
    expect(started.body.run.status).toBe("running")
    const second = await api().post("/admin/orion/runs").set(headers).send({})
    expect(second.status).toBe(409)
    expect(second.body.message).toContain(runId)

    const run = await until(
      "the run to finish",
      async () => {
        const res = await api().get(`/admin/orion/runs/${runId}`).set(headers)
        expect(res.status).toBe(200)
        return res.body.run.status !== "running" ? res.body.run : null
      },
      240000
    )
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

    const list = await api().get("/admin/orion/runs").set(headers)
    expect(list.body.runs[0].id).toBe(runId)
  })

  it("serves the variant's quantile forecast with its model, metrics and reorder point", async () => {
    const headers = await adminHeaders()
    const res = await api()
      .get(`/admin/orion/forecasts?variant_id=${variant.id}`)
      .set(headers)
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

    const missing = await api().get("/admin/orion/forecasts").set(headers)
    expect(missing.status).toBe(400)
    expect(missing.body.message).toContain("variant_id: is required")
  })

  it("gives the sales history per period before the forecast, and the expected stock-out date", async () => {
    const headers = await adminHeaders()
    const res = await api()
      .get(`/admin/orion/forecasts?variant_id=${variant.id}`)
      .set(headers)
    const { history, run, forecast } = res.body
    expect(history).toHaveLength(52)
    const start = String(run.forecast_start).slice(0, 10)
    expect(history[history.length - 1].period_start < start).toBe(true)
    // the weekly sums are those of the sales history table
    const [{ qty }] = await sql(
      `SELECT COALESCE(sum(qty), 0)::float AS qty FROM orion_sales_history WHERE variant_id = $1 AND day >= $2 AND day < $3`,
      [variant.id, history[0].period_start, start]
    )
    expect(history.reduce((a: number, h: any) => a + h.qty, 0)).toBeCloseTo(
      qty,
      6
    )
    // out of stock: it runs out today, and must be ordered today
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "UTC" }).format(
      new Date()
    )
    expect(forecast.restock.stockout_date).toBe(today)
    expect(forecast.restock.order_by).toBe(today)
  })

  it("lists the order suggestions of the Réassort screen: stock-out date first, then value; filters; CSV", async () => {
    const headers = await adminHeaders()
    const res = await api().get("/admin/orion/restock?limit=500").set(headers)
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
    const [price] = await sql(
      `SELECT ma.amount FROM product_variant_money_amount pvma JOIN money_amount ma ON ma.id = pvma.money_amount_id
       WHERE pvma.variant_id = $1 AND pvma.deleted_at IS NULL AND ma.deleted_at IS NULL AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL
       ORDER BY ma.region_id NULLS FIRST, ma.min_quantity NULLS FIRST LIMIT 1`,
      [variant.id]
    )
    expect(mine.unit_price).toBe(price.amount)
    expect(mine.value).toBe(price.amount * mine.suggested_quantity)

    // category filter: the category and the categories below it
    const [cat] = await sql(
      `SELECT id FROM product_category WHERE handle = $1`,
      [variant.category]
    )
    const byCat = await api()
      .get(`/admin/orion/restock?limit=500&category_id=${cat.id}`)
      .set(headers)
    expect(byCat.body.suggestions.map((r: any) => r.variant_id)).toContain(
      variant.id
    )
    expect(byCat.body.count).toBeLessThanOrEqual(res.body.count)
    const inCat = await sql(
      `SELECT DISTINCT pv.id FROM product_variant pv JOIN product_category_product pcp ON pcp.product_id = pv.product_id
       JOIN product_category pc ON pc.id = pcp.product_category_id JOIN product_category top ON top.id = $1
       WHERE pc.id = top.id OR pc.mpath LIKE top.mpath || '%'`,
      [cat.id]
    )
    const inCatIds = new Set(inCat.map((r) => r.id))
    expect(
      byCat.body.suggestions.every((r: any) => inCatIds.has(r.variant_id))
    ).toBe(true)
    // brand filter: the fitment brand of the product
    const [fp] = await sql(
      `SELECT brand_id FROM fitment_product WHERE product_id = $1`,
      [variant.product_id]
    )
    if (fp?.brand_id) {
      const byBrand = await api()
        .get(`/admin/orion/restock?limit=500&brand_id=${fp.brand_id}`)
        .set(headers)
      expect(byBrand.body.suggestions.map((r: any) => r.variant_id)).toContain(
        variant.id
      )
      const brandProducts = new Set(
        (
          await sql(
            `SELECT product_id FROM fitment_product WHERE brand_id = $1`,
            [fp.brand_id]
          )
        ).map((r) => r.product_id)
      )
      expect(
        byBrand.body.suggestions.every((r: any) =>
          brandProducts.has(r.product_id)
        )
      ).toBe(true)
    }
    const none = await api()
      .get("/admin/orion/restock?brand_id=brand_nope")
      .set(headers)
    expect(none.body).toMatchObject({ suggestions: [], count: 0 })

    const bad = await api().get("/admin/orion/restock?status=lost").set(headers)
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain("status")
    const badFormat = await api()
      .get("/admin/orion/restock?format=xlsx")
      .set(headers)
    expect(badFormat.status).toBe(400)
    expect(badFormat.body.message).toContain("format")

    const csv = await api()
      .get("/admin/orion/restock?format=csv")
      .set(headers)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = []
        r.on("data", (c: Buffer) => chunks.push(c))
        r.on("end", () => cb(null, Buffer.concat(chunks)))
      })
    expect(csv.status).toBe(200)
    expect(csv.headers["content-type"]).toContain("text/csv")
    expect(csv.headers["content-disposition"]).toMatch(
      /attachment; filename="reassort-\d{4}-\d{2}-\d{2}\.csv"/
    )
    const text = (csv.body as Buffer).toString("utf8")
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
    const headers = await adminHeaders()
    const res = await api()
      .get("/admin/orion/alerts?type=restock&sort=-severity&limit=500")
      .set(headers)
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

    const page = await api()
      .get("/admin/orion/alerts?type=restock&limit=1&offset=0")
      .set(headers)
    expect(page.body.alerts).toHaveLength(1)
    expect(page.body.count).toBe(res.body.count)

    const badType = await api()
      .get("/admin/orion/alerts?type=flood")
      .set(headers)
    expect(badType.status).toBe(400)
    expect(badType.body.message).toContain(
      '"flood" is not one of restock, spike, decline, dead_stock'
    )

    const ack = await api()
      .post(`/admin/orion/alerts/${mine.id}/acknowledge`)
      .set(headers)
      .send({ note: "ordered from supplier" })
    expect(ack.status).toBe(200)
    expect(ack.body.alert.status).toBe("acknowledged")
    expect(ack.body.alert.acknowledged_by).toMatch(/^usr_/)
    const acked = await api()
      .get("/admin/orion/alerts?status=acknowledged")
      .set(headers)
    expect(acked.body.alerts.map((a: any) => a.id)).toContain(mine.id)
    const missing = await api()
      .post("/admin/orion/alerts/oal_nope/acknowledge")
      .set(headers)
      .send({})
    expect(missing.status).toBe(404)
  })

  it("reports dead stock, spikes and declines as insights with reasons", async () => {
    const headers = await adminHeaders()
    const res = await api().get("/admin/orion/insights?limit=500").set(headers)
    expect(res.status).toBe(200)
    for (const i of res.body.insights) {
      expect(["spike", "decline", "dead_stock"]).toContain(i.type)
      expect(i.reason).toMatch(/\S/)
    }
    // variants in stock that never sold: the history reaches back to 2019, so they are dead stock
    const never = await sql(
      `SELECT pv.id FROM product_variant pv WHERE pv.deleted_at IS NULL AND pv.inventory_quantity > 0
         AND NOT EXISTS (SELECT 1 FROM orion_sales_history h WHERE h.variant_id = pv.id)`
    )
    const dead = await api()
      .get("/admin/orion/insights?type=dead_stock&limit=500")
      .set(headers)
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
    const headers = await adminHeaders()
    const started = await api()
      .post("/admin/orion/runs")
      .set(headers)
      .send({ frequency: "week", horizon: 8 })
    expect(started.status).toBe(202)
    await until(
      "the second run",
      async () => {
        const res = await api()
          .get(`/admin/orion/runs/${started.body.run.id}`)
          .set(headers)
        return res.body.run.status !== "running" ? res.body.run : null
      },
      240000
    )
    const res = await api()
      .get(
        `/admin/orion/alerts?type=restock&variant_id=${variant.id}&status=acknowledged,open`
      )
      .set(headers)
    expect(res.body.alerts).toHaveLength(1)
    expect(res.body.alerts[0].status).toBe("acknowledged")
    expect(res.body.alerts[0].run_id).toBe(started.body.run.id)
    expect(res.body.alerts[0].data.note).toBe("ordered from supplier")
    const fc = await api()
      .get(`/admin/orion/forecasts?variant_id=${variant.id}`)
      .set(headers)
    expect(fc.body.forecast.periods).toHaveLength(8)
  })

  const redisIt =
    process.env.SHABOU_TEST_ENV &&
    JSON.parse(process.env.SHABOU_TEST_ENV).redisUrl
      ? it
      : it.skip
  redisIt(
    "registers the weekly job in BullMQ for Sunday 23:30 Africa/Tunis",
    async () => {
      const env = testEnv()
      const redis = new Redis(env.redisUrl as string)
      try {
        const key = `${env.redisPrefix}JobSchedulerService:scheduled-jobs-queue:repeat`
        const entries = await redis.zrange(key, 0, -1, "WITHSCORES")
        const i = entries.findIndex((e) =>
          e.startsWith("orion-weekly-forecast:")
        )
        expect(i).toBeGreaterThanOrEqual(0)
        expect(entries[i]).toBe("orion-weekly-forecast::::30 22 * * 0")
        const next = new Date(Number(entries[i + 1]))
        expect(next.getTime()).toBeGreaterThan(Date.now())
        expect(next.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86400000)
        const tunis = new Intl.DateTimeFormat("en-GB", {
          timeZone: "Africa/Tunis",
          weekday: "long",
          hour: "2-digit",
          minute: "2-digit",
        }).format(next)
        expect(tunis).toBe("Sunday 23:30")
      } finally {
        redis.disconnect()
      }
    }
  )
})
