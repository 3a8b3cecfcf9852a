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

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
}

type RunRow = {
  id: string
  frequency: Frequency
  horizon: number
  forecast_start: string
  periods_evaluated: number | null
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

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.options_ = resolveOptions(options)
    this.logger_ = container.logger
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
    const runs: RunRow[] = await this.manager_.query(
      `SELECT r.id, r.frequency, r.horizon, to_char(r.forecast_start, 'YYYY-MM-DD') AS forecast_start, a.periods_evaluated
       FROM "orion_forecast_run" r LEFT JOIN "orion_run_accuracy" a ON a.run_id = r.id
       WHERE r.status = 'succeeded' AND r.forecast_start IS NOT NULL AND r.forecast_start < $1::date
         AND EXISTS (SELECT 1 FROM "orion_forecast" f WHERE f.run_id = r.id)
       ORDER BY r.forecast_start, r.created_at`,
      [through]
    )
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
      const [run] = await this.manager_.query(
        `SELECT to_char(forecast_start, 'YYYY-MM-DD') AS forecast_start FROM "orion_forecast_run" WHERE id = $1`,
        [runId]
      )
      if (run?.forecast_start) {
        const scored = await this.evaluate(run.forecast_start)
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

  private async scoreRun(run: RunRow, periods: number): Promise<void> {
    const f = run.frequency
    const start = new Date(`${run.forecast_start}T00:00:00Z`)
    const end = iso(addPeriods(start, periods, f))
    const rows: Record<string, any>[] = await this.manager_.query(
      `WITH a AS (
         SELECT variant_id, to_char(date_trunc($2, day::timestamp), 'YYYY-MM-DD') AS p, sum(qty)::float AS qty
         FROM "orion_sales_history" WHERE day >= $3::date AND day < $4::date GROUP BY 1, 2
       )
       SELECT f.variant_id, vf.sku, vf.category, vf.segment, to_char(f.period_start, 'YYYY-MM-DD') AS period_start, f.period_index,
              f.mean, ${QUANTILE_KEYS.map((k) => `f.${k}`).join(", ")}, COALESCE(a.qty, 0) AS actual
       FROM "orion_forecast" f
       JOIN "orion_variant_forecast" vf ON vf.run_id = f.run_id AND vf.variant_id = f.variant_id
       LEFT JOIN a ON a.variant_id = f.variant_id AND a.p = to_char(f.period_start, 'YYYY-MM-DD')
       WHERE f.run_id = $1 AND f.period_index < $5
       ORDER BY f.variant_id, f.period_index`,
      [run.id, f, run.forecast_start, end, periods]
    )
    // MASE scale: each part's history before the run, from its first sale (as the run saw it)
    const m = seasonLengthFor(f)
    const historyStart = iso(
      addPeriods(start, -this.options_.maxHistoryPeriods, f)
    )
    const hist: { variant_id: string; p: string; qty: number }[] =
      await this.manager_.query(
        `SELECT variant_id, to_char(date_trunc($1, day::timestamp), 'YYYY-MM-DD') AS p, sum(qty)::float AS qty
       FROM "orion_sales_history" WHERE day >= $2::date AND day < $3::date
         AND variant_id IN (SELECT variant_id FROM "orion_variant_forecast" WHERE run_id = $4)
       GROUP BY 1, 2 ORDER BY 1, 2`,
        [f, historyStart, run.forecast_start, run.id]
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
        quantiles: QUANTILE_KEYS.map((k) => r[k] as number),
        actual: r.actual,
      })
    }
    const pooled = poolAccuracy([...parts.values()])

    await this.manager_.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM "orion_forecast_accuracy" WHERE run_id = $1`,
        [run.id]
      )
      const CH = 5000
      for (let i0 = 0; i0 < rows.length; i0 += CH) {
        const chunk = rows.slice(i0, i0 + CH)
        await tx.query(
          `INSERT INTO "orion_forecast_accuracy" ("id", "run_id", "variant_id", "sku", "category", "segment", "period_start", "period_index",
             "mean", "p10", "p50", "p90", "actual", "abs_error", "inside_80")
           SELECT 'ofa_' || replace(gen_random_uuid()::text, '-', ''), $1, * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
             $6::date[], $7::int[], $8::real[], $9::real[], $10::real[], $11::real[], $12::real[], $13::real[], $14::boolean[])`,
          [
            run.id,
            chunk.map((r) => r.variant_id),
            chunk.map((r) => r.sku),
            chunk.map((r) => r.category),
            chunk.map((r) => r.segment),
            chunk.map((r) => r.period_start),
            chunk.map((r) => r.period_index),
            chunk.map((r) => r.mean),
            chunk.map((r) => r.p10),
            chunk.map((r) => r.p50),
            chunk.map((r) => r.p90),
            chunk.map((r) => r.actual),
            chunk.map((r) => Math.abs(r.mean - r.actual)),
            chunk.map((r) => r.actual >= r.p10 && r.actual <= r.p90),
          ]
        )
      }
      const through = iso(
        new Date(new Date(`${end}T00:00:00Z`).getTime() - 86400000)
      )
      await tx.query(
        `INSERT INTO "orion_run_accuracy" ("id", "run_id", "frequency", "horizon", "forecast_start", "evaluated_through", "periods_evaluated",
           "overall", "by_category", "by_segment")
         VALUES ('orac_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ("run_id") DO UPDATE SET "evaluated_through" = EXCLUDED."evaluated_through",
           "periods_evaluated" = EXCLUDED."periods_evaluated", "overall" = EXCLUDED."overall", "by_category" = EXCLUDED."by_category",
           "by_segment" = EXCLUDED."by_segment", "updated_at" = now()`,
        [
          run.id,
          f,
          run.horizon,
          run.forecast_start,
          through,
          periods,
          JSON.stringify(pooled.overall),
          JSON.stringify(pooled.by_category),
          JSON.stringify(pooled.by_segment),
        ]
      )
    })
  }

  /** Scored runs, oldest forecast first (at most `limit`, the latest ones). */
  async listRunAccuracy(limit = 12, frequency?: Frequency) {
    const rows = await this.manager_.query(
      `SELECT * FROM (
         SELECT a.run_id, a.frequency, a.horizon, to_char(a.forecast_start, 'YYYY-MM-DD') AS forecast_start,
                to_char(a.evaluated_through, 'YYYY-MM-DD') AS evaluated_through, a.periods_evaluated, a.overall, a.by_category,
                a.by_segment, a.updated_at AS evaluated_at, r.backtest, r.created_at
         FROM "orion_run_accuracy" a JOIN "orion_forecast_run" r ON r.id = a.run_id
         WHERE ($2::varchar IS NULL OR a.frequency = $2)
         ORDER BY a.forecast_start DESC, r.created_at DESC LIMIT $1
       ) x ORDER BY forecast_start, created_at`,
      [limit, frequency ?? null]
    )
    return rows.map(({ backtest, created_at, ...r }: Record<string, any>) => ({
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
      runs.map((r: Record<string, any>) => ({
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
    return this.manager_.query(
      `SELECT fa.variant_id, fa.sku, fa.category, fa.segment, pv.product_id,
              p.title || CASE WHEN pv.title IS NULL OR pv.title = '' OR pv.title = 'Default' THEN '' ELSE ' — ' || pv.title END AS title,
              count(*)::int AS periods, sum(fa.mean)::float AS forecast_total, sum(fa.actual)::float AS actual_total,
              sum(fa.abs_error)::float AS abs_error, sum(CASE WHEN fa.inside_80 THEN 1 ELSE 0 END)::int AS inside_80
       FROM "orion_forecast_accuracy" fa
       LEFT JOIN "product_variant" pv ON pv.id = fa.variant_id
       LEFT JOIN "product" p ON p.id = pv.product_id
       WHERE fa.run_id = $1
       GROUP BY fa.variant_id, fa.sku, fa.category, fa.segment, pv.product_id, p.title, pv.title
       ORDER BY sum(fa.abs_error) DESC, fa.variant_id LIMIT $2`,
      [runId, limit]
    )
  }

  /** The forecast-against-actual rows of a run (optionally one part), by part and period. */
  async listRows(
    runId: string,
    page: { limit: number; offset: number },
    variantId?: string
  ) {
    const params: unknown[] = [runId]
    let where = `run_id = $1`
    if (variantId) {
      params.push(variantId)
      where += ` AND variant_id = $2`
    }
    const [{ count }] = await this.manager_.query(
      `SELECT count(*)::int AS count FROM "orion_forecast_accuracy" WHERE ${where}`,
      params
    )
    const rows = await this.manager_.query(
      `SELECT run_id, variant_id, sku, category, segment, to_char(period_start, 'YYYY-MM-DD') AS period_start, period_index,
              mean, p10, p50, p90, actual, abs_error, inside_80
       FROM "orion_forecast_accuracy" WHERE ${where} ORDER BY variant_id, period_index LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
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
      runs: runs.map(
        ({ by_category, by_segment, ...r }: Record<string, any>) => r
      ),
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
