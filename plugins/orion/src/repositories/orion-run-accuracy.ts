import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import type { PooledAccuracy } from "../lib/accuracy"
import type { Frequency } from "../lib/types"
import { OrionRunAccuracy } from "../models/orion-run-accuracy"

/** A succeeded run whose forecasts may be scored, and how far it is scored already. */
export type ScorableRunRow = {
  id: string
  frequency: Frequency
  horizon: number
  forecast_start: string
  periods_evaluated: number | null
}

/** A scored run as the accuracy routes show it, with its run's stored backtest. */
export type RunAccuracyRow = {
  run_id: string
  frequency: Frequency
  horizon: number
  forecast_start: string
  evaluated_through: string
  periods_evaluated: number
  overall: PooledAccuracy["overall"] | null
  by_category: PooledAccuracy["by_category"]
  by_segment: PooledAccuracy["by_segment"]
  evaluated_at: Date
  backtest: unknown
  created_at: Date
}

/** Per run, its forecasts scored against the sales since (orion_run_accuracy). */
export const OrionRunAccuracyRepository = dataSource
  .getRepository(OrionRunAccuracy)
  .extend({
    /** The succeeded runs with stored forecasts starting before `through`, oldest first. */
    async scorableRuns(through: string): Promise<ScorableRunRow[]> {
      return this.query(
        `SELECT r.id, r.frequency, r.horizon, to_char(r.forecast_start, 'YYYY-MM-DD') AS forecast_start, a.periods_evaluated
         FROM "orion_forecast_run" r LEFT JOIN "orion_run_accuracy" a ON a.run_id = r.id
         WHERE r.status = 'succeeded' AND r.forecast_start IS NOT NULL AND r.forecast_start < $1::date
           AND EXISTS (SELECT 1 FROM "orion_forecast" f WHERE f.run_id = r.id)
         ORDER BY r.forecast_start, r.created_at`,
        [through]
      )
    },

    /** A run's first forecast day (YYYY-MM-DD; null before it has one). */
    async forecastStartOf(runId: string): Promise<string | null> {
      const [run]: { forecast_start: string | null }[] = await this.query(
        `SELECT to_char(forecast_start, 'YYYY-MM-DD') AS forecast_start FROM "orion_forecast_run" WHERE id = $1`,
        [runId]
      )
      return run?.forecast_start ?? null
    },

    async upsert(
      run: ScorableRunRow,
      through: string,
      periods: number,
      pooled: PooledAccuracy
    ): Promise<void> {
      await this.query(
        `INSERT INTO "orion_run_accuracy" ("id", "run_id", "frequency", "horizon", "forecast_start", "evaluated_through", "periods_evaluated",
           "overall", "by_category", "by_segment")
         VALUES ('orac_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ("run_id") DO UPDATE SET "evaluated_through" = EXCLUDED."evaluated_through",
           "periods_evaluated" = EXCLUDED."periods_evaluated", "overall" = EXCLUDED."overall", "by_category" = EXCLUDED."by_category",
           "by_segment" = EXCLUDED."by_segment", "updated_at" = now()`,
        [
          run.id,
          run.frequency,
          run.horizon,
          run.forecast_start,
          through,
          periods,
          JSON.stringify(pooled.overall),
          JSON.stringify(pooled.by_category),
          JSON.stringify(pooled.by_segment),
        ]
      )
    },

    /** The latest `limit` scored runs (of one frequency, or all), oldest forecast first. */
    async latest(
      limit: number,
      frequency: Frequency | null
    ): Promise<RunAccuracyRow[]> {
      return this.query(
        `SELECT * FROM (
           SELECT a.run_id, a.frequency, a.horizon, to_char(a.forecast_start, 'YYYY-MM-DD') AS forecast_start,
                  to_char(a.evaluated_through, 'YYYY-MM-DD') AS evaluated_through, a.periods_evaluated, a.overall, a.by_category,
                  a.by_segment, a.updated_at AS evaluated_at, r.backtest, r.created_at
           FROM "orion_run_accuracy" a JOIN "orion_forecast_run" r ON r.id = a.run_id
           WHERE ($2::varchar IS NULL OR a.frequency = $2)
           ORDER BY a.forecast_start DESC, r.created_at DESC LIMIT $1
         ) x ORDER BY forecast_start, created_at`,
        [limit, frequency]
      )
    },
  })

export default OrionRunAccuracyRepository
