import fs from "fs"
import path from "path"
import { Worker } from "worker_threads"
import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { generateEntityId } from "@medusajs/utils"
import { LeaseBusyError, noLiveLease, RunLease, timeRun } from "@shabou/ops"
import { EntityManager } from "typeorm"
import { describeEffects } from "../lib/calendar-effects"
import { methodName } from "../lib/engine"
import type { BatchSeries, CalendarPlan } from "../lib/calendar-forecast"
import { batches, BatchVariant } from "../lib/forecast-batch"
import { runPlanJob, WorkerInput } from "../lib/forecast-worker"
import { detectDeadStock } from "../lib/insights"
import { demandText } from "../lib/plain-french"
import { addPeriods, periodStart } from "../lib/sales-history"
import { Frequency } from "../lib/types"
import { runWeather } from "../lib/weather-run"
import { OrionForecastRun } from "../models/orion-forecast-run"
import {
  OrionOptions,
  resolveOptions,
  ResolvedOrionOptions,
} from "../types/options"
import type OrionAccuracyService from "./orion-accuracy"
import type OrionForecastBatchService from "./orion-forecast-batch"
import type { StoredBatchInput } from "./orion-forecast-batch"
import type OrionAlertService from "./orion-alert"
import type OrionPurchaseOrderService from "./orion-purchase-order"
import type { AlertCandidate } from "./orion-alert"
import type OrionRestockSettingsService from "./orion-restock-settings"
import type OrionWeatherService from "./orion-weather"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  orionAlertService: OrionAlertService
  orionRestockSettingsService: OrionRestockSettingsService
  orionAccuracyService: OrionAccuracyService
  orionPurchaseOrderService: OrionPurchaseOrderService
  orionForecastBatchService: OrionForecastBatchService
  orionWeatherService: OrionWeatherService
}

export type RunRequest = {
  trigger?: string
  frequency?: Frequency
  horizon?: number
  /** the run's "today" (ISO date); default now */
  as_of?: string
}

/** a variant as the run reads it: what a forecast batch takes of it (less its series and settings), and where it belongs */
type VariantInfo = Omit<BatchVariant, keyof BatchSeries | "settings"> & {
  brand: string | null
  leaf_category: string | null
  root_category: string | null
}

type PlanResult = {
  plan: CalendarPlan | null
  tuning: ReturnType<typeof runPlanJob>["tuning"]
  /** per category, the weather effects tested and kept (empty without weather) */
  weather: ReturnType<typeof runPlanJob>["weather"]
}

const DAY = 86400000
/** the run lease (@shabou/ops) every forecast run holds, on whichever instance it runs */
export const FORECAST_LEASE = "orion-forecast"
const iso = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Forecast runs: aggregates the sales history per variant and period, runs the engine (with
 * per-category calendar effects, and weather effects when daily weather is stored) in a worker thread,
 * stores forecasts per variant and period, then computes reorder points, restock alerts and insights.
 */
export default class OrionForecastService extends TransactionBaseService {
  protected readonly options_: ResolvedOrionOptions
  protected readonly logger_: Logger
  protected readonly alerts_: OrionAlertService
  protected readonly settings_: OrionRestockSettingsService
  protected readonly accuracy_: OrionAccuracyService
  protected readonly purchaseOrders_: OrionPurchaseOrderService
  protected readonly batches_: OrionForecastBatchService
  protected readonly weather_: OrionWeatherService
  /** leases held by the runs of this process, by run id */
  private readonly leases_ = new Map<string, RunLease>()

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.options_ = resolveOptions(options)
    this.logger_ = container.logger
    this.alerts_ = container.orionAlertService
    this.settings_ = container.orionRestockSettingsService
    this.accuracy_ = container.orionAccuracyService
    this.purchaseOrders_ = container.orionPurchaseOrderService
    this.batches_ = container.orionForecastBatchService
    this.weather_ = container.orionWeatherService
  }

  /**
   * Creates a running run holding the forecast lease, or refuses (409) while another live run holds
   * it, on any instance. A run whose process died stops renewing its lease: within the lease's
   * lifetime (RUN_LEASE_TTL_SECONDS, 30 s) it is marked failed and a new run may start.
   */
  async createRun(req: RunRequest = {}): Promise<OrionForecastRun> {
    const frequency = req.frequency ?? this.options_.frequency
    if (frequency !== "week" && frequency !== "month") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `frequency must be "week" or "month", got ${JSON.stringify(frequency)}`
      )
    }
    const horizon =
      req.horizon ??
      (frequency === this.options_.frequency
        ? this.options_.horizon
        : frequency === "week"
          ? 13
          : 6)
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > 104) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `horizon must be an integer between 1 and 104, got ${JSON.stringify(horizon)}`
      )
    }
    if (req.as_of !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(req.as_of)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `as_of must be a YYYY-MM-DD date, got ${JSON.stringify(req.as_of)}`
      )
    }
    const m = this.manager_
    const id = generateEntityId(undefined, "orun")
    let lease: RunLease
    try {
      lease = await RunLease.acquire(
        (sql, params) => m.query(sql, params),
        FORECAST_LEASE,
        "A forecast run",
        { runId: id }
      )
    } catch (e) {
      if (e instanceof LeaseBusyError) {
        throw new MedusaError(MedusaError.Types.CONFLICT, e.message)
      }
      throw e
    }
    try {
      // we hold the lease: a run still "running" lost its process
      await this.failDeadRuns()
      const repo = m.getRepository(OrionForecastRun)
      const run = await repo.save(
        repo.create({
          id,
          status: "running",
          trigger: req.trigger ?? "manual",
          frequency,
          horizon,
          progress: 0,
          stage: "queued",
          started_at: new Date(),
          forecast_start: null,
        })
      )
      this.leases_.set(run.id, lease)
      return run
    } catch (e) {
      await lease.release()
      throw e
    }
  }

  /** Runs left "running" without a live lease: their process died (kill -9, a lost machine). */
  async failDeadRuns(): Promise<number> {
    const result = await this.manager_.query(
      `UPDATE "orion_forecast_run" SET "status" = 'failed', "finished_at" = now(), "updated_at" = now(),
         "error" = 'the process running it stopped (its run lease expired without renewal)'
       WHERE "status" = 'running' AND ${noLiveLease("$1")} RETURNING id`,
      [FORECAST_LEASE]
    )
    return Array.isArray(result?.[0])
      ? result[0].length
      : Array.isArray(result)
        ? result.length
        : 0
  }

  /** Starts a run in the background and returns it at once (for the admin API). */
  async startRun(req: RunRequest = {}): Promise<OrionForecastRun> {
    const run = await this.createRun(req)
    setImmediate(() => {
      this.executeRun(run.id, req.as_of).catch((e) =>
        this.logger_.error(
          `orion: run ${run.id} failed: ${(e as Error).message}`
        )
      )
    })
    return run
  }

  /** Creates and executes a run, resolving when it is finished (for the scheduled job and scripts). */
  async runNow(req: RunRequest = {}): Promise<OrionForecastRun> {
    const run = await this.createRun(req)
    await this.executeRun(run.id, req.as_of)
    return this.retrieveRun(run.id)
  }

  async retrieveRun(id: string): Promise<OrionForecastRun> {
    await this.failDeadRuns()
    const run = await this.manager_
      .getRepository(OrionForecastRun)
      .findOne({ where: { id } })
    if (!run) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `forecast run ${id} not found`
      )
    }
    return run
  }

  async listRuns(page: { limit: number; offset: number }) {
    await this.failDeadRuns()
    const [runs, count] = await this.manager_
      .getRepository(OrionForecastRun)
      .findAndCount({
        order: { created_at: "DESC" },
        take: page.limit,
        skip: page.offset,
      })
    return { runs, count, limit: page.limit, offset: page.offset }
  }

  private async progress(
    id: string,
    progress: number,
    stage: string
  ): Promise<void> {
    this.leases_.get(id)?.assertHeld()
    await this.manager_.query(
      `UPDATE "orion_forecast_run" SET "progress" = $2, "stage" = $3, "updated_at" = now() WHERE id = $1`,
      [id, Math.min(1, Math.max(0, progress)), stage]
    )
  }

  async executeRun(id: string, asOfIso?: string): Promise<void> {
    const started = Date.now()
    const [row] = await this.manager_.query(
      `SELECT "trigger" FROM "orion_forecast_run" WHERE id = $1`,
      [id]
    )
    try {
      await timeRun("forecast", row?.trigger ?? "manual", async () => {
        try {
          await this.execute(id, asOfIso)
          this.leases_.get(id)?.assertHeld()
          // score the earlier runs against the sales since (before the run shows as finished, and before
          // their forecasts are pruned); a failure there is logged, never fails the run
          await this.accuracy_.evaluateAfterRun(id)
          await this.manager_.query(
            `UPDATE "orion_forecast_run" SET "status" = 'succeeded', "progress" = 1, "stage" = 'done', "finished_at" = now(),
               "duration_ms" = $2, "updated_at" = now() WHERE id = $1`,
            [id, Date.now() - started]
          )
          await this.prune()
        } catch (e) {
          await this.manager_.query(
            `UPDATE "orion_forecast_run" SET "status" = 'failed', "finished_at" = now(), "duration_ms" = $2, "error" = $3, "updated_at" = now()
             WHERE id = $1`,
            [id, Date.now() - started, (e as Error).stack ?? String(e)]
          )
          throw e
        }
      })
    } finally {
      await this.leases_.get(id)?.release()
      this.leases_.delete(id)
    }
  }

  private async execute(id: string, asOfIso?: string): Promise<void> {
    const run = await this.retrieveRun(id)
    const m = this.manager_
    const f = run.frequency
    const h = run.horizon
    const asOf = asOfIso ? new Date(`${asOfIso}T12:00:00Z`) : new Date()
    // a run on the last day of a period (e.g. Sunday night) counts that period as complete
    const forecastStart = periodStart(new Date(asOf.getTime() + DAY), f)
    const historyStart = addPeriods(
      forecastStart,
      -this.options_.maxHistoryPeriods,
      f
    )
    await this.progress(id, 0.02, "loading history")

    const rows: { variant_id: string; p: string; qty: number }[] =
      await m.query(
        `SELECT variant_id, to_char(date_trunc($1, day::timestamp), 'YYYY-MM-DD') AS p, sum(qty)::float AS qty
       FROM "orion_sales_history" WHERE day >= $2 AND day < $3 GROUP BY 1, 2`,
        [f, iso(historyStart), iso(forecastStart)]
      )
    const variants = await this.loadVariants()
    const index = (p: string) => {
      const d = new Date(`${p}T00:00:00Z`)
      return f === "week"
        ? Math.round((d.getTime() - historyStart.getTime()) / (7 * DAY))
        : (d.getUTCFullYear() - historyStart.getUTCFullYear()) * 12 +
            d.getUTCMonth() -
            historyStart.getUTCMonth()
    }
    const n = index(iso(forecastStart))
    const byVariant = new Map<string, Map<number, number>>()
    for (const r of rows) {
      if (!variants.has(r.variant_id)) {
        continue // deleted variant
      }
      const mp = byVariant.get(r.variant_id) ?? new Map<number, number>()
      mp.set(index(r.p), (mp.get(index(r.p)) ?? 0) + r.qty)
      byVariant.set(r.variant_id, mp)
    }
    const ids = [...byVariant.keys()].sort()
    const offsets: number[] = []
    const series: number[][] = []
    for (const v of ids) {
      const mp = byVariant.get(v) as Map<number, number>
      const first = Math.min(...mp.keys())
      const y = new Array(n - first).fill(0)
      for (const [t, q] of mp) {
        y[t - first] += q
      }
      offsets.push(first)
      series.push(y)
    }
    const categories = ids.map((v) => variants.get(v)?.root_category ?? null)

    // the stored daily weather over the history and the forecast periods (none stored: the run is as without it);
    // the effects the hold-out keeps are chosen once here, in the plan, and every batch applies them
    const weather = ids.length
      ? await this.weather_.forRun(
          iso(historyStart),
          iso(addPeriods(forecastStart, h, f))
        )
      : { days: [], governorates: [] }
    const withWeather = weather.days.length > 0
    await this.progress(
      id,
      0.05,
      `planning ${ids.length} variants (calendar effects, ${withWeather ? `weather of ${weather.days.length} day-governorates, ` : ""}method per demand class)`
    )
    const {
      plan,
      tuning,
      weather: weatherOfRun,
    }: PlanResult = ids.length === 0
      ? { plan: null, tuning: [], weather: {} }
      : await this.runPlan(id, {
          series,
          offsets,
          categories,
          start: iso(historyStart),
          frequency: f,
          horizon: h,
          ...(withWeather ? { weatherData: { days: weather.days } } : {}),
        })
    const effectsOfRun = plan?.effects ?? {}

    const periodStarts = new Array(h)
      .fill(0)
      .map((_, k) => iso(addPeriods(forecastStart, k, f)))
    const metrics: Record<string, Record<string, number>> = {}
    for (const t of tuning) {
      const chosen = t.perModel.find((c) => c.method.model === t.chosen.model)
      if (chosen) {
        metrics[t.segment] = clean(chosen.metrics)
      }
    }
    // the batches: consecutive slices of the variants, each with everything it needs (the plan, the
    // variants' series, stock, open orders and restock settings as they are now)
    const resolver = await this.settings_.resolver()
    const inputs: StoredBatchInput[] = plan
      ? batches(
          ids.map((vid, i) => ({ vid, i })),
          this.batches_.batchSize
        ).map((slice) => ({
          plan,
          as_of: asOf.toISOString(),
          forecast_start: forecastStart.toISOString(),
          period_starts: periodStarts,
          metrics,
          variants: slice.map(({ vid, i }): BatchVariant => {
            const v = variants.get(vid) as VariantInfo
            return {
              id: v.id,
              sku: v.sku,
              title: v.title,
              inventory_quantity: v.inventory_quantity,
              manage_inventory: v.manage_inventory,
              on_order: v.on_order,
              on_order_lines: v.on_order_lines,
              settings: resolver.resolve(
                [v.root_category, v.leaf_category],
                v.brand
              ),
              series: series[i],
              offset: offsets[i],
              category: categories[i],
            }
          }),
        }))
      : []
    await this.batches_.create(id, inputs)
    await this.runBatches(id, inputs.length, ids.length)

    await this.progress(id, 0.85, "alerts and insights")
    const wins: Record<string, number> = {}
    const restock: AlertCandidate[] = []
    const insights: AlertCandidate[] = []
    for (const out of inputs.length ? await this.batches_.outputs(id) : []) {
      for (const model of out.models) {
        wins[model] = (wins[model] ?? 0) + 1
      }
      restock.push(...out.alerts)
      insights.push(...out.insights)
    }
    const [span] = await m.query(
      `SELECT min(day) AS first FROM "orion_sales_history"`
    )
    const lastSales: { variant_id: string; last: string }[] = await m.query(
      `SELECT variant_id, to_char(max(day), 'YYYY-MM-DD') AS last FROM "orion_sales_history" WHERE day < $1 GROUP BY 1`,
      [iso(forecastStart)]
    )
    const lastByVariant = new Map(
      lastSales.map((r) => [r.variant_id, new Date(`${r.last}T00:00:00Z`)])
    )
    const firstDay = span?.first
      ? new Date(`${iso(new Date(span.first))}T00:00:00Z`)
      : null
    for (const v of variants.values()) {
      const dead = detectDeadStock({
        lastSale: lastByVariant.get(v.id) ?? null,
        asOf: new Date(`${iso(asOf)}T00:00:00Z`),
        stock: v.inventory_quantity,
        historyStart: firstDay,
        days: this.options_.deadStockDays,
      })
      if (dead) {
        insights.push({
          type: "dead_stock",
          variant_id: v.id,
          sku: v.sku,
          title: v.title,
          severity: dead.severity,
          reason: dead.reason,
          suggested_quantity: null,
          data: dead.data,
        })
      }
    }
    await this.alerts_.refresh(
      id,
      ["restock", "spike", "decline", "dead_stock"],
      [...restock, ...insights]
    )

    const effects: Record<string, unknown> = {}
    for (const [c, e] of Object.entries(effectsOfRun)) {
      effects[c] = {
        summary: describeEffects(e),
        multipliers: Object.fromEntries(
          Object.entries(e.effects).map(([k, x]) => [k, round(x.multiplier, 3)])
        ),
        se: Object.fromEntries(
          Object.entries(e.effects).map(([k, x]) => [k, round(x.se, 3)])
        ),
        dispersion: round(e.dispersion, 2),
        parts: e.parts,
      }
    }
    const backtest = tuning.map((t) => ({
      segment: t.segment,
      sampled: t.sampled,
      windows: t.windows,
      chosen:
        t.perModel.find((c) => c.method.model === t.chosen.model)?.method ??
        t.chosen,
      reason: t.reason ?? null,
      // true hold-out: chosen on the earlier windows, scored on the last one (the figure above is in-sample)
      holdout: t.holdout
        ? {
            method: methodName(t.holdout.method),
            selected_on: t.holdout.selectedOn,
            windows: t.holdout.scoredOn,
            actual_total: round(t.holdout.metrics.actualTotal, 3),
            ...clean(t.holdout.metrics),
          }
        : null,
      models: t.perModel
        .map(
          (c) =>
            ({
              model: c.method.model,
              distribution: c.method.distribution,
              shape: Number.isFinite(c.method.shape) ? c.method.shape : null,
              ...clean(c.metrics),
            }) as Record<string, unknown>
        )
        .sort(
          (a, b) =>
            ((a.wql as number) ?? Infinity) - ((b.wql as number) ?? Infinity)
        ),
    }))
    // which weather effects were kept, per category, in plain French with the category's name
    let weatherEffects: ReturnType<typeof runWeather> | null = null
    if (plan && withWeather) {
      const handles = Object.keys(weatherOfRun)
      const named: { handle: string; name: string }[] = handles.length
        ? await m.query(
            `SELECT handle, name FROM "product_category" WHERE handle = ANY($1)`,
            [handles]
          )
        : []
      weatherEffects = runWeather({
        weather: weatherOfRun,
        plan,
        names: Object.fromEntries(named.map((r) => [r.handle, r.name])),
        governorates: weather.governorates,
        days: weather.days,
      })
    }
    await m.query(
      `UPDATE "orion_forecast_run" SET "variant_count" = $2, "alert_count" = $3, "model_wins" = $4, "backtest" = $5,
         "calendar_effects" = $6, "forecast_start" = $7, "weather_effects" = $8, "updated_at" = now() WHERE id = $1`,
      [
        id,
        ids.length,
        restock.length + insights.length,
        JSON.stringify(wins),
        JSON.stringify(backtest),
        JSON.stringify(effects),
        iso(forecastStart),
        weatherEffects ? JSON.stringify(weatherEffects) : null,
      ]
    )
  }

  /**
   * Runs the run's batches: through the BullMQ queue with Redis (any `worker` / `shared` instance takes
   * them; this process waits, renewing the run's lease, and shows the progress), otherwise here, one after
   * the other. Either way each batch is `orionForecastBatchService.runBatch`. A batch failed for good fails
   * the run with its reason; a lost lease stops the run and takes its batches out of the queue.
   */
  private async runBatches(
    id: string,
    total: number,
    variantCount: number
  ): Promise<void> {
    if (total === 0) {
      return
    }
    const lease = this.leases_.get(id)
    const show = (done: number) =>
      this.progress(
        id,
        0.1 + 0.75 * (done / total),
        `forecasting: ${done}/${total} batches of ${this.batches_.batchSize} (${variantCount} variants)`
      )
    if (!this.batches_.distributed) {
      for (let i = 0; i < total; i++) {
        await show(i)
        await this.batches_.runBatch(id, i)
      }
      return
    }
    await show(0)
    await this.batches_.dispatch(id)
    let shown = -1
    try {
      for (;;) {
        lease?.assertHeld()
        const s = await this.batches_.summary(id)
        if (s.failure) {
          throw new Error(
            `forecast batch ${s.failure.index + 1} of ${total} (${s.failure.variants} variants) ${s.failure.error}`
          )
        }
        if (s.done !== shown) {
          shown = s.done
          await show(s.done)
        }
        if (s.done === s.total) {
          return
        }
        await new Promise((r) => setTimeout(r, 300))
      }
    } catch (e) {
      await this.batches_.cancel(id).catch(() => undefined)
      throw e
    }
  }

  /** Plans the run (calendar effects, method and prior per demand class) in a worker thread. */
  private async runPlan(id: string, input: WorkerInput): Promise<PlanResult> {
    const file = path.join(__dirname, "..", "lib", "forecast-worker.js")
    const lease = this.leases_.get(id)
    if (!this.options_.useWorker || !fs.existsSync(file)) {
      return runPlanJob(input)
    }
    return new Promise<PlanResult>((resolve, reject) => {
      const worker = new Worker(file, {
        workerData: { orionForecast: true, input },
      })
      let settled = false
      // another instance may run now when the lease is lost: this one stops computing
      const watch = setInterval(() => {
        if (lease?.lost && !settled) {
          settled = true
          worker.terminate().catch(() => undefined)
          reject(new Error("the run lease was lost: the run stopped"))
        }
      }, 500)
      const done = () => clearInterval(watch)
      worker.on(
        "message",
        (msg: { type: string; result?: PlanResult; message?: string }) => {
          done()
          if (settled) {
            return
          }
          settled = true
          if (msg.type === "result") {
            resolve(msg.result as PlanResult)
          } else {
            reject(new Error(`forecast engine failed: ${msg.message}`))
          }
        }
      )
      worker.on("error", (e) => {
        done()
        if (!settled) {
          settled = true
          reject(e)
        }
      })
      worker.on("exit", (code) => {
        done()
        if (!settled) {
          settled = true
          reject(
            new Error(
              `forecast worker exited with code ${code} before finishing`
            )
          )
        }
      })
    })
  }

  /**
   * Every live variant with its stock, on-order quantity and dates (open purchase orders), brand and categories.
   * The brand is the product's one brand, fitment's (`fitment_product` → `brand.handle`, the key of the
   * "brand" restock settings); without the fitment plugin's tables there is none.
   */
  private async loadVariants(): Promise<Map<string, VariantInfo>> {
    const [{ fitment }] = await this.manager_.query(
      `SELECT to_regclass('public.fitment_product') IS NOT NULL AND to_regclass('public.brand') IS NOT NULL AS fitment`
    )
    const rows = await this.manager_.query(
      `SELECT pv.id, pv.sku, p.title || CASE WHEN pv.title IS NULL OR pv.title = '' OR pv.title = 'Default' THEN '' ELSE ' — ' || pv.title END AS title,
              pv.inventory_quantity, pv.manage_inventory, ${fitment ? "b.handle" : "NULL::text"} AS brand,
              leaf.handle AS leaf_category, root.handle AS root_category
       FROM "product_variant" pv
       JOIN "product" p ON p.id = pv.product_id AND p.deleted_at IS NULL${
         fitment
           ? `
       LEFT JOIN "fitment_product" fp ON fp.product_id = p.id
       LEFT JOIN "brand" b ON b.id = fp.brand_id`
           : ""
       }
       LEFT JOIN LATERAL (
         SELECT pc.handle, pc.mpath FROM "product_category_product" pcp JOIN "product_category" pc ON pc.id = pcp.product_category_id
         WHERE pcp.product_id = p.id ORDER BY pc.handle LIMIT 1
       ) leaf ON true
       LEFT JOIN "product_category" root ON root.id = split_part(leaf.mpath, '.', 1)
       WHERE pv.deleted_at IS NULL`
    )
    // on order: the open purchase order lines (orion_purchase_order)
    const onOrder = await this.purchaseOrders_.onOrder()
    const out = new Map<string, VariantInfo>()
    for (const r of rows) {
      const po = onOrder.get(r.id)
      out.set(r.id, {
        id: r.id,
        sku: r.sku,
        title: r.title,
        inventory_quantity: Number(r.inventory_quantity) || 0,
        manage_inventory: Boolean(r.manage_inventory),
        on_order: po?.quantity ?? 0,
        on_order_lines: po?.lines ?? [],
        brand: r.brand,
        leaf_category: r.leaf_category,
        root_category: r.root_category ?? r.leaf_category,
      })
    }
    return out
  }

  /**
   * Keeps the forecasts of the last `keepRuns` succeeded runs; older runs keep their record only. The
   * forecasts that batches of failed runs wrote go, and so do the inputs of finished runs' batches.
   */
  private async prune(): Promise<void> {
    const keep = this.options_.keepRuns
    for (const table of ["orion_forecast", "orion_variant_forecast"]) {
      await this.manager_.query(
        `DELETE FROM "${table}" WHERE run_id IN (SELECT id FROM "orion_forecast_run" WHERE status = 'failed')`
      )
    }
    await this.batches_.prune()
    await this.manager_.query(
      `WITH old AS (
         SELECT id FROM "orion_forecast_run" WHERE status = 'succeeded' ORDER BY created_at DESC OFFSET $1
       )
       DELETE FROM "orion_forecast" WHERE run_id IN (SELECT id FROM old)`,
      [keep]
    )
    await this.manager_.query(
      `DELETE FROM "orion_variant_forecast" WHERE run_id IN (
         SELECT id FROM "orion_forecast_run" WHERE status = 'succeeded' ORDER BY created_at DESC OFFSET $1)`,
      [keep]
    )
  }

  /** Forecasts of one variant from the latest succeeded run (or a given run). */
  async forVariant(variantId: string, runId?: string) {
    const m = this.manager_
    const [run] = runId
      ? await m.query(`SELECT * FROM "orion_forecast_run" WHERE id = $1`, [
          runId,
        ])
      : await m.query(
          `SELECT r.* FROM "orion_forecast_run" r WHERE r.status = 'succeeded'
             AND EXISTS (SELECT 1 FROM "orion_variant_forecast" vf WHERE vf.run_id = r.id)
           ORDER BY r.created_at DESC LIMIT 1`
        )
    if (!run) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        runId
          ? `forecast run ${runId} not found`
          : "no forecast run has succeeded yet"
      )
    }
    const [variant] = await m.query(
      `SELECT id, sku, model, segment, reason, history_periods, metrics, restock, category FROM "orion_variant_forecast"
       WHERE run_id = $1 AND variant_id = $2`,
      [run.id, variantId]
    )
    const periods = await m.query(
      `SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, period_index, mean, p10, p20, p30, p40, p50, p60, p70, p80, p90,
              calendar_multiplier
       FROM "orion_forecast" WHERE run_id = $1 AND variant_id = $2 ORDER BY period_index`,
      [run.id, variantId]
    )
    // the sales just before the forecast, per period of the run (2 × horizon periods, at least a year)
    const historyPeriods = Math.max(
      2 * run.horizon,
      run.frequency === "week" ? 52 : 12
    )
    const fs0 = run.forecast_start as Date | string | null
    const forecastStart =
      fs0 instanceof Date
        ? new Date(Date.UTC(fs0.getFullYear(), fs0.getMonth(), fs0.getDate())) // node-pg reads a date as local midnight
        : fs0
          ? new Date(`${fs0.slice(0, 10)}T00:00:00Z`)
          : null
    const history = forecastStart
      ? await m.query(
          `SELECT to_char(p, 'YYYY-MM-DD') AS period_start,
                  COALESCE((SELECT sum(qty) FROM "orion_sales_history" h
                            WHERE h.variant_id = $1 AND h.day >= p::date AND h.day < (p + $2::interval)::date), 0)::float AS qty
           FROM generate_series($3::timestamp, $4::timestamp, $2::interval) AS p
           ORDER BY p`,
          [
            variantId,
            run.frequency === "week" ? "1 week" : "1 month",
            addPeriods(forecastStart, -historyPeriods, run.frequency)
              .toISOString()
              .slice(0, 10),
            addPeriods(forecastStart, -1, run.frequency)
              .toISOString()
              .slice(0, 10),
          ]
        )
      : []
    return {
      run: {
        id: run.id,
        frequency: run.frequency,
        horizon: run.horizon,
        forecast_start: run.forecast_start,
        finished_at: run.finished_at,
      },
      variant_id: variantId,
      history,
      forecast: variant
        ? {
            ...variant,
            periods,
            // how the part sells, in plain French (from the history shown)
            demand_text: demandText(
              history.map((h: { qty: number }) => h.qty),
              run.frequency,
              variant.segment
            ),
          }
        : null,
      reason: variant
        ? undefined
        : "this variant had no sales history when the run was made: no forecast",
    }
  }
}

function round(x: number, d: number): number {
  const f = Math.pow(10, d)
  return Math.round(x * f) / f
}

function clean(m: object): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === "number" && Number.isFinite(v)) {
      out[k] = round(v, 4)
    }
  }
  return out
}
