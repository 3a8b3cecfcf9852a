import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import {
  detectDegradation,
  maseScale,
  PartScore,
  poolAccuracy,
} from "../lib/accuracy"
import { seasonLengthFor } from "../lib/engine"
import { addPeriods } from "../lib/sales-history"
import { Frequency, QUANTILE_KEYS } from "../lib/types"
import { OrionOptions, resolveOptions, ResolvedOrionOptions } from "../options"
import { OrionForecastAccuracyRepository } from "../repositories/orion-forecast-accuracy"
import {
  OrionRunAccuracyRepository,
  ScorableRunRow,
} from "../repositories/orion-run-accuracy"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  orionForecastAccuracyRepository: typeof OrionForecastAccuracyRepository
  orionRunAccuracyRepository: typeof OrionRunAccuracyRepository
}

const iso = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Forecast against actual: once a run's forecast periods have happened, scores every part's
 * forecast against its sales (`orion_forecast_accuracy`) and pools the figures per run, category
 * and demand class (`orion_run_accuracy`); flags a run whose accuracy degrades from the average.
 */
export default class OrionAccuracyService extends TransactionBaseService {
  protected readonly options_: ResolvedOrionOptions
  protected readonly logger_: Logger
  protected readonly forecastAccuracyRepository_: typeof OrionForecastAccuracyRepository
  protected readonly runAccuracyRepository_: typeof OrionRunAccuracyRepository

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.options_ = resolveOptions(options)
    this.logger_ = container.logger
    this.forecastAccuracyRepository_ = container.orionForecastAccuracyRepository
    this.runAccuracyRepository_ = container.orionRunAccuracyRepository
  }

  private scores(m: EntityManager = this.activeManager_) {
    return m.withRepository(this.forecastAccuracyRepository_)
  }

  private runScores(m: EntityManager = this.activeManager_) {
    return m.withRepository(this.runAccuracyRepository_)
  }

  /**
   * Scores every succeeded run whose forecasts are still kept over its periods that ended on or
   * before `through` (YYYY-MM-DD, exclusive: the first day not yet known). A run already scored over
   * as many periods is left as it is. Returns the runs scored.
   */
  async evaluate(
    through: string
  ): Promise<{ run_id: string; periods_evaluated: number }[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(through)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `through must be a YYYY-MM-DD date, got ${JSON.stringify(through)}`
      )
    }
    const runs = await this.runScores().scorableRuns(through)
    const out: { run_id: string; periods_evaluated: number }[] = []
    for (const run of runs) {
      const start = new Date(`${run.forecast_start}T00:00:00Z`)
      let periods = 0
      while (
        periods < run.horizon &&
        iso(addPeriods(start, periods + 1, run.frequency)) <= through
      ) {
        periods++
      }
      if (periods === 0 || (run.periods_evaluated ?? 0) >= periods) {
        continue
      }
      await this.scoreRun(run, periods)
      out.push({ run_id: run.id, periods_evaluated: periods })
    }
    return out
  }

  /** After a run: scores the earlier runs over the periods its history covers (never fails the run). */
  async evaluateAfterRun(runId: string): Promise<void> {
    try {
      const forecastStart = await this.runScores().forecastStartOf(runId)
      if (forecastStart) {
        const scored = await this.evaluate(forecastStart)
        const d = await this.degradation()
        if (d.degraded) {
          this.logger_.warn(
            `orion: forecast accuracy degraded: run ${d.run_id} WQL ${d.wql} is ${Math.round((d.change ?? 0) * 100)} % worse than the average ${d.baseline} of the ${d.baseline_runs} runs before`
          )
        }
        if (scored.length) {
          this.logger_.info(
            `orion: scored the forecasts of ${scored.length} earlier run(s) against the sales since`
          )
        }
      }
    } catch (e) {
      this.logger_.error(
        `orion: accuracy of earlier runs not scored: ${(e as Error).message}`
      )
    }
  }

  private async scoreRun(run: ScorableRunRow, periods: number): Promise<void> {
    const f = run.frequency
    const start = new Date(`${run.forecast_start}T00:00:00Z`)
    const end = iso(addPeriods(start, periods, f))
    const rows = await this.scores().forecastsWithActuals(
      run.id,
      f,
      run.forecast_start,
      end,
      periods
    )
    // MASE scale: each part's history before the run, from its first sale (as the run saw it)
    const m = seasonLengthFor(f)
    const historyStart = iso(
      addPeriods(start, -this.options_.maxHistoryPeriods, f)
    )
    const hist = await this.scores().historyOfRun(
      run.id,
      f,
      historyStart,
      run.forecast_start
    )
    const index = (p: string) => {
      const d = new Date(`${p}T00:00:00Z`)
      return f === "week"
        ? Math.round((start.getTime() - d.getTime()) / (7 * 86400000))
        : (start.getUTCFullYear() - d.getUTCFullYear()) * 12 +
            start.getUTCMonth() -
            d.getUTCMonth()
    }
    const byVariant = new Map<string, Map<number, number>>()
    for (const r of hist) {
      const mp = byVariant.get(r.variant_id) ?? new Map<number, number>()
      mp.set(index(r.p), r.qty) // periods back from the forecast start (1 = the last one)
      byVariant.set(r.variant_id, mp)
    }
    const scales = new Map<string, number | null>()
    for (const [v, mp] of byVariant) {
      const back = Math.max(...mp.keys())
      const y = new Array(back).fill(0).map((_, i) => mp.get(back - i) ?? 0)
      scales.set(v, maseScale(y, m))
    }

    const parts = new Map<string, PartScore>()
    for (const r of rows) {
      let p = parts.get(r.variant_id)
      if (!p) {
        p = {
          category: r.category,
          segment: r.segment,
          scale: scales.get(r.variant_id) ?? null,
          periods: [],
        }
        parts.set(r.variant_id, p)
      }
      p.periods.push({
        mean: r.mean,
        quantiles: QUANTILE_KEYS.map((k) => r[k]),
        actual: r.actual,
      })
    }
    const pooled = poolAccuracy([...parts.values()])

    const through = iso(
      new Date(new Date(`${end}T00:00:00Z`).getTime() - 86400000)
    )
    // the rows and the run's figures in one transaction
    await this.atomicPhase_(async (m) => {
      await this.scores(m).replaceForRun(run.id, rows)
      await this.runScores(m).upsert(run, through, periods, pooled)
    })
  }

  /** Scored runs, oldest forecast first (at most `limit`, the latest ones). */
  async listRunAccuracy(limit = 12, frequency?: Frequency) {
    const rows = await this.runScores().latest(limit, frequency ?? null)
    return rows.map(({ backtest, created_at, ...r }) => ({
      ...r,
      holdout: holdoutOf(backtest),
    }))
  }

  async degradation(
    threshold = this.options_.accuracyAlertThreshold,
    frequency?: Frequency
  ) {
    const runs = await this.listRunAccuracy(
      9,
      frequency ?? this.options_.frequency
    )
    return detectDegradation(
      runs.map((r) => ({
        run_id: r.run_id,
        wql: r.overall?.wql ?? null,
        periods_evaluated: r.periods_evaluated,
        horizon: r.horizon,
      })),
      threshold
    )
  }

  /** The parts whose forecasts of a run were furthest from the sales: total absolute error, largest first. */
  async worstParts(runId: string, limit = 10) {
    return this.scores().worstParts(runId, limit)
  }

  /** The forecast-against-actual rows of a run (optionally one part), by part and period. */
  async listRows(
    runId: string,
    page: { limit: number; offset: number },
    variantId?: string
  ) {
    const { rows, count } = await this.scores().page(runId, page, variantId)
    return { rows, count, limit: page.limit, offset: page.offset }
  }

  /** What the Réassort widget shows: figures per scored run, the latest run's detail, worst parts and the alert. */
  async overview(opts: {
    limit: number
    threshold?: number
    frequency?: Frequency
  }) {
    const frequency = opts.frequency ?? this.options_.frequency
    const threshold = opts.threshold ?? this.options_.accuracyAlertThreshold
    const runs = await this.listRunAccuracy(opts.limit, frequency)
    const latest = runs.length ? runs[runs.length - 1] : null
    const degradation = await this.degradation(threshold, frequency)
    return {
      frequency,
      runs: runs.map(({ by_category, by_segment, ...r }) => r),
      latest: latest
        ? {
            run_id: latest.run_id,
            by_category: latest.by_category,
            by_segment: latest.by_segment,
          }
        : null,
      worst: latest ? await this.worstParts(latest.run_id) : [],
      degradation,
    }
  }
}

/** The true hold-out figure of a run's backtest (chosen on earlier windows, scored on the last), pooled over its classes. */
function holdoutOf(
  backtest: unknown
): { wql: number | null; windows: number } | null {
  if (!Array.isArray(backtest)) {
    return null
  }
  let num = 0
  let den = 0
  let windows = 0
  for (const b of backtest as Record<string, any>[]) {
    const h = b.holdout
    // classes tuned on all series (b.reason) repeat the global figure: counted once through their own class only
    if (
      h &&
      !b.reason &&
      typeof h.wql === "number" &&
      typeof h.actual_total === "number"
    ) {
      num += h.wql * h.actual_total
      den += h.actual_total
      windows += h.windows ?? 0
    }
  }
  return den > 0
    ? { wql: Math.round((num / den) * 10000) / 10000, windows }
    : null
}
