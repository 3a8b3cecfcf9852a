import { sesForecast, sesOptimizedForecast } from "./ses"
import { demandIntervals, demandSizes } from "./intermittent"

/**
 * Croston's method (statsforecast CrostonClassic): ẑ = SES(sizes, α),
 * p̂ = SES(intervals, α), forecast ẑ / p̂ (flat). No demand → 0.
 */
export function croston(y: number[], alpha = 0.1): number {
  const sizes = demandSizes(y)
  if (sizes.length === 0) {
    return 0
  }
  const z = sesForecast(sizes, alpha)
  const p = sesForecast(demandIntervals(y), alpha)
  return p === 0 ? 0 : z / p
}

/** CrostonOptimized: α for sizes and intervals chosen separately in [0.1, 0.3]. */
export function crostonOptimized(y: number[]): number {
  const sizes = demandSizes(y)
  if (sizes.length === 0) {
    return 0
  }
  const z = sesOptimizedForecast(sizes)
  const p = sesOptimizedForecast(demandIntervals(y))
  return p === 0 ? 0 : z / p
}

/** Syntetos–Boylan approximation: Croston × (1 − α/2). */
export function sba(y: number[], alpha = 0.1): number {
  return croston(y, alpha) * (1 - alpha / 2)
}
