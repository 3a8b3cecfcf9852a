/**
 * Quantiles of count distributions. `quantile` is the smallest integer x with
 * F(x) ≥ q, the value that minimises expected pinball loss for integer data.
 */

const NORMAL_SWITCH = 2000

function normalInv(p: number): number {
  // Acklam's rational approximation (relative error < 1.2e-9)
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269,
    -30.66479806614716, 2.506628277459239,
  ]
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866,
    66.80131188771972, -13.28068155288572,
  ]
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838,
    -2.549732539343734, 4.374664141464968, 2.938163982698783,
  ]
  const d = [
    0.007784695709041462, 0.3224671290700398, 2.445134137142996,
    3.754408661907416,
  ]
  const pl = 0.02425
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    )
  }
  if (p > 1 - pl) {
    const q = Math.sqrt(-2 * Math.log(1 - p))
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    )
  }
  const q = p - 0.5
  const r = q * q
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) *
      q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  )
}

export { normalInv }

/** Quantiles (ascending levels) of a discrete distribution given by a pmf recurrence. */
function discreteQuantiles(
  levels: readonly number[],
  p0: number,
  next: (pmf: number, x: number) => number
): number[] {
  const out = new Array(levels.length).fill(0)
  let x = 0
  let pmf = p0
  let cdf = p0
  for (let i = 0; i < levels.length; i++) {
    const q = levels[i]
    while (cdf < q - 1e-12 && x < 1e7) {
      pmf = next(pmf, x)
      x++
      cdf += pmf
      if (pmf === 0 && cdf < q - 1e-12) {
        // numerical underflow far in the tail: stop
        break
      }
    }
    out[i] = x
  }
  return out
}

export function poissonQuantiles(
  mean: number,
  levels: readonly number[]
): number[] {
  if (!(mean > 0)) {
    return levels.map(() => 0)
  }
  if (mean > NORMAL_SWITCH) {
    const sd = Math.sqrt(mean)
    return levels.map((q) => Math.max(0, Math.round(mean + sd * normalInv(q))))
  }
  if (mean > 700) {
    // exp(-mean) underflows: start from the mode region with a normal approximation
    const sd = Math.sqrt(mean)
    return levels.map((q) => Math.max(0, Math.round(mean + sd * normalInv(q))))
  }
  return discreteQuantiles(
    levels,
    Math.exp(-mean),
    (pmf, x) => (pmf * mean) / (x + 1)
  )
}

/**
 * Negative binomial with mean μ and shape k: Var = μ + μ²/k.
 * k = Infinity is Poisson.
 */
export function negBinomialQuantiles(
  mean: number,
  shape: number,
  levels: readonly number[]
): number[] {
  if (!(mean > 0)) {
    return levels.map(() => 0)
  }
  if (!Number.isFinite(shape) || shape > 1e6) {
    return poissonQuantiles(mean, levels)
  }
  const p = shape / (shape + mean)
  const logP0 = shape * Math.log(p)
  if (mean > NORMAL_SWITCH || logP0 < -700) {
    const sd = Math.sqrt(mean + (mean * mean) / shape)
    // lognormal-matched approximation keeps the right skew
    const s2 = Math.log(1 + (sd * sd) / (mean * mean))
    const mu = Math.log(mean) - s2 / 2
    return levels.map((q) =>
      Math.max(0, Math.round(Math.exp(mu + Math.sqrt(s2) * normalInv(q))))
    )
  }
  const r = 1 - p
  return discreteQuantiles(
    levels,
    Math.exp(logP0),
    (pmf, x) => (pmf * (x + shape) * r) / (x + 1)
  )
}

export function poissonCdf(x: number, mean: number): number {
  if (x < 0) {
    return 0
  }
  let pmf = Math.exp(-mean)
  let cdf = pmf
  for (let i = 0; i < Math.floor(x); i++) {
    pmf = (pmf * mean) / (i + 1)
    cdf += pmf
  }
  return Math.min(1, cdf)
}

export function negBinomialCdf(x: number, mean: number, shape: number): number {
  if (x < 0) {
    return 0
  }
  const p = shape / (shape + mean)
  let pmf = Math.pow(p, shape)
  let cdf = pmf
  for (let i = 0; i < Math.floor(x); i++) {
    pmf = (pmf * (i + shape) * (1 - p)) / (i + 1)
    cdf += pmf
  }
  return Math.min(1, cdf)
}
