import { classifyDemand, DemandClass } from "./intermittent"
import { MetricSummary } from "./metrics"
import { MEAN_MODELS } from "./models"
import { GammaPrior, gammaPrior } from "./pooling"
import { Rng } from "./random"
import { emptyQuantiles, Frequency, Quantiles } from "./types"
import { Tuning, tuneOnPool } from "./engine-tuning"
import {
  Distribution,
  Method,
  POOLED_SEGMENTS,
  DEFAULT_METHOD,
  methodName,
  seasonLengthFor,
  minHistoryOf,
  runMethod,
} from "./engine-methods"

// the engine's methods and backtest, for the callers of the engine
export * from "./engine-methods"
export * from "./engine-tuning"

export type ForecastOptions = {
  frequency: Frequency
  horizon: number
  seasonLength?: number
  /** rolling origins used for tuning (default 2) */
  origins?: number
  /** series sampled per segment for tuning (default 600) */
  sampleSize?: number
  /**
   * pooling across parts: the pooled (empirical Bayes) rate and quantile combinations join the
   * candidates of the intermittent class (few sales per part, where borrowing from the class has
   * something to add; on lumpy parts it made the hold-out slightly worse); other classes are tuned
   * as before (default true)
   */
  pooling?: boolean
  seed?: number
  /** called after each series is forecast */
  onProgress?: (done: number, total: number) => void
}

export type SeriesForecast = {
  model: string
  method: Method | null
  segment: string
  mean: number[]
  quantiles: Quantiles
  reason?: string
}

export function segmentOf(y: number[], horizon: number): DemandClass | "short" {
  const cls = classifyDemand(y)
  if (cls === "none") {
    return cls
  }
  if (y.length < horizon + 6) {
    return "short"
  }
  return cls
}

/** The method chosen for one demand class, and why (a default or a fallback). */
export type SegmentChoice = { method: Method | null; reason?: string }

/**
 * What `forecastMany` learns from the whole data set before it forecasts any series: the method of each
 * demand class (chosen by a backtest pooled over a sample of the class) and the pooled rate's prior per
 * class. Plain data (JSON-safe once infinite shapes are encoded): a batch of series forecast elsewhere
 * with `forecastSeriesWith` gets the numbers the whole run would have given it.
 */
export type SegmentPlan = {
  methods: Record<string, SegmentChoice>
  priors: Record<string, GammaPrior | null>
  tuning: Tuning[]
}

/**
 * Chooses each demand class's method (Syntetos–Boylan classes; inside each class the mean model,
 * distribution and pooled NB dispersion win a rolling-origin backtest pooled over a sample of the class)
 * and fits each class's pooled-rate prior on all of its parts.
 */
export function planSegments(
  series: number[][],
  opts: ForecastOptions
): SegmentPlan {
  const h = opts.horizon
  const m = opts.seasonLength ?? seasonLengthFor(opts.frequency)
  const origins = opts.origins ?? 2
  const sampleSize = opts.sampleSize ?? 600
  const pooling = opts.pooling ?? true
  const rng = new Rng(opts.seed ?? 42)

  const bySegment = new Map<string, number[]>()
  series.forEach((y, i) => {
    const s = segmentOf(y, h)
    const list = bySegment.get(s) ?? []
    list.push(i)
    bySegment.set(s, list)
  })

  // the whole data set as a fallback pool for small segments
  const allIdx = series
    .map((_, i) => i)
    .filter(
      (i) => segmentOf(series[i], h) !== "none" && series[i].length >= h + 6
    )
  const sample = (idx: number[]) => {
    if (idx.length <= sampleSize) {
      return idx
    }
    const copy = [...idx]
    for (let i = 0; i < sampleSize; i++) {
      const j = i + Math.floor(rng.next() * (copy.length - i))
      ;[copy[i], copy[j]] = [copy[j], copy[i]]
    }
    return copy.slice(0, sampleSize)
  }

  const tuning: Tuning[] = []
  const methods: Record<string, SegmentChoice> = {}
  let globalTune: ReturnType<typeof tuneOnPool> | undefined
  const global = () => {
    if (globalTune === undefined) {
      globalTune = tuneOnPool(
        sample(allIdx).map((i) => series[i]),
        h,
        m,
        origins
      )
    }
    return globalTune
  }

  for (const [segment, idx] of bySegment) {
    if (segment === "none") {
      methods[segment] = {
        method: null,
        reason: "no demand in the history: forecast is zero",
      }
      continue
    }
    const pooled = pooling && POOLED_SEGMENTS.includes(segment)
    let res =
      segment === "short"
        ? null
        : tuneOnPool(
            sample(idx).map((i) => series[i]),
            h,
            m,
            origins,
            MEAN_MODELS,
            { pooling: pooled }
          )
    let reason: string | undefined
    if (segment === "short") {
      const g = global()
      res = g
      reason = g
        ? `short history (< ${h + 6} periods): method tuned on all longer series`
        : `short history (< ${h + 6} periods): default method`
    } else if (!res || idx.length < 30) {
      const g = global()
      if (g) {
        res = g
        reason = `only ${idx.length} ${segment} series: method tuned on all series`
      }
    }
    const chosen = res ? res.chosen : DEFAULT_METHOD
    if (!res) {
      reason = reason ?? "not enough history to backtest: default method"
    }
    methods[segment] = { method: chosen, reason }
    tuning.push({
      segment,
      sampled: Math.min(idx.length, sampleSize),
      windows: res?.windows ?? 0,
      chosen,
      perModel: res?.perModel ?? [],
      holdout: res?.holdout,
      reason,
    })
  }

  // the pooled rate's prior per demand class, fitted on all of the class's parts
  const priors: Record<string, GammaPrior | null> = {}
  for (const [segment, idx] of bySegment) {
    if (segment !== "none") {
      priors[segment] = pooling
        ? gammaPrior(
            idx.map((i) => series[i]),
            m
          )
        : null
    }
  }
  return { methods, priors, tuning }
}

/** Forecasts one series with its class's method and prior from `planSegments` (on the same data set). */
export function forecastSeriesWith(
  plan: Pick<SegmentPlan, "methods" | "priors">,
  y: number[],
  opts: Pick<ForecastOptions, "frequency" | "horizon" | "seasonLength">
): SeriesForecast {
  const h = opts.horizon
  const m = opts.seasonLength ?? seasonLengthFor(opts.frequency)
  const segment = segmentOf(y, h)
  const c = plan.methods[segment]
  if (!c) {
    throw new Error(
      `no method planned for the demand class "${segment}": the series is not from the planned data set`
    )
  }
  if (!c.method) {
    return {
      model: "zero",
      method: null,
      segment,
      mean: new Array(h).fill(0),
      quantiles: emptyQuantiles(h),
      reason: c.reason,
    }
  }
  let method = c.method
  if (
    y.length < minHistoryOf(method.model) ||
    (method.members ?? []).some((mm) => y.length < minHistoryOf(mm.model))
  ) {
    method = { model: "moving-average", distribution: "nb", shape: 1 }
  }
  const r = runMethod(method, y, h, m, plan.priors[segment] ?? null)
  return {
    model: methodName(method),
    method,
    segment,
    mean: r.mean,
    quantiles: r.quantiles,
    reason: c.reason,
  }
}

/**
 * Forecasts many series. Series are grouped into demand classes (Syntetos–Boylan);
 * inside each class the method (mean model, distribution, pooled NB dispersion)
 * is chosen by a rolling-origin backtest pooled over a sample of the class
 * (`planSegments`), then each series is forecast with it (`forecastSeriesWith`).
 */
export function forecastMany(
  series: number[][],
  opts: ForecastOptions
): { forecasts: SeriesForecast[]; tuning: Tuning[] } {
  const plan = planSegments(series, opts)
  const forecasts = series.map((y, i) => {
    const f = forecastSeriesWith(plan, y, opts)
    opts.onProgress?.(i + 1, series.length)
    return f
  })
  return { forecasts, tuning: plan.tuning }
}

export type ForecastResult = {
  model: string
  mean: number[]
  quantiles: Quantiles
  reason?: string
  metrics?: MetricSummary
}

/**
 * Forecasts one series on its own: the method is chosen by the series' own rolling-origin
 * backtest (noisy for sparse parts — prefer `forecastMany`, which pools a whole class).
 */
export function forecastSeries(
  series: number[],
  opts: { frequency: Frequency; horizon: number; seasonLength?: number }
): ForecastResult {
  const h = opts.horizon
  const m = opts.seasonLength ?? seasonLengthFor(opts.frequency)
  if (classifyDemand(series) === "none") {
    return {
      model: "zero",
      mean: new Array(h).fill(0),
      quantiles: emptyQuantiles(h),
      reason: "no demand in the history: forecast is zero",
    }
  }
  const tuned = series.length >= h + 6 ? tuneOnPool([series], h, m, 3) : null
  if (!tuned) {
    const method =
      series.length >= 3
        ? DEFAULT_METHOD
        : {
            model: "moving-average",
            distribution: "nb" as Distribution,
            shape: 1,
          }
    const r = runMethod(method, series, h, m)
    return {
      model: methodName(method),
      ...r,
      reason: `short history (${series.length} periods): default method ${methodName(method)}`,
    }
  }
  const r = runMethod(tuned.chosen, series, h, m)
  const metrics = tuned.perModel.find(
    (c) => c.method.model === tuned.chosen.model
  )?.metrics
  return { model: methodName(tuned.chosen), ...r, metrics }
}
