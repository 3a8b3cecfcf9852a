import { sesForecast } from "./ses"
import { demandSizes } from "./intermittent"

export type TsbResult = {
  /** probability of a demand in a period */
  probability: number
  /** expected size of a non-zero demand */
  size: number
  /** probability × size */
  forecast: number
}

/**
 * Teunter–Syntetos–Babai: d̂ = SES(0/1 occurrence over all periods, α_p),
 * ẑ = SES(non-zero sizes, α_d); forecast d̂·ẑ (flat).
 */
export function tsb(y: number[], alphaD = 0.2, alphaP = 0.2): TsbResult {
  const sizes = demandSizes(y)
  if (sizes.length === 0) {
    return { probability: 0, size: 0, forecast: 0 }
  }
  const occ = y.map((v) => (v !== 0 ? 1 : 0))
  const probability = sesForecast(occ, alphaP)
  const size = sesForecast(sizes, alphaD)
  return { probability, size, forecast: probability * size }
}
