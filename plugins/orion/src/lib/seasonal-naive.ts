/**
 * Seasonal naive: each horizon step repeats the value one season earlier.
 * With less than one season of history it repeats the last value (naive).
 */
export function seasonalNaive(
  y: number[],
  horizon: number,
  seasonLength: number
): number[] {
  const n = y.length
  const out = new Array(horizon).fill(0)
  if (n === 0) {
    return out
  }
  const m = seasonLength >= 1 && n >= seasonLength ? seasonLength : 1
  for (let h = 0; h < horizon; h++) {
    out[h] = y[n - m + (h % m)]
  }
  return out
}

/** In-sample seasonal-naive one-step errors y[t] - y[t-m] (the MASE scale). */
export function seasonalNaiveErrors(
  y: number[],
  seasonLength: number
): number[] {
  const m = seasonLength >= 1 && y.length > seasonLength ? seasonLength : 1
  const out: number[] = []
  for (let t = m; t < y.length; t++) {
    out.push(y[t] - y[t - m])
  }
  return out
}
