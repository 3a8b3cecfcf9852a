import { adida } from "./adida"
import { croston, sba } from "./croston"
import { autoEts } from "./ets"
import { imapa } from "./imapa"
import { movingAverage } from "./moving-average"
import { seasonalNaive } from "./seasonal-naive"
import { sesOptimizedForecast } from "./ses"
import { tsb } from "./tsb"

/**
 * Mean (point) models. Each returns the mean path for `horizon` periods.
 * Distributions around these means are added by `quantile-methods.ts`.
 */
export type MeanModel = {
  name: string
  /** periods of history the model needs before it is considered */
  minHistory: number
  mean: (y: number[], horizon: number, seasonLength: number) => number[]
}

const flat = (v: number, h: number) => new Array(h).fill(Math.max(0, v))

export const MEAN_MODELS: MeanModel[] = [
  {
    name: "seasonal-naive",
    minHistory: 1,
    mean: (y, h, m) => seasonalNaive(y, h, m).map((v) => Math.max(0, v)),
  },
  {
    name: "moving-average",
    minHistory: 1,
    mean: (y, h, m) => flat(movingAverage(y, m), h),
  },
  {
    name: "ses",
    minHistory: 2,
    mean: (y, h) => flat(sesOptimizedForecast(y), h),
  },
  { name: "croston", minHistory: 2, mean: (y, h) => flat(croston(y), h) },
  { name: "sba", minHistory: 2, mean: (y, h) => flat(sba(y), h) },
  {
    name: "tsb",
    minHistory: 2,
    mean: (y, h) => flat(tsb(y, 0.1, 0.1).forecast, h),
  },
  { name: "adida", minHistory: 3, mean: (y, h) => flat(adida(y), h) },
  { name: "imapa", minHistory: 3, mean: (y, h) => flat(imapa(y), h) },
  {
    name: "ets",
    minHistory: 6,
    mean: (y, h, m) => autoEts(y, h, m).forecast.map((v) => Math.max(0, v)),
  },
  {
    // count model: long-run rate of the last two seasons (Poisson / negative binomial mean)
    name: "rate",
    minHistory: 1,
    mean: (y, h, m) => flat(movingAverage(y, 2 * m), h),
  },
  {
    // equal-weight combination of the intermittent-demand estimators
    name: "combo",
    minHistory: 3,
    mean: (y, h, m) => {
      const parts = [
        sba(y),
        tsb(y, 0.1, 0.1).forecast,
        imapa(y),
        sesOptimizedForecast(y),
        movingAverage(y, 2 * m),
      ]
      return flat(parts.reduce((a, b) => a + b, 0) / parts.length, h)
    },
  },
]

export function meanModel(name: string): MeanModel {
  const m = MEAN_MODELS.find((x) => x.name === name)
  if (!m) {
    throw new Error(`unknown model "${name}"`)
  }
  return m
}
