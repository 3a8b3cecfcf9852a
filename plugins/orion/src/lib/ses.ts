/**
 * Simple exponential smoothing, ported from statsforecast `ses.cpp`:
 * the level starts at x[0], f[i] = α·x[i-1] + (1-α)·f[i-1], and the one-step
 * forecast after the last point is α·x[n-1] + (1-α)·f[n-1].
 */
export function sesForecast(x: number[], alpha: number): number {
  const n = x.length
  if (n === 0) {
    return 0
  }
  let f = x[0]
  for (let i = 1; i < n; i++) {
    f = alpha * x[i - 1] + (1 - alpha) * f
  }
  return alpha * x[n - 1] + (1 - alpha) * f
}

/** In-sample sum of squared one-step errors (the objective statsforecast minimises). */
export function sesSse(x: number[], alpha: number): number {
  const n = x.length
  if (n < 2) {
    return 0
  }
  let f = x[0]
  let sse = 0
  for (let i = 1; i < n; i++) {
    const e = x[i] - f
    sse += e * e
    f = alpha * x[i] + (1 - alpha) * f
  }
  return sse
}

const GOLDEN = (Math.sqrt(5) - 1) / 2

/** Golden-section search of a unimodal function on [lo, hi]. */
export function goldenSection(
  fn: (a: number) => number,
  lo: number,
  hi: number,
  tol = 1e-6
): number {
  let a = lo
  let b = hi
  let c = b - GOLDEN * (b - a)
  let d = a + GOLDEN * (b - a)
  let fc = fn(c)
  let fd = fn(d)
  while (Math.abs(b - a) > tol) {
    if (fc < fd) {
      b = d
      d = c
      fd = fc
      c = b - GOLDEN * (b - a)
      fc = fn(c)
    } else {
      a = c
      c = d
      fc = fd
      d = a + GOLDEN * (b - a)
      fd = fn(d)
    }
  }
  return (a + b) / 2
}

/** α chosen by golden section on the in-sample SSE within [0.1, 0.3] (statsforecast). */
export function optimalSesAlpha(x: number[], lo = 0.1, hi = 0.3): number {
  if (x.length < 3) {
    return lo
  }
  return goldenSection((a) => sesSse(x, a), lo, hi)
}

export function sesOptimizedForecast(x: number[]): number {
  return sesForecast(x, optimalSesAlpha(x))
}
