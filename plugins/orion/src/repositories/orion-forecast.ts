import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { OrionForecast } from "../models/orion-forecast"
import type { ForecastColumns } from "../lib/forecast-rows"
import { QUANTILE_KEYS, QuantileKey } from "../lib/types"

/** One forecast period of a variant, as the forecasts route shows it. */
export type ForecastPeriodRow = {
  period_start: string
  period_index: number
  mean: number
  calendar_multiplier: number
} & Record<QuantileKey, number>

/** Forecasts per variant and period (orion_forecast). */
export const OrionForecastRepository = dataSource
  .getRepository(OrionForecast)
  .extend({
    async periodsOf(
      runId: string,
      variantId: string
    ): Promise<ForecastPeriodRow[]> {
      return this.query(
        `SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, period_index, mean, p10, p20, p30, p40, p50, p60, p70, p80, p90,
                calendar_multiplier
         FROM "orion_forecast" WHERE run_id = $1 AND variant_id = $2 ORDER BY period_index`,
        [runId, variantId]
      )
    },

    async insertBulk(runId: string, c: ForecastColumns): Promise<void> {
      if (c.quantiles.length !== QUANTILE_KEYS.length) {
        throw new Error("insertBulk: one quantile column per QUANTILE_KEYS")
      }
      await this.query(
        `INSERT INTO "orion_forecast" ("id", "run_id", "variant_id", "period_start", "period_index", "mean", "calendar_multiplier",
           "p10", "p20", "p30", "p40", "p50", "p60", "p70", "p80", "p90")
         SELECT 'ofc_' || replace(gen_random_uuid()::text, '-', ''), $1, * FROM unnest($2::varchar[], $3::date[], $4::int[], $5::real[], $6::real[],
           $7::real[], $8::real[], $9::real[], $10::real[], $11::real[], $12::real[], $13::real[], $14::real[], $15::real[])`,
        [
          runId,
          c.variant_ids,
          c.period_starts,
          c.period_indexes,
          c.means,
          c.multipliers,
          ...c.quantiles,
        ]
      )
    },

    /** Drops the forecasts of failed runs, then those of succeeded runs older than the `keep` latest. */
    async prune(keep: number): Promise<void> {
      await this.query(
        `DELETE FROM "orion_forecast" WHERE run_id IN (SELECT id FROM "orion_forecast_run" WHERE status = 'failed')`
      )
      await this.query(
        `WITH old AS (
           SELECT id FROM "orion_forecast_run" WHERE status = 'succeeded' ORDER BY created_at DESC OFFSET $1
         )
         DELETE FROM "orion_forecast" WHERE run_id IN (SELECT id FROM old)`,
        [keep]
      )
    },
  })

export default OrionForecastRepository
