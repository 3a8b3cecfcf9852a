import { negBinomialQuantiles } from "./count-distributions"
import { demandSizes } from "./intermittent"
import { QUANTILE_KEYS, QUANTILE_LEVELS, Quantiles } from "./types"

/** Quantile paths from a negative binomial around each mean (k = Infinity → Poisson). */
export function nbQuantilePaths(mean: number[], shape: number): Quantiles {
  const q = {} as Quantiles
  for (const k of QUANTILE_KEYS) {
    q[k] = new Array(mean.length)
  }
  let lastMean = NaN
  let last: number[] = []
  for (let t = 0; t < mean.length; t++) {
    if (mean[t] !== lastMean) {
      lastMean = mean[t]
      last = negBinomialQuantiles(mean[t], shape, QUANTILE_LEVELS)
    }
    for (let i = 0; i < QUANTILE_KEYS.length; i++) {
      q[QUANTILE_KEYS[i]][t] = last[i]
    }
  }
  return q
}

/** Type-1 empirical quantile (an observed value) of a sorted sample. */
export function empiricalQuantile(sorted: number[], q: number): number {
  if (sorted.length === 0) {
    return 0
  }
  const idx = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(q * sorted.length) - 1)
  )
  return sorted[idx]
}

/**
 * Quantiles of the last `window` observations, rescaled so that their level follows
 * the mean path (ratio of the forecast mean to the window mean).
 */
export function empiricalQuantilePaths(
  y: number[],
  mean: number[],
  window: number
): Quantiles {
  const w = y.slice(Math.max(0, y.length - window))
  const sorted = [...w].sort((a, b) => a - b)
  const wMean = w.length ? w.reduce((a, b) => a + b, 0) / w.length : 0
  const base = QUANTILE_LEVELS.map((l) => empiricalQuantile(sorted, l))
  const q = {} as Quantiles
  QUANTILE_KEYS.forEach((k, i) => {
    q[k] = mean.map((m) => (wMean > 0 ? (base[i] * m) / wMean : 0))
  })
  return q
}

/**
 * Hurdle (occurrence × size) quantiles: a demand happens with probability p (mean / size),
 * and its size follows the series' own non-zero sizes. Quantile level l is 0 when l ≤ 1 − p,
 * else the size quantile at (l − (1 − p)) / p.
 */
export function hurdleQuantilePaths(y: number[], mean: number[]): Quantiles {
  const sizes = demandSizes(y).sort((a, b) => a - b)
  const q = {} as Quantiles
  for (const k of QUANTILE_KEYS) {
    q[k] = new Array(mean.length).fill(0)
  }
  if (sizes.length === 0) {
    return q
  }
  const sizeMean = sizes.reduce((a, b) => a + b, 0) / sizes.length
  for (let t = 0; t < mean.length; t++) {
    const p = Math.min(1, mean[t] / sizeMean)
    QUANTILE_LEVELS.forEach((l, i) => {
      if (p > 0 && l > 1 - p) {
        q[QUANTILE_KEYS[i]][t] = empiricalQuantile(sizes, (l - (1 - p)) / p)
      }
    })
  }
  return q
}

/** Average of several quantile sets (Vincentization), level by level. */
export function averageQuantiles(
  sets: Quantiles[],
  weights?: number[]
): Quantiles {
  const w = weights ?? sets.map(() => 1 / sets.length)
  const q = {} as Quantiles
  for (const k of QUANTILE_KEYS) {
    const h = sets[0][k].length
    q[k] = new Array(h).fill(0)
    for (let s = 0; s < sets.length; s++) {
      for (let t = 0; t < h; t++) {
        q[k][t] += w[s] * sets[s][k][t]
      }
    }
  }
  return q
}

/** Makes quantiles non-negative and non-decreasing across levels. */
export function sanitizeQuantiles(q: Quantiles): Quantiles {
  const h = q.p10.length
  for (let t = 0; t < h; t++) {
    let prev = 0
    for (const k of QUANTILE_KEYS) {
      let v = q[k][t]
      if (!Number.isFinite(v) || v < prev) {
        v = prev
      }
      q[k][t] = v
      prev = v
    }
  }
  return q
}
