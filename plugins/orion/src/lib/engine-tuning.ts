import { MetricAccumulator, MetricSummary, naiveScale } from "./metrics"
import { MEAN_MODELS, MeanModel } from "./models"
import { averageQuantiles, sanitizeQuantiles } from "./quantile-methods"
import { GammaPrior, gammaPrior } from "./pooling"
import { Quantiles } from "./types"
import {
  Method,
  POOLED_MODEL,
  SHAPE_GRID,
  DISTRIBUTIONS,
  methodName,
  quantilesFor,
  meanOf,
  minHistoryOf,
  runMethod,
  Window,
  rollingWindows,
} from "./engine-methods"
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
