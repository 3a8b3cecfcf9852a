import { naiveScale, pinball } from "./metrics"
import { round } from "./round"
import { QUANTILE_LEVELS } from "./types"

/**
 * Forecast against actual, once the forecast periods have happened: per part and period
 * the error and whether the actual fell inside p10–p90, and pooled figures per run,
 * category and demand class.
 */

/** One forecast period of one part with what was really sold. */
export type ScoredPeriod = {
  mean: number
  /** p10 … p90 */
  quantiles: number[]
  actual: number
}

export type PartScore = {
  category: string | null
  /** demand class the run put the part in (smooth, erratic, intermittent, lumpy, short, none) */
  segment: string
  periods: ScoredPeriod[]
  /** in-sample seasonal-naive mean absolute error of the part's history (MASE scale); 0 or null = no scale */
  scale: number | null
}

/** Demand classes whose parts sell in most periods: the MAPE is reported on them only. */
export const REGULAR_SEGMENTS = ["smooth", "erratic"]

export type AccuracyFigures = {
  parts: number
  periods: number
  actual_total: number
  forecast_total: number
  /** mean over the 9 levels of 2·Σ pinball / Σ actual, pooled (1.0 = the all-zero forecast) */
  wql: number | null
  /** mean over parts with a scale of MAE / in-sample seasonal-naive MAE */
  mase: number | null
  /** mean error (forecast − actual) per part and period; > 0 = forecasts too high */
  bias: number | null
  /** Σ(forecast − actual) / Σ actual */
  relative_bias: number | null
  /** share of part-periods whose actual fell inside p10–p90 (target 0.8) */
  coverage: number | null
  /** MAPE over the non-zero periods of parts with regular sales (smooth and erratic classes) */
  mape_regular: number | null
  /** parts the MAPE covers, and their share of the parts scored */
  mape_parts: number
  mape_share: number | null
}

/** Pools scores; add() parts one by one, summary() at the end. */
export class AccuracyPool {
  private pin = new Array(QUANTILE_LEVELS.length).fill(0)
  private parts = 0
  private periods = 0
  private actual = 0
  private forecast = 0
  private inside = 0
  private maseSum = 0
  private maseN = 0
  private apeSum = 0
  private apeN = 0
  private mapeParts = 0

  add(part: PartScore): void {
    if (part.periods.length === 0) {
      return
    }
    this.parts++
    const regular = REGULAR_SEGMENTS.includes(part.segment)
    let abs = 0
    let counted = false
    for (const p of part.periods) {
      this.periods++
      this.actual += p.actual
      this.forecast += p.mean
      abs += Math.abs(p.mean - p.actual)
      for (let i = 0; i < QUANTILE_LEVELS.length; i++) {
        this.pin[i] += pinball(QUANTILE_LEVELS[i], p.quantiles[i], p.actual)
      }
      if (
        p.actual >= p.quantiles[0] &&
        p.actual <= p.quantiles[QUANTILE_LEVELS.length - 1]
      ) {
        this.inside++
      }
      if (regular && p.actual !== 0) {
        this.apeSum += Math.abs(p.mean - p.actual) / Math.abs(p.actual)
        this.apeN++
        counted = true
      }
    }
    if (counted) {
      this.mapeParts++
    }
    if (part.scale && part.scale > 0) {
      this.maseSum += abs / part.periods.length / part.scale
      this.maseN++
    }
  }

  summary(): AccuracyFigures {
    const wql =
      this.actual > 0
        ? this.pin.reduce((a, p) => a + (2 * p) / this.actual, 0) /
          this.pin.length
        : null
    return {
      parts: this.parts,
      periods: this.periods,
      actual_total: round(this.actual, 3),
      forecast_total: round(this.forecast, 3),
      wql: wql === null ? null : round(wql, 4),
      mase: this.maseN ? round(this.maseSum / this.maseN, 4) : null,
      bias: this.periods
        ? round((this.forecast - this.actual) / this.periods, 4)
        : null,
      relative_bias:
        this.actual > 0
          ? round((this.forecast - this.actual) / this.actual, 4)
          : null,
      coverage: this.periods ? round(this.inside / this.periods, 4) : null,
      mape_regular: this.apeN ? round(this.apeSum / this.apeN, 4) : null,
      mape_parts: this.mapeParts,
      mape_share: this.parts ? round(this.mapeParts / this.parts, 4) : null,
    }
  }
}

export type PooledAccuracy = {
  overall: AccuracyFigures
  by_category: Record<string, AccuracyFigures>
  by_segment: Record<string, AccuracyFigures>
}

/** Pooled figures over all parts, per category (no category = "—") and per demand class. */
export function poolAccuracy(parts: PartScore[]): PooledAccuracy {
  const overall = new AccuracyPool()
  const byCategory = new Map<string, AccuracyPool>()
  const bySegment = new Map<string, AccuracyPool>()
  const pool = (m: Map<string, AccuracyPool>, k: string) => {
    let p = m.get(k)
    if (!p) {
      p = new AccuracyPool()
      m.set(k, p)
    }
    return p
  }
  for (const part of parts) {
    overall.add(part)
    pool(byCategory, part.category ?? "—").add(part)
    pool(bySegment, part.segment).add(part)
  }
  const out = (m: Map<string, AccuracyPool>) =>
    Object.fromEntries(
      [...m.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, p]) => [k, p.summary()])
    )
  return {
    overall: overall.summary(),
    by_category: out(byCategory),
    by_segment: out(bySegment),
  }
}

/** The MASE scale of a history: mean |y[t] − y[t−m]| (lag 1 when shorter than a season); null when flat. */
export function maseScale(
  history: number[],
  seasonLength: number
): number | null {
  const { mae } = naiveScale(history, seasonLength)
  return mae > 0 ? mae : null
}

/** Whether `actual` fell inside the 80 % interval p10–p90. */
export function insideInterval(
  actual: number,
  p10: number,
  p90: number
): boolean {
  return actual >= p10 && actual <= p90
}

export type RunAccuracyPoint = {
  run_id: string
  wql: number | null
  periods_evaluated: number
  horizon: number
}

export type Degradation = {
  degraded: boolean
  /** the run compared (the latest with enough periods behind it) */
  run_id: string | null
  wql: number | null
  /** mean WQL of the earlier runs it is compared with */
  baseline: number | null
  baseline_runs: number
  /** relative change (wql / baseline − 1) */
  change: number | null
  threshold: number
  /** runs need this many periods behind them to count */
  min_periods: number
}

/**
 * Degradation check: the latest run with at least min(horizon, 4) periods behind it is compared with the
 * mean WQL of up to `window` runs before it; degraded when its WQL exceeds that mean by more than `threshold`
 * (0.25 = 25 % worse). Needs at least one earlier run. Runs are given oldest first.
 */
export function detectDegradation(
  runs: RunAccuracyPoint[],
  threshold: number,
  window = 8
): Degradation {
  const ready = runs.filter(
    (r) => r.wql !== null && r.periods_evaluated >= Math.min(r.horizon, 4)
  )
  const minPeriods = runs.length
    ? Math.min(runs[runs.length - 1].horizon, 4)
    : 4
  const none: Degradation = {
    degraded: false,
    run_id: null,
    wql: null,
    baseline: null,
    baseline_runs: 0,
    change: null,
    threshold,
    min_periods: minPeriods,
  }
  if (ready.length === 0) {
    return none
  }
  const last = ready[ready.length - 1]
  const before = ready.slice(
    Math.max(0, ready.length - 1 - window),
    ready.length - 1
  )
  if (before.length === 0) {
    return { ...none, run_id: last.run_id, wql: last.wql }
  }
  const baseline =
    before.reduce((a, r) => a + (r.wql as number), 0) / before.length
  const change = baseline > 0 ? (last.wql as number) / baseline - 1 : null
  return {
    degraded: change !== null && change > threshold,
    run_id: last.run_id,
    wql: last.wql,
    baseline: round(baseline, 4),
    baseline_runs: before.length,
    change: change === null ? null : round(change, 4),
    threshold,
    min_periods: minPeriods,
  }
}
