import type { ForecastBatchResult, StoredBatchInput } from "./forecast-batch"
import { QUANTILE_KEYS } from "./types"

/** A batch's forecasts, one entry per variant and period (columns of one bulk insert). */
export type ForecastColumns = {
  variant_ids: string[]
  period_starts: string[]
  period_indexes: number[]
  means: number[]
  multipliers: number[]
  /** one array per key of QUANTILE_KEYS (p10 … p90) */
  quantiles: number[][]
}

/** A batch's variant forecasts (columns of one bulk insert; `metrics` and `restock` as JSON text). */
export type VariantForecastColumns = {
  variant_ids: string[]
  skus: (string | null)[]
  categories: (string | null)[]
  models: string[]
  segments: string[]
  reasons: (string | null)[]
  history_periods: number[]
  metrics: string[]
  restock: string[]
}

/** The rows of `orion_forecast` a batch writes: each variant's forecast, period by period. */
export function forecastColumns(
  input: StoredBatchInput,
  result: ForecastBatchResult
): ForecastColumns {
  const out: ForecastColumns = {
    variant_ids: [],
    period_starts: [],
    period_indexes: [],
    means: [],
    multipliers: [],
    quantiles: QUANTILE_KEYS.map(() => []),
  }
  result.forecasts.forEach((fc, i) => {
    input.period_starts.forEach((p, k) => {
      out.variant_ids.push(input.variants[i].id)
      out.period_starts.push(p)
      out.period_indexes.push(k)
      out.means.push(fc.mean[k])
      out.multipliers.push(fc.multipliers[k])
      QUANTILE_KEYS.forEach((key, j) =>
        out.quantiles[j].push(fc.quantiles[key][k])
      )
    })
  })
  return out
}

/** The rows of `orion_variant_forecast` a batch writes: one per variant. */
export function variantForecastColumns(
  input: StoredBatchInput,
  result: ForecastBatchResult
): VariantForecastColumns {
  return {
    variant_ids: input.variants.map((v) => v.id),
    skus: input.variants.map((v) => v.sku),
    categories: input.variants.map((v) => v.category),
    models: result.forecasts.map((f) => f.model),
    segments: result.forecasts.map((f) => f.segment),
    reasons: result.forecasts.map((f) => f.reason ?? null),
    history_periods: input.variants.map((v) => v.series.length),
    metrics: result.forecasts.map((f) =>
      JSON.stringify(input.metrics[f.segment] ?? null)
    ),
    restock: result.restock.map((r) => JSON.stringify(r)),
  }
}
