import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { noLiveLease, rowsOf } from "@shabou/ops"
import {
  OrionForecastRun,
  type OrionRunProgress,
} from "../models/orion-forecast-run"

/** A run row as raw SQL reads it (`forecast_start` is a Date from node-pg). */
export type ForecastRunRow = {
  id: string
  status: string
  trigger: string
  frequency: "week" | "month"
  horizon: number
  forecast_start: Date | string | null
  finished_at: Date | null
}

/** A run's status, progress and counts (the owner's dashboard). */
export type RunSummaryRow = OrionRunProgress

/** What a finished run's execution stores on its row. */
export type ForecastRunResults = {
  variant_count: number
  alert_count: number
  model_wins: Record<string, number>
  backtest: unknown[]
  calendar_effects: Record<string, unknown>
  forecast_start: string
  weather_effects: unknown | null
}

/** The forecast runs (orion_forecast_run): status, progress and results. */
export const OrionForecastRunRepository = dataSource
  .getRepository(OrionForecastRun)
  .extend({
    /** Fails the runs left "running" without a live lease `lease`; how many. */
    async failDead(lease: string): Promise<number> {
      const result = await this.query(
        `UPDATE "orion_forecast_run" SET "status" = 'failed', "finished_at" = now(), "updated_at" = now(),
           "error" = 'the process running it stopped (its run lease expired without renewal)'
         WHERE "status" = 'running' AND ${noLiveLease("$1")} RETURNING id`,
        [lease]
      )
      return rowsOf<{ id: string }>(result).length
    },

    async setProgress(id: string, progress: number, stage: string) {
      await this.query(
        `UPDATE "orion_forecast_run" SET "progress" = $2, "stage" = $3, "updated_at" = now() WHERE id = $1`,
        [id, progress, stage]
      )
    },

    async triggerOf(id: string): Promise<string | null> {
      const [row]: { trigger: string }[] = await this.query(
        `SELECT "trigger" FROM "orion_forecast_run" WHERE id = $1`,
        [id]
      )
      return row?.trigger ?? null
    },

    async markSucceeded(id: string, durationMs: number) {
      await this.query(
        `UPDATE "orion_forecast_run" SET "status" = 'succeeded', "progress" = 1, "stage" = 'done', "finished_at" = now(),
           "duration_ms" = $2, "updated_at" = now() WHERE id = $1`,
        [id, durationMs]
      )
    },

    async markFailed(id: string, durationMs: number, error: string) {
      await this.query(
        `UPDATE "orion_forecast_run" SET "status" = 'failed', "finished_at" = now(), "duration_ms" = $2, "error" = $3, "updated_at" = now()
         WHERE id = $1`,
        [id, durationMs, error]
      )
    },

    async saveResults(id: string, r: ForecastRunResults) {
      await this.query(
        `UPDATE "orion_forecast_run" SET "variant_count" = $2, "alert_count" = $3, "model_wins" = $4, "backtest" = $5,
           "calendar_effects" = $6, "forecast_start" = $7, "weather_effects" = $8, "updated_at" = now() WHERE id = $1`,
        [
          id,
          r.variant_count,
          r.alert_count,
          JSON.stringify(r.model_wins),
          JSON.stringify(r.backtest),
          JSON.stringify(r.calendar_effects),
          r.forecast_start,
          r.weather_effects ? JSON.stringify(r.weather_effects) : null,
        ]
      )
    },

    /** The run `id`, or (without one) the latest succeeded run that stored variant forecasts. */
    async forecastsRun(id?: string): Promise<ForecastRunRow | undefined> {
      const [run]: ForecastRunRow[] = id
        ? await this.query(`SELECT * FROM "orion_forecast_run" WHERE id = $1`, [
            id,
          ])
        : await this.query(
            `SELECT r.* FROM "orion_forecast_run" r WHERE r.status = 'succeeded'
               AND EXISTS (SELECT 1 FROM "orion_variant_forecast" vf WHERE vf.run_id = r.id)
             ORDER BY r.created_at DESC LIMIT 1`
          )
      return run
    },

    /** The latest run (created last), as stored: a run whose process died still reads "running". */
    async latest(): Promise<RunSummaryRow | null> {
      const [run]: RunSummaryRow[] = await this.query(
        `SELECT id, status, progress, stage, started_at, finished_at, variant_count, alert_count
         FROM "orion_forecast_run" ORDER BY created_at DESC LIMIT 1`
      )
      return run ?? null
    },
  })

export default OrionForecastRunRepository
