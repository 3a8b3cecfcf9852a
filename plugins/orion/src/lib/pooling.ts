/**
 * Pooling information across parts (empirical Bayes): each part's demand rate is shrunk toward the
 * rate of its demand class. Rates over the last `window` periods are treated as Poisson-Gamma: the
 * class's Gamma(α, β) prior is fitted by moments on the parts' observed rates (the between-part
 * variance is what is left after the Poisson noise m / window), and a part's rate is the posterior
 * mean (α + its units) / (β + window). A part with little history moves most toward the class.
 */

export type GammaPrior = { alpha: number; beta: number }

/** Periods used for the rate: the last season (the moving average's window), or the whole history when shorter. */
export function rateWindow(length: number, seasonLength: number): number {
  return Math.max(1, Math.min(length, seasonLength))
}

function tailSum(y: number[], k: number): number {
  let s = 0
  for (let i = Math.max(0, y.length - k); i < y.length; i++) {
    s += y[i]
  }
  return s
}

/**
 * Fits the class prior on the parts' histories. Null when the pool has fewer than 5 parts with demand or
 * no rate at all; a pool whose rates vary no more than Poisson noise gets a strong prior (β = 1e6 scale).
 */
export function gammaPrior(
  series: number[][],
  seasonLength: number
): GammaPrior | null {
  const rates: number[] = []
  let invW = 0
  for (const y of series) {
    if (y.length === 0) {
      continue
    }
    const w = rateWindow(y.length, seasonLength)
    rates.push(tailSum(y, w) / w)
    invW += 1 / w
  }
  if (rates.length < 5) {
    return null
  }
  const n = rates.length
  const m = rates.reduce((a, b) => a + b, 0) / n
  if (!(m > 0)) {
    return null
  }
  const v = rates.reduce((a, r) => a + (r - m) * (r - m), 0) / (n - 1)
  // between-part variance of the true rates: observed variance minus the Poisson noise
  const tau2 = Math.max(v - m * (invW / n), (m * m) / 1e6)
  return { alpha: (m * m) / tau2, beta: m / tau2 }
}

/** The part's shrunk rate: posterior mean of its rate under the class prior. */
export function pooledRate(
  y: number[],
  prior: GammaPrior,
  seasonLength: number
): number {
  const w = rateWindow(y.length, seasonLength)
  return (prior.alpha + tailSum(y, w)) / (prior.beta + w)
}
