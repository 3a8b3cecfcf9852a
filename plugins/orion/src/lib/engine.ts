import { classifyDemand, DemandClass } from "./intermittent"
import { MetricAccumulator, MetricSummary, naiveScale } from "./metrics"
import { MEAN_MODELS, MeanModel, meanModel } from "./models"
import {
  averageQuantiles,
  empiricalQuantilePaths,
  hurdleQuantilePaths,
  nbQuantilePaths,
  sanitizeQuantiles,
} from "./quantile-methods"
import { GammaPrior, gammaPrior, pooledRate } from "./pooling"
import { Rng } from "./random"
import { emptyQuantiles, Frequency, Quantiles } from "./types"

export type Distribution = "nb" | "empirical" | "hurdle" | "blend" | "combined"

/** A forecasting method: a mean model plus a distribution around it. */
export type Method = {
  model: string
  distribution: Distribution
  /** negative-binomial shape (Infinity = Poisson); used by "nb" and "blend" */
  shape: number
  /** model "qcombo": the methods whose means and quantiles are averaged (Vincentization) */
  members?: Method[]
}

/** Mean model of the pooled rate: the part's rate shrunk toward its demand class (`pooling.ts`). */
export const POOLED_MODEL = "eb-rate"

/** Demand classes whose backtest also tries the pooled candidates. */
export const POOLED_SEGMENTS = ["intermittent"]

export const SHAPE_GRID = [0.25, 0.5, 1, 2, 4, Infinity]
export const DISTRIBUTIONS: Distribution[] = [
  "nb",
  "empirical",
  "hurdle",
  "blend",
]

export const DEFAULT_METHOD: Method = {
  model: "combo",
  distribution: "blend",
  shape: 1,
}

export function methodName(m: Method): string {
  if (m.members) {
    return `qcombo(${m.members.map(methodName).join(" | ")})`
  }
  if (m.distribution === "nb") {
    return `${m.model}+${Number.isFinite(m.shape) ? `nb(k=${m.shape})` : "poisson"}`
  }
  if (m.distribution === "blend") {
    return `${m.model}+blend(k=${Number.isFinite(m.shape) ? m.shape : "inf"})`
  }
  return `${m.model}+${m.distribution}`
}

export function seasonLengthFor(frequency: Frequency): number {
  return frequency === "week" ? 52 : 12
}

function quantilesFor(
  dist: Distribution,
  shape: number,
  y: number[],
  mean: number[],
  m: number
): Quantiles {
  switch (dist) {
    case "nb":
      return nbQuantilePaths(mean, shape)
    case "empirical":
      return empiricalQuantilePaths(y, mean, 2 * m)
    case "hurdle":
      return hurdleQuantilePaths(y, mean)
    case "blend":
      return averageQuantiles([
        nbQuantilePaths(mean, shape),
        empiricalQuantilePaths(y, mean, 2 * m),
      ])
    case "combined":
      throw new Error("a combined method has members: run it with runMethod")
  }
}

/** The mean path of a model; the pooled rate needs the class prior (without one it is the plain rate). */
function meanOf(
  model: string,
  y: number[],
  horizon: number,
  seasonLength: number,
  prior?: GammaPrior | null
): number[] {
  if (model === POOLED_MODEL) {
    const r = prior
      ? pooledRate(y, prior, seasonLength)
      : meanModel("rate").mean(y, 1, seasonLength)[0]
    return new Array(horizon).fill(Math.max(0, r))
  }
  return meanModel(model).mean(y, horizon, seasonLength)
}

function minHistoryOf(model: string): number {
  return model === POOLED_MODEL || model === "qcombo"
    ? 3
    : meanModel(model).minHistory
}

/** Runs one method on one history (`prior`: the demand class's prior, for the pooled rate). */
export function runMethod(
  method: Method,
  y: number[],
  horizon: number,
  seasonLength: number,
  prior?: GammaPrior | null
): { mean: number[]; quantiles: Quantiles } {
  if (method.members) {
    const runs = method.members.map((mm) =>
      runMethod(mm, y, horizon, seasonLength, prior)
    )
    const mean = new Array(horizon)
      .fill(0)
      .map((_, t) => runs.reduce((a, r) => a + r.mean[t], 0) / runs.length)
    return {
      mean,
      quantiles: sanitizeQuantiles(
        averageQuantiles(runs.map((r) => r.quantiles))
      ),
    }
  }
  const mean = meanOf(method.model, y, horizon, seasonLength, prior)
  const quantiles = sanitizeQuantiles(
    quantilesFor(method.distribution, method.shape, y, mean, seasonLength)
  )
  return { mean, quantiles }
}

export type Window = { train: number[]; actual: number[] }

/** Rolling-origin windows: origins at n − h, n − 2h, … (at most `origins`), each with ≥ minTrain points. */
export function rollingWindows(
  y: number[],
  horizon: number,
  origins: number,
  minTrain: number
): Window[] {
  const out: Window[] = []
  for (let j = 1; j <= origins; j++) {
    const cut = y.length - j * horizon
    if (cut < minTrain) {
      break
    }
    out.push({ train: y.slice(0, cut), actual: y.slice(cut, cut + horizon) })
  }
  return out
}

export type Candidate = { method: Method; metrics: MetricSummary }

export type Tuning = {
  segment: string
  /** series used for tuning (a sample of the segment) */
  sampled: number
  windows: number
  chosen: Method
  /** best configuration per mean model, with its pooled backtest metrics */
  perModel: Candidate[]
  /**
   * True hold-out figure: the configuration chosen on the earlier windows only (origins n − 2h, …),
   * scored on the last window (origin n − h) it never saw. Absent with a single window.
   */
  holdout?: Holdout
  reason?: string
}

export type Holdout = {
  method: Method
  metrics: MetricSummary
  selectedOn: number
  scoredOn: number
}

/**
 * Rolling-origin backtest over a pool of series: every mean model × distribution ×
 * NB shape is scored by pooled WQL; returns the winner and the best per model.
 * With `pooling`, two more kinds of candidates: the pooled rate (each part's rate shrunk toward
 * the pool's, its prior fitted on the pool's training parts at each origin) and the quantile
 * combinations of the best two and three mean models (ranked on the earlier windows, so the
 * hold-out figure stays honest).
 */
export function tuneOnPool(
  pool: number[][],
  horizon: number,
  seasonLength: number,
  origins: number,
  models: MeanModel[] = MEAN_MODELS,
  opts: { pooling?: boolean } = {}
): {
  chosen: Method
  perModel: Candidate[]
  windows: number
  holdout?: Holdout
} | null {
  type Acc = {
    method: Method
    acc: MetricAccumulator
    early: MetricAccumulator
    last: MetricAccumulator
  }
  const accs = new Map<string, Acc>()
  const get = (method: Method) => {
    const key = methodName(method)
    let e = accs.get(key)
    if (!e) {
      e = {
        method,
        acc: new MetricAccumulator(),
        early: new MetricAccumulator(),
        last: new MetricAccumulator(),
      }
      accs.set(key, e)
    }
    return e
  }
  let windows = 0
  let earlyWindows = 0
  let lastWindows = 0
  const minTrain = Math.max(4, Math.min(seasonLength, 12))
  const all = pool.map((y) => rollingWindows(y, horizon, origins, minTrain))
  // the pooled rate's prior per origin, from the training parts only
  const priors: (GammaPrior | null)[] = []
  if (opts.pooling) {
    for (let j = 0; j < origins; j++) {
      priors.push(
        gammaPrior(
          all.filter((ws) => ws.length > j).map((ws) => ws[j].train),
          seasonLength
        )
      )
    }
  }
  const score = (
    e: Acc,
    w: Window,
    j: number,
    mean: number[],
    q: Quantiles,
    scale: { mae: number; mse: number }
  ) => {
    e.acc.add(w.train, w.actual, mean, q, seasonLength, scale)
    ;(j === 0 ? e.last : e.early).add(
      w.train,
      w.actual,
      mean,
      q,
      seasonLength,
      scale
    )
  }
  const meanModels = opts.pooling
    ? [...models.map((mm) => mm.name), POOLED_MODEL]
    : models.map((mm) => mm.name)
  all.forEach((ws) => {
    ws.forEach((w, j) => {
      windows++
      if (j === 0) {
        lastWindows++
      } else {
        earlyWindows++
      }
      const scale = naiveScale(w.train, seasonLength)
      for (const name of meanModels) {
        if (w.train.length < minHistoryOf(name)) {
          continue
        }
        const mean = meanOf(name, w.train, horizon, seasonLength, priors[j])
        for (const dist of DISTRIBUTIONS) {
          const shapes =
            dist === "nb" || dist === "blend" ? SHAPE_GRID : [Infinity]
          for (const shape of shapes) {
            const q = sanitizeQuantiles(
              quantilesFor(dist, shape, w.train, mean, seasonLength)
            )
            score(
              get({ model: name, distribution: dist, shape }),
              w,
              j,
              mean,
              q,
              scale
            )
          }
        }
      }
    })
  })
  if (windows === 0) {
    return null
  }
  const rankBy = (pick: (e: Acc) => MetricAccumulator) => {
    const bestPerModel = new Map<string, { e: Acc; wql: number }>()
    for (const e of accs.values()) {
      const wql = pick(e).summary().wql
      const cur = bestPerModel.get(e.method.model)
      if (Number.isFinite(wql) && (!cur || wql < cur.wql)) {
        bestPerModel.set(e.method.model, { e, wql })
      }
    }
    return [...bestPerModel.values()].sort(
      (a, b) =>
        a.wql - b.wql ||
        methodName(a.e.method).localeCompare(methodName(b.e.method))
    )
  }
  if (opts.pooling) {
    // quantile combinations of the best 2 and 3 mean models (each with its best distribution)
    const ranked = rankBy((e) => (earlyWindows > 0 ? e.early : e.acc)).slice(
      0,
      3
    )
    const combos =
      ranked.length >= 2
        ? [ranked.slice(0, 2), ...(ranked.length >= 3 ? [ranked] : [])]
        : []
    if (combos.length) {
      all.forEach((ws) => {
        ws.forEach((w, j) => {
          const scale = naiveScale(w.train, seasonLength)
          const runs = new Map<
            string,
            { mean: number[]; quantiles: Quantiles }
          >()
          for (const r of ranked) {
            if (w.train.length >= minHistoryOf(r.e.method.model)) {
              runs.set(
                methodName(r.e.method),
                runMethod(r.e.method, w.train, horizon, seasonLength, priors[j])
              )
            }
          }
          for (const combo of combos) {
            const members = combo.map((c) => c.e.method)
            const rs = members.map((mm) => runs.get(methodName(mm)))
            if (rs.some((r) => !r)) {
              continue
            }
            const mean = new Array(horizon)
              .fill(0)
              .map(
                (_, t) =>
                  rs.reduce(
                    (a, r) => a + (r as { mean: number[] }).mean[t],
                    0
                  ) / rs.length
              )
            const q = sanitizeQuantiles(
              averageQuantiles(
                rs.map((r) => (r as { quantiles: Quantiles }).quantiles)
              )
            )
            const method: Method = {
              model: "qcombo",
              distribution: "combined",
              shape: Infinity,
              members,
            }
            score(get(method), w, j, mean, q, scale)
          }
        })
      })
    }
  }
  // hold-out: choose on the earlier windows only, score that choice on the last window
  let holdout: Holdout | undefined
  if (earlyWindows > 0 && lastWindows > 0) {
    let pick: { e: Acc; wql: number } | null = null
    for (const e of accs.values()) {
      const wql = e.early.summary().wql
      if (Number.isFinite(wql) && (!pick || wql < pick.wql)) {
        pick = { e, wql }
      }
    }
    if (pick) {
      holdout = {
        method: pick.e.method,
        metrics: pick.e.last.summary(),
        selectedOn: earlyWindows,
        scoredOn: lastWindows,
      }
    }
  }
  const best = new Map<string, Candidate>()
  let chosen: Candidate | null = null
  for (const { method, acc } of accs.values()) {
    const metrics = acc.summary()
    if (!Number.isFinite(metrics.wql)) {
      continue
    }
    const cur = best.get(method.model)
    if (!cur || metrics.wql < cur.metrics.wql) {
      best.set(method.model, { method, metrics })
    }
    if (!chosen || metrics.wql < chosen.metrics.wql) {
      chosen = { method, metrics }
    }
  }
  if (!chosen) {
    return null
  }
  return {
    chosen: chosen.method,
    perModel: [...best.values()],
    windows,
    holdout,
  }
}

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
