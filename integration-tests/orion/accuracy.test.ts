import type { Browser, Page } from "playwright-core"
import {
  gotoAdmin,
  launchBrowser,
  loginAsOwner,
  PageWatch,
  screenshot,
  watchPage,
  whenShown,
} from "../helpers/browser"
import { sql, testEnv } from "../helpers/env"
import { adminCall } from "../helpers/http"
import { orionRunAsOf as runAsOf } from "../helpers/orion"
import { importSales } from "./admin-api"

jest.setTimeout(900000)

/** These sales lines (sku,date,qty) imported as a sales history file, as the owner. */
const importCsv = (lines: string[]) =>
  importSales(["sku,date,qty", ...lines].join("\n"))

describe("orion: forecasts against what was sold", () => {
  // weekly runs on the demo history (it ends 2026-10-31), each as of a Sunday night, 4 weeks apart
  const A = "2026-08-02"
  const B = "2026-08-30"
  const C = "2026-09-27"
  const D = "2026-10-25"
  let runA: any
  let runB: any
  let runC: any
  let broken: { sku: string; day: string; qty: number }[] = []
  let browser: Browser | undefined

  afterAll(async () => {
    await browser?.close()
    // put the broken days back as the demo history had them
    if (broken.length) {
      const res = await importCsv(
        broken.map((b) => `${b.sku},${b.day},${b.qty}`)
      )
      expect(res.status).toBe(200)
    }
  })

  it("stores, after a second run, each part's forecast against its sales, and pooled figures", async () => {
    runA = await runAsOf(A)
    expect(String(runA.forecast_start).slice(0, 10)).toBe("2026-08-03")
    // nothing to compare yet: A's weeks are not in the history A's own run saw
    expect(
      await sql(`SELECT 1 FROM orion_run_accuracy WHERE run_id = $1`, [runA.id])
    ).toHaveLength(0)

    runB = await runAsOf(B)
    const [acc] = await sql(
      `SELECT periods_evaluated, to_char(evaluated_through, 'YYYY-MM-DD') AS through, overall, by_category, by_segment
       FROM orion_run_accuracy WHERE run_id = $1`,
      [runA.id]
    )
    expect(acc).toMatchObject({ periods_evaluated: 4, through: "2026-08-30" })

    // one row per part and past week, with the sales of that week
    const [{ parts }] = await sql(
      `SELECT count(*)::int AS parts FROM orion_variant_forecast WHERE run_id = $1`,
      [runA.id]
    )
    const rows = await sql(
      `SELECT variant_id, to_char(period_start, 'YYYY-MM-DD') AS period_start, mean, p10, p90, actual, abs_error, inside_80
       FROM orion_forecast_accuracy WHERE run_id = $1`,
      [runA.id]
    )
    expect(rows.length).toBe(parts * 4)
    expect(new Set(rows.map((r) => r.period_start))).toEqual(
      new Set(["2026-08-03", "2026-08-10", "2026-08-17", "2026-08-24"])
    )
    const sold = await sql(
      `SELECT variant_id, to_char(date_trunc('week', day::timestamp), 'YYYY-MM-DD') AS p, sum(qty)::float AS qty
       FROM orion_sales_history WHERE day >= '2026-08-03' AND day < '2026-08-31' GROUP BY 1, 2`
    )
    const soldBy = new Map(sold.map((s) => [`${s.variant_id}|${s.p}`, s.qty]))
    for (const r of rows) {
      expect(r.actual).toBeCloseTo(
        soldBy.get(`${r.variant_id}|${r.period_start}`) ?? 0,
        4
      )
      expect(r.abs_error).toBeCloseTo(Math.abs(r.mean - r.actual), 3)
      expect(r.inside_80).toBe(r.actual >= r.p10 && r.actual <= r.p90)
    }
    // every sale of the scored variants in those weeks is counted
    const actualTotal = rows.reduce((a, r) => a + r.actual, 0)
    expect(actualTotal).toBeGreaterThan(0)
    expect(acc.overall.actual_total).toBeCloseTo(actualTotal, 1)
    expect(acc.overall.parts).toBe(parts)
    expect(acc.overall.periods).toBe(parts * 4)
    expect(acc.overall.coverage).toBeCloseTo(
      rows.filter((r) => r.inside_80).length / rows.length,
      3
    )
    expect(acc.overall.bias).toBeCloseTo(
      rows.reduce((a, r) => a + r.mean - r.actual, 0) / rows.length,
      2
    )
    expect(acc.overall.wql).toBeGreaterThan(0)
    expect(acc.overall.mase).toBeGreaterThan(0)
    // the MAPE covers the parts with regular sales only, and says how many they are
    const regular = await sql(
      `SELECT count(DISTINCT variant_id)::int AS n FROM orion_forecast_accuracy WHERE run_id = $1 AND segment IN ('smooth', 'erratic') AND actual > 0`,
      [runA.id]
    )
    expect(acc.overall.mape_parts).toBe(regular[0].n)
    expect(acc.overall.mape_share).toBeCloseTo(regular[0].n / parts, 3)
    // per category and per demand class, adding up to the whole
    const sum = (o: Record<string, any>) =>
      Object.values(o).reduce((a: number, f: any) => a + f.parts, 0)
    expect(sum(acc.by_category)).toBe(parts)
    expect(sum(acc.by_segment)).toBe(parts)

    // the admin API
    const res = await adminCall("GET", "/admin/orion/accuracy?frequency=week")
    expect(res.status).toBe(200)
    const mine = res.body.runs.find((r: any) => r.run_id === runA.id)
    expect(mine).toMatchObject({
      periods_evaluated: 4,
      forecast_start: "2026-08-03",
      evaluated_through: "2026-08-30",
    })
    expect(mine.overall).toEqual(acc.overall)
    expect(res.body.latest.run_id).toBe(runA.id)
    expect(res.body.worst.length).toBeGreaterThan(0)
    const errs = res.body.worst.map((w: any) => w.abs_error)
    expect(errs).toEqual([...errs].sort((a: number, b: number) => b - a))
    const [top] = await sql(
      `SELECT variant_id, sum(abs_error)::float AS e FROM orion_forecast_accuracy WHERE run_id = $1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      [runA.id]
    )
    expect(res.body.worst[0].variant_id).toBe(top.variant_id)
    expect(res.body.worst[0].abs_error).toBeCloseTo(top.e, 2)

    const one = await adminCall(
      "GET",
      `/admin/orion/accuracy/rows?run_id=${runA.id}&variant_id=${top.variant_id}`
    )
    expect(one.status).toBe(200)
    expect(one.body.rows.map((r: any) => r.period_index)).toEqual([0, 1, 2, 3])

    // bad input is named
    const bad = await adminCall("GET", "/admin/orion/accuracy?threshold=much")
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain("threshold")
    const unknown = await adminCall("GET", "/admin/orion/accuracy?run=1")
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toContain("run")
    const noRun = await adminCall("GET", "/admin/orion/accuracy/rows")
    expect(noRun.status).toBe(400)
    expect(noRun.body.message).toContain("run_id")
    const badDate = await adminCall("POST", "/admin/orion/accuracy/evaluate", {
      through: "2026-02-30",
    })
    expect(badDate.status).toBe(400)
    expect(badDate.body.message).toContain("through")
  })

  it("shows the true hold-out figure of the selection, labelled as such", async () => {
    const backtest = runB.backtest as any[]
    const tuned = backtest.filter((b) => !b.reason && b.holdout)
    expect(tuned.length).toBeGreaterThan(0)
    for (const b of tuned) {
      // chosen on the earlier window(s), scored on the last one
      expect(b.holdout.selected_on).toBeGreaterThan(0)
      expect(b.holdout.windows).toBeGreaterThan(0)
      expect(typeof b.holdout.wql).toBe("number")
      expect(b.holdout.method).toMatch(/\+/)
    }
    const res = await adminCall("GET", "/admin/orion/accuracy?frequency=week")
    // run A was scored; its own backtest's hold-out pooled over its classes
    const a = res.body.runs.find((r: any) => r.run_id === runA.id)
    expect(a.holdout.wql).toBeGreaterThan(0)
  })

  it("raises the accuracy alert when a run's forecasts go badly wrong (a deliberately broken series)", async () => {
    runC = await runAsOf(C)
    const calm = await adminCall("GET", "/admin/orion/accuracy?frequency=week")
    expect(calm.body.runs.map((r: any) => r.run_id)).toEqual(
      expect.arrayContaining([runA.id, runB.id])
    )
    expect(calm.body.degradation).toMatchObject({
      degraded: false,
      run_id: runB.id,
      baseline_runs: expect.any(Number),
    })

    // broken: five quiet parts suddenly sell hundreds in the week after C (e.g. a wrong import)
    broken = await sql(
      `SELECT sku, to_char(day, 'YYYY-MM-DD') AS day, qty::float AS qty FROM orion_sales_history
       WHERE source = 'import' AND day = '2026-10-06' AND sku IS NOT NULL ORDER BY variant_id LIMIT 5`
    )
    expect(broken).toHaveLength(5)
    const res = await importCsv(
      broken.map((b) => `${b.sku},${b.day},${b.qty + 400}`)
    )
    expect(res.status).toBe(200)
    await runAsOf(D)

    const after = await adminCall("GET", "/admin/orion/accuracy?frequency=week")
    const d = after.body.degradation
    expect(d).toMatchObject({
      degraded: true,
      run_id: runC.id,
      threshold: 0.25,
    })
    expect(d.change).toBeGreaterThan(0.25)
    const c = after.body.runs.find((r: any) => r.run_id === runC.id)
    expect(d.wql).toBe(c.overall.wql)
    // the broken parts are the worst forecast ones
    const worstSkus = after.body.worst.slice(0, 5).map((w: any) => w.sku)
    expect(new Set(worstSkus)).toEqual(new Set(broken.map((b) => b.sku)))
    // the threshold is configurable per request
    const lax = await adminCall(
      "GET",
      `/admin/orion/accuracy?frequency=week&threshold=${Math.ceil(d.change * 100 + 1) / 100}`
    )
    expect(lax.body.degradation.degraded).toBe(false)
  })

  it("shows accuracy, its chart, the worst parts and the alert on the Réassort page, in plain French", async () => {
    const api1 = (await adminCall("GET", "/admin/orion/accuracy")).body
    browser = await launchBrowser()
    const page: Page = await (
      await browser.newContext({ viewport: { width: 1440, height: 1400 } })
    ).newPage()
    const watch: PageWatch = await watchPage(page)
    await loginAsOwner(page)
    await gotoAdmin(page, `${testEnv().baseUrl}/app/a/reassort`)
    const widget = page.getByTestId("reassort-accuracy")
    await whenShown(page, widget.getByTestId("accuracy-summary"), 60000)
    await widget.getByTestId("accuracy-alert").waitFor({ timeout: 30000 })
    const alert =
      (await widget.getByTestId("accuracy-alert").textContent()) ?? ""
    expect(alert).toContain("Les prévisions se dégradent")
    expect(alert.replace(/[\u00a0\u202f]/g, " ")).toContain(
      `${Math.round(api1.degradation.change * 100)} % plus élevée`
    )
    // the chart: one point per scored run on each of its 3 lines
    const chart = widget.getByTestId("accuracy-chart")
    await chart
      .locator(".recharts-wrapper > svg.recharts-surface")
      .waitFor({ timeout: 30000 })
    expect(await chart.locator(".recharts-line").count()).toBe(3)
    expect(
      await chart
        .locator(".recharts-line")
        .first()
        .locator(".recharts-line-dot, circle")
        .count()
    ).toBe(api1.runs.length)
    // the worst parts, in the API's order
    const rows = widget.getByTestId("accuracy-worst-row")
    expect(await rows.count()).toBe(api1.worst.length)
    expect(await rows.first().textContent()).toContain(api1.worst[0].sku)
    // plain French; the figures' names only in the details line
    const details =
      (await widget.getByTestId("accuracy-details").textContent()) ?? ""
    expect(details).toContain("WQL")
    const text = ((await widget.textContent()) ?? "").replace(details, "")
    for (const jargon of [
      "WQL",
      "MASE",
      "MAPE",
      "quantile",
      "p10",
      "p90",
      "smooth",
      "erratic",
      "lumpy",
      "intermittent",
    ]) {
      expect(text).not.toContain(jargon)
    }
    const summary =
      (await widget.getByTestId("accuracy-summary").textContent()) ?? ""
    expect(summary).toMatch(
      /^Prévision du .+ comparée aux ventes de ses 4 premières semaines : \d+ % des ventes sont tombées dans la fourchette prévue/
    )
    await widget.scrollIntoViewIfNeeded()
    await screenshot(page, "reassort-accuracy")
    expect({ outside: watch.outside, errors: watch.errors }).toEqual({
      outside: [],
      errors: [],
    })
  })
})
