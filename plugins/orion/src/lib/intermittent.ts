/** Helpers shared by the intermittent-demand models (statsforecast `_demand`, `_intervals`). */

/** The non-zero demand sizes. */
export function demandSizes(y: number[]): number[] {
  const out: number[] = []
  for (const v of y) {
    if (v !== 0) {
      out.push(v)
    }
  }
  return out
}

/** Inter-demand intervals; the first one counts from the series start. */
export function demandIntervals(y: number[]): number[] {
  const out: number[] = []
  let last = 0
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0) {
      out.push(i + 1 - last)
      last = i + 1
    }
  }
  return out
}

/** Average inter-demand interval (ADI); Infinity when there is no demand. */
export function averageDemandInterval(y: number[]): number {
  const iv = demandIntervals(y)
  if (iv.length === 0) {
    return Infinity
  }
  return iv.reduce((a, b) => a + b, 0) / iv.length
}

/** Squared coefficient of variation of the non-zero sizes. */
export function sizeCv2(y: number[]): number {
  const s = demandSizes(y)
  if (s.length < 2) {
    return 0
  }
  const m = s.reduce((a, b) => a + b, 0) / s.length
  const v = s.reduce((a, b) => a + (b - m) ** 2, 0) / s.length
  return m === 0 ? 0 : v / (m * m)
}

export type DemandClass =
  "smooth" | "erratic" | "intermittent" | "lumpy" | "none"

/** Syntetos–Boylan classification with the usual cut-offs ADI 1.32, CV² 0.49. */
export function classifyDemand(y: number[]): DemandClass {
  const adi = averageDemandInterval(y)
  if (!Number.isFinite(adi)) {
    return "none"
  }
  const cv2 = sizeCv2(y)
  if (adi < 1.32) {
    return cv2 < 0.49 ? "smooth" : "erratic"
  }
  return cv2 < 0.49 ? "intermittent" : "lumpy"
}

/** Sums of non-overlapping buckets of k aligned to the end (first n mod k points dropped). */
export function aggregateEnd(y: number[], k: number): number[] {
  const n = y.length
  const start = n % k
  const out: number[] = []
  for (let i = start; i + k <= n; i += k) {
    let s = 0
    for (let j = i; j < i + k; j++) {
      s += y[j]
    }
    out.push(s)
  }
  return out
}
