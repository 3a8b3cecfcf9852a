import { chunkForecast } from "./adida"
import { averageDemandInterval } from "./intermittent"

/** IMAPA: mean over k = 1..round(mean interval) of the ADIDA-style forecast. */
export function imapa(y: number[]): number {
  const adi = averageDemandInterval(y)
  if (!Number.isFinite(adi)) {
    return 0
  }
  const maxK = Math.max(1, Math.round(adi))
  let s = 0
  for (let k = 1; k <= maxK; k++) {
    s += chunkForecast(y, k)
  }
  return s / maxK
}
