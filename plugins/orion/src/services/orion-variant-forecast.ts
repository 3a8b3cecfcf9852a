import { TransactionBaseService } from "@medusajs/medusa"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { demandText } from "../lib/plain-french"
import { addPeriods } from "../lib/sales-history"
import { OrionForecastRepository } from "../repositories/orion-forecast"
import { OrionForecastRunRepository } from "../repositories/orion-forecast-run"
import { OrionSalesHistoryRepository } from "../repositories/orion-sales-history"
import { OrionVariantForecastRepository } from "../repositories/orion-variant-forecast"

type InjectedDependencies = {
  manager: EntityManager
  orionForecastRepository: typeof OrionForecastRepository
  orionForecastRunRepository: typeof OrionForecastRunRepository
  orionSalesHistoryRepository: typeof OrionSalesHistoryRepository
  orionVariantForecastRepository: typeof OrionVariantForecastRepository
}

/** One variant's forecast as the admin reads it: the run, the sales before it, the forecast periods. */
export default class OrionVariantForecastService extends TransactionBaseService {
  protected readonly forecastRepository_: typeof OrionForecastRepository
  protected readonly runRepository_: typeof OrionForecastRunRepository
  protected readonly salesRepository_: typeof OrionSalesHistoryRepository
  protected readonly variantForecastRepository_: typeof OrionVariantForecastRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.forecastRepository_ = container.orionForecastRepository
    this.runRepository_ = container.orionForecastRunRepository
    this.salesRepository_ = container.orionSalesHistoryRepository
    this.variantForecastRepository_ = container.orionVariantForecastRepository
  }

  /** Forecasts of one variant from the latest succeeded run (or a given run). */
  async forVariant(variantId: string, runId?: string) {
    const m = this.activeManager_
    const run = await m.withRepository(this.runRepository_).forecastsRun(runId)
    if (!run) {
      throw notFound(
        runId
          ? `forecast run ${runId} not found`
          : "no forecast run has succeeded yet"
      )
    }
    const variant = await m
      .withRepository(this.variantForecastRepository_)
      .ofVariant(run.id, variantId)
    const periods = await m
      .withRepository(this.forecastRepository_)
      .periodsOf(run.id, variantId)
    // the sales just before the forecast, per period of the run (2 × horizon periods, at least a year)
    const historyPeriods = Math.max(
      2 * run.horizon,
      run.frequency === "week" ? 52 : 12
    )
    const fs0 = run.forecast_start
    const forecastStart =
      fs0 instanceof Date
        ? new Date(Date.UTC(fs0.getFullYear(), fs0.getMonth(), fs0.getDate())) // node-pg reads a date as local midnight
        : fs0
          ? new Date(`${fs0.slice(0, 10)}T00:00:00Z`)
          : null
    const history = forecastStart
      ? await m
          .withRepository(this.salesRepository_)
          .variantHistory(
            variantId,
            run.frequency,
            addPeriods(forecastStart, -historyPeriods, run.frequency)
              .toISOString()
              .slice(0, 10),
            addPeriods(forecastStart, -1, run.frequency)
              .toISOString()
              .slice(0, 10)
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
              history.map((h) => h.qty),
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
