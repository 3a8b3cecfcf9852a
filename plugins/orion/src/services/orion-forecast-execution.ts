import { Logger, TransactionBaseService } from "@medusajs/medusa"
import type { RunLease } from "@shabou/ops"
import { EntityManager } from "typeorm"
import {
  backtestSummary,
  batchInputs,
  deadStockInsights,
  effectsSummary,
  isoDay,
  periodStarts,
  RunVariant,
  runSeries,
  segmentMetrics,
} from "../lib/forecast-run"
import { planInThread, PlanResult } from "../lib/plan-thread"
import { addPeriods, periodStart } from "../lib/sales-history"
import { runWeather } from "../lib/weather-run"
import { OrionForecastRun } from "../models/orion-forecast-run"
import { OrionOptions, resolveOptions, ResolvedOrionOptions } from "../options"
import { OrionProductVariantRepository } from "../repositories/orion-product-variant"
import { OrionSalesHistoryRepository } from "../repositories/orion-sales-history"
import type OrionAlertService from "./orion-alert"
import type { AlertCandidate } from "./orion-alert"
import type OrionForecastBatchService from "./orion-forecast-batch"
import type OrionForecastRunService from "./orion-forecast-run"
import type OrionPurchaseOrderService from "./orion-purchase-order"
import type OrionRestockSettingsService from "./orion-restock-settings"
import type OrionWeatherService from "./orion-weather"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  orionAlertService: OrionAlertService
  orionRestockSettingsService: OrionRestockSettingsService
  orionPurchaseOrderService: OrionPurchaseOrderService
  orionForecastBatchService: OrionForecastBatchService
  orionForecastRunService: OrionForecastRunService
  orionWeatherService: OrionWeatherService
  orionProductVariantRepository: typeof OrionProductVariantRepository
  orionSalesHistoryRepository: typeof OrionSalesHistoryRepository
}

/** What a run's execution gets from the run that holds the lease. */
export type RunContext = {
  lease?: RunLease
  /** shows the run's progress 0…1 and stage; throws once the lease is lost */
  progress: (progress: number, stage: string) => Promise<void>
}

const DAY = 86400000

/**
 * The work of a forecast run (orionForecastService creates the run, holds its lease and ends it):
 * aggregates the sales history per variant and period, plans the run (per-category calendar effects,
 * and weather effects when daily weather is stored) in a worker thread, runs its batches
 * (orionForecastBatchService: forecasts and reorder points per variant), then stores the restock
 * alerts and insights and the run's results.
 */
export default class OrionForecastExecutionService extends TransactionBaseService {
  protected readonly options_: ResolvedOrionOptions
  protected readonly alerts_: OrionAlertService
  protected readonly settings_: OrionRestockSettingsService
  protected readonly purchaseOrders_: OrionPurchaseOrderService
  protected readonly batches_: OrionForecastBatchService
  protected readonly runs_: OrionForecastRunService
  protected readonly weather_: OrionWeatherService
  protected readonly variantRepository_: typeof OrionProductVariantRepository
  protected readonly salesRepository_: typeof OrionSalesHistoryRepository

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.options_ = resolveOptions(options)
    this.alerts_ = container.orionAlertService
    this.settings_ = container.orionRestockSettingsService
    this.purchaseOrders_ = container.orionPurchaseOrderService
    this.batches_ = container.orionForecastBatchService
    this.runs_ = container.orionForecastRunService
    this.weather_ = container.orionWeatherService
    this.variantRepository_ = container.orionProductVariantRepository
    this.salesRepository_ = container.orionSalesHistoryRepository
  }

  /**
   * Runs the forecast of `run` (running, its lease held by the caller): history, plan, batches, alerts and
   * insights, then the run's results. `progress` shows a stage (and checks the lease is still held).
   */
  async execute(
    run: OrionForecastRun,
    asOfIso: string | undefined,
    ctx: RunContext
  ): Promise<void> {
    const id = run.id
    const m = this.activeManager_
    const sales = m.withRepository(this.salesRepository_)
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
    await ctx.progress(0.02, "loading history")

    const rows = await sales.periodSales(
      f,
      isoDay(historyStart),
      isoDay(forecastStart)
    )
    const variants = await this.loadVariants()
    const { ids, offsets, series } = runSeries({
      rows,
      live: (v) => variants.has(v),
      frequency: f,
      historyStart,
      forecastStart,
    })
    const categories = ids.map((v) => variants.get(v)?.root_category ?? null)

    // the stored daily weather over the history and the forecast periods (none stored: the run is as without it);
    // the effects the hold-out keeps are chosen once here, in the plan, and every batch applies them
    const weather = ids.length
      ? await this.weather_.forRun(
          isoDay(historyStart),
          isoDay(addPeriods(forecastStart, h, f))
        )
      : { days: [], governorates: [] }
    const withWeather = weather.days.length > 0
    await ctx.progress(
      0.05,
      `planning ${ids.length} variants (calendar effects, ${withWeather ? `weather of ${weather.days.length} day-governorates, ` : ""}method per demand class)`
    )
    const {
      plan,
      tuning,
      weather: weatherOfRun,
    }: PlanResult = ids.length === 0
      ? { plan: null, tuning: [], weather: {} }
      : await planInThread(
          {
            series,
            offsets,
            categories,
            start: isoDay(historyStart),
            frequency: f,
            horizon: h,
            ...(withWeather ? { weatherData: { days: weather.days } } : {}),
          },
          { useWorker: this.options_.useWorker, lease: ctx.lease }
        )

    const resolver = await this.settings_.resolver()
    const inputs = plan
      ? batchInputs({
          plan,
          ids,
          series: { offsets, series, categories },
          variants,
          settings: (v) =>
            resolver.resolve([v.root_category, v.leaf_category], v.brand),
          batchSize: this.batches_.batchSize,
          asOf,
          forecastStart,
          periodStarts: periodStarts(forecastStart, h, f),
          metrics: segmentMetrics(tuning),
        })
      : []
    await this.batches_.create(id, inputs)
    await this.runBatches(id, inputs.length, ids.length, ctx)

    await ctx.progress(0.85, "alerts and insights")
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
    const firstDay = await sales.firstDay()
    const lastSales = await sales.lastSales(isoDay(forecastStart))
    insights.push(
      ...deadStockInsights({
        variants: variants.values(),
        lastSales,
        firstDay,
        asOf,
        days: this.options_.deadStockDays,
      })
    )
    await this.alerts_.refresh(
      id,
      ["restock", "spike", "decline", "dead_stock"],
      [...restock, ...insights]
    )

    // which weather effects were kept, per category, in plain French with the category's name
    let weatherEffects: ReturnType<typeof runWeather> | null = null
    if (plan && withWeather) {
      const named = await m
        .withRepository(this.variantRepository_)
        .categoryNames(Object.keys(weatherOfRun))
      weatherEffects = runWeather({
        weather: weatherOfRun,
        plan,
        names: Object.fromEntries(named.map((r) => [r.handle, r.name])),
        governorates: weather.governorates,
        days: weather.days,
      })
    }
    await this.runs_.saveResults(id, {
      variant_count: ids.length,
      alert_count: restock.length + insights.length,
      model_wins: wins,
      backtest: backtestSummary(tuning),
      calendar_effects: effectsSummary(plan?.effects ?? {}),
      forecast_start: isoDay(forecastStart),
      weather_effects: weatherEffects,
    })
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
    variantCount: number,
    ctx: RunContext
  ): Promise<void> {
    if (total === 0) {
      return
    }
    const lease = ctx.lease
    const show = (done: number) =>
      ctx.progress(
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

  /** Every live variant with its stock, on-order quantity and dates (open purchase orders), brand and categories. */
  private async loadVariants(): Promise<Map<string, RunVariant>> {
    const rows = await this.activeManager_
      .withRepository(this.variantRepository_)
      .forecastSnapshot()
    // on order: the open purchase order lines (orion_purchase_order)
    const onOrder = await this.purchaseOrders_.onOrder()
    const out = new Map<string, RunVariant>()
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
}
