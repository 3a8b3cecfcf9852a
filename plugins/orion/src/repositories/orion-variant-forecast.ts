import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import type { VariantForecastColumns } from "../lib/forecast-rows"
import { OrionVariantForecast } from "../models/orion-variant-forecast"

/** A variant's forecast summary in a run, as the forecasts route shows it. */
export type VariantForecastRow = {
  id: string
  sku: string | null
  model: string
  segment: string
  reason: string | null
  history_periods: number
  metrics: Record<string, number> | null
  restock: Record<string, unknown> | null
  category: string | null
}

/** One row per variant and run (orion_variant_forecast): model, demand class, metrics, reorder point. */
export const OrionVariantForecastRepository = dataSource
  .getRepository(OrionVariantForecast)
  .extend({
    async ofVariant(
      runId: string,
      variantId: string
    ): Promise<VariantForecastRow | undefined> {
      const [row]: VariantForecastRow[] = await this.query(
        `SELECT id, sku, model, segment, reason, history_periods, metrics, restock, category FROM "orion_variant_forecast"
         WHERE run_id = $1 AND variant_id = $2`,
        [runId, variantId]
      )
      return row
    },

    async insertBulk(runId: string, c: VariantForecastColumns): Promise<void> {
      await this.query(
        `INSERT INTO "orion_variant_forecast" ("id", "run_id", "variant_id", "sku", "category", "model", "segment", "reason",
           "history_periods", "metrics", "restock")
         SELECT 'ovf_' || replace(gen_random_uuid()::text, '-', ''), $1, * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[],
           $5::varchar[], $6::varchar[], $7::text[], $8::int[], $9::jsonb[], $10::jsonb[])`,
        [
          runId,
          c.variant_ids,
          c.skus,
          c.categories,
          c.models,
          c.segments,
          c.reasons,
          c.history_periods,
          c.metrics,
          c.restock,
        ]
      )
    },

    /** Drops the rows of failed runs, then those of succeeded runs older than the `keep` latest. */
    async prune(keep: number): Promise<void> {
      await this.query(
        `DELETE FROM "orion_variant_forecast" WHERE run_id IN (SELECT id FROM "orion_forecast_run" WHERE status = 'failed')`
      )
      await this.query(
        `DELETE FROM "orion_variant_forecast" WHERE run_id IN (
           SELECT id FROM "orion_forecast_run" WHERE status = 'succeeded' ORDER BY created_at DESC OFFSET $1)`,
        [keep]
      )
    },
  })

export default OrionVariantForecastRepository
