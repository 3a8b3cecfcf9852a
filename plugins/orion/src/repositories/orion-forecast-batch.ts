import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { rowsOf } from "@shabou/ops"
import { OrionForecastBatch } from "../models/orion-forecast-batch"

/** A batch row as the run's summary reads it. */
export type BatchStatusRow = {
  index: number
  status: string
  variant_count: number
  worker: string | null
  error: string | null
}

/** The batches of the forecast runs (orion_forecast_batch): input, status, output. */
export const OrionForecastBatchRepository = dataSource
  .getRepository(OrionForecastBatch)
  .extend({
    async insertPending(
      runId: string,
      index: number,
      variantCount: number,
      input: string
    ): Promise<void> {
      await this.query(
        `INSERT INTO "orion_forecast_batch" ("id", "run_id", "index", "status", "variant_count", "input")
         VALUES ('ofb_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, 'pending', $3, $4)`,
        [runId, index, variantCount, input]
      )
    },

    /** The indexes of a run's pending batches, in order. */
    async pendingIndexes(runId: string): Promise<number[]> {
      const rows: { index: number }[] = await this.query(
        `SELECT "index" FROM "orion_forecast_batch" WHERE run_id = $1 AND status = 'pending' ORDER BY "index"`,
        [runId]
      )
      return rows.map((r) => r.index)
    },

    /** Counts an attempt of a pending batch of a running run; its id and input (none: skip it). */
    async startAttempt(
      runId: string,
      index: number
    ): Promise<{ id: string; input: string } | undefined> {
      const started = await this.query(
        `UPDATE "orion_forecast_batch" b SET "attempts" = b."attempts" + 1, "updated_at" = now()
         FROM "orion_forecast_run" r
         WHERE b.run_id = $1 AND b."index" = $2 AND b.status = 'pending' AND r.id = b.run_id AND r.status = 'running'
         RETURNING b.id, b."input"`,
        [runId, index]
      )
      return rowsOf<{ id: string; input: string }>(started)[0]
    },

    /** Locks the batch row (inside a transaction) and reads its status. */
    async lockStatus(id: string): Promise<string | undefined> {
      const [locked]: { status: string }[] = await this.query(
        `SELECT status FROM "orion_forecast_batch" WHERE id = $1 FOR UPDATE`,
        [id]
      )
      return locked?.status
    },

    async markDone(id: string, output: string, worker: string): Promise<void> {
      await this.query(
        `UPDATE "orion_forecast_batch" SET status = 'done', "output" = $2, "worker" = $3, "error" = NULL, "finished_at" = now(), "updated_at" = now()
         WHERE id = $1`,
        [id, output, worker]
      )
    },

    async markFailed(
      runId: string,
      index: number,
      reason: string,
      worker: string
    ): Promise<void> {
      await this.query(
        `UPDATE "orion_forecast_batch" SET status = 'failed', "error" = $3, "worker" = $4, "finished_at" = now(), "updated_at" = now()
         WHERE run_id = $1 AND "index" = $2 AND status = 'pending'`,
        [runId, index, reason, worker]
      )
    },

    async statuses(runId: string): Promise<BatchStatusRow[]> {
      return this.query(
        `SELECT "index", status, variant_count, worker, error FROM "orion_forecast_batch" WHERE run_id = $1 ORDER BY "index"`,
        [runId]
      )
    },

    /** The stored outputs of a run's batches, in batch order (null: not done). */
    async outputs(runId: string): Promise<(string | null)[]> {
      const rows: { output: string | null }[] = await this.query(
        `SELECT "output" FROM "orion_forecast_batch" WHERE run_id = $1 ORDER BY "index"`,
        [runId]
      )
      return rows.map((r) => r.output)
    },

    /** Drops the inputs and outputs of finished runs' batches (the rows stay, for the record). */
    async pruneFinished(): Promise<void> {
      await this.query(
        `UPDATE "orion_forecast_batch" b SET "input" = '', "output" = NULL FROM "orion_forecast_run" r
         WHERE r.id = b.run_id AND r.status <> 'running' AND b."input" <> ''`
      )
    },
  })

export default OrionForecastBatchRepository
