export type Frequency = "week" | "month"

export const QUANTILE_LEVELS = [
  0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
] as const

export const QUANTILE_KEYS = [
  "p10",
  "p20",
  "p30",
  "p40",
  "p50",
  "p60",
  "p70",
  "p80",
  "p90",
] as const

export type QuantileKey = (typeof QUANTILE_KEYS)[number]

export type Quantiles = Record<QuantileKey, number[]>

/** What a single model produces for one series. */
export type ModelForecast = {
  mean: number[]
  quantiles: Quantiles
}

export type ModelContext = {
  /** periods per season (12 for monthly, 52 for weekly) */
  seasonLength: number
  /**
   * Pooled negative-binomial shape (k, Var = μ + μ²/k) for this series' segment;
   * estimated across parts, never per sparse part.
   */
  dispersion: number
}

export type Model = {
  name: string
  /** minimum history length the model needs to be meaningful */
  minHistory: (ctx: ModelContext) => number
  forecast: (y: number[], horizon: number, ctx: ModelContext) => ModelForecast
}

export function emptyQuantiles(horizon: number): Quantiles {
  const q = {} as Quantiles
  for (const k of QUANTILE_KEYS) {
    q[k] = new Array(horizon).fill(0)
  }
  return q
}
