import { sesOptimizedForecast } from "./ses"
import { aggregateEnd, averageDemandInterval } from "./intermittent"

/** Optimized SES on end-aligned k-bucket sums, divided by k (statsforecast `chunk_forecast`). */
export function chunkForecast(y: number[], k: number): number {
  const agg = aggregateEnd(y, k)
  if (agg.length === 0) {
    return 0
  }
  return sesOptimizedForecast(agg) / k
}

/** ADIDA: k = round(mean inter-demand interval). All-zero series → 0. */
export function adida(y: number[]): number {
  const adi = averageDemandInterval(y)
  if (!Number.isFinite(adi)) {
    return 0
  }
  const k = Math.max(1, Math.round(adi))
  return chunkForecast(y, k)
}
