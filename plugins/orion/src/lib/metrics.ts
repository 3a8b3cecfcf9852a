import { QUANTILE_KEYS, QUANTILE_LEVELS, Quantiles } from "./types"
import { seasonalNaiveErrors } from "./seasonal-naive"

export function pinball(q: number, forecast: number, actual: number): number {
  return actual >= forecast
    ? q * (actual - forecast)
    : (1 - q) * (forecast - actual)
}

export type MetricSummary = {
  /** mean over series of MAE / in-sample seasonal-naive MAE (series with a zero scale skipped) */
  mase: number
  /** mean over series of sqrt(MSE / in-sample seasonal-naive MSE) */
  rmsse: number
  /** mean error (forecast − actual) per period, pooled */
  bias: number
  /** pooled Σ(forecast − actual) / Σ actual */
  relativeBias: number
  /** mean over the 9 quantiles of 2·Σ pinball / Σ|actual|, pooled over all series */
  wql: number
  /** MAPE computed on periods with non-zero actual demand only */
  mapeNonZero: number
  series: number
  periods: number
  /** Σ actual (to pool figures of several groups weighted by their demand) */
  actualTotal: number
}

/** In-sample seasonal-naive scale of a training series: mean |error| and mean squared error (0 when none). */
export function naiveScale(
  train: number[],
  seasonLength: number
): { mae: number; mse: number } {
  const scale = seasonalNaiveErrors(train, seasonLength)
  if (scale.length === 0) {
    return { mae: 0, mse: 0 }
  }
  let sa = 0
  let ss = 0
  for (const d of scale) {
    sa += Math.abs(d)
    ss += d * d
  }
  return { mae: sa / scale.length, mse: ss / scale.length }
}

/**
 * Accumulates forecast errors over many series and reports pooled metrics.
 * MASE and RMSSE use the seasonal-naive in-sample scale of each series' training part.
 */
export class MetricAccumulator {
  private pin = new Array(QUANTILE_LEVELS.length).fill(0)
  private absActual = 0
  private sumErr = 0
  private sumActual = 0
  private periods = 0
  private maseSum = 0
  private maseN = 0
  private rmsseSum = 0
  private rmsseN = 0
  private apeSum = 0
  private apeN = 0
  private seriesN = 0

  add(
    train: number[],
    actual: number[],
    mean: number[],
    quantiles: Quantiles,
    seasonLength: number,
    scale: { mae: number; mse: number } = naiveScale(train, seasonLength)
  ): void {
    const h = actual.length
    let abs = 0
    let sq = 0
    for (let t = 0; t < h; t++) {
      const y = actual[t]
      const e = mean[t] - y
      abs += Math.abs(e)
      sq += e * e
      this.sumErr += e
      this.sumActual += y
      this.absActual += Math.abs(y)
      if (y !== 0) {
        this.apeSum += Math.abs(e) / Math.abs(y)
        this.apeN++
      }
      for (let i = 0; i < QUANTILE_KEYS.length; i++) {
        this.pin[i] += pinball(
          QUANTILE_LEVELS[i],
          quantiles[QUANTILE_KEYS[i]][t],
          y
        )
      }
    }
    this.periods += h
    this.seriesN++
    if (h > 0) {
      const sa = scale.mae
      const ss = scale.mse
      if (sa > 0) {
        this.maseSum += abs / h / sa
        this.maseN++
      }
      if (ss > 0) {
        this.rmsseSum += Math.sqrt(sq / h / ss)
        this.rmsseN++
      }
    }
  }

  summary(): MetricSummary {
    let wql = 0
    for (const p of this.pin) {
      wql += this.absActual > 0 ? (2 * p) / this.absActual : 0
    }
    return {
      mase: this.maseN ? this.maseSum / this.maseN : NaN,
      rmsse: this.rmsseN ? this.rmsseSum / this.rmsseN : NaN,
      bias: this.periods ? this.sumErr / this.periods : NaN,
      relativeBias: this.sumActual ? this.sumErr / this.sumActual : NaN,
      wql: this.absActual > 0 ? wql / this.pin.length : NaN,
      mapeNonZero: this.apeN ? this.apeSum / this.apeN : NaN,
      series: this.seriesN,
      periods: this.periods,
      actualTotal: this.sumActual,
    }
  }
}
