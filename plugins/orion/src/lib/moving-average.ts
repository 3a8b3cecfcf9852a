/** Mean of the last `window` values (all of them if shorter); flat forecast. */
export function movingAverage(y: number[], window: number): number {
  const n = y.length
  if (n === 0) {
    return 0
  }
  const w = Math.max(1, Math.min(window, n))
  let s = 0
  for (let i = n - w; i < n; i++) {
    s += y[i]
  }
  return s / w
}
