import os from "os"
import { Logger, TransactionBaseService } from "@medusajs/medusa"
import type { Job, Queue, Worker } from "bullmq"
import type Redis from "ioredis"
import { rowsOf } from "@shabou/ops"
import { EntityManager } from "typeorm"
import { decodeJson, encodeJson } from "../lib/calendar-forecast"
import {
  BatchAlert,
  ForecastBatchInput,
  runForecastBatch,
} from "../lib/forecast-batch"
import { QUANTILE_KEYS } from "../lib/types"
import {
  OrionOptions,
  resolveOptions,
  ResolvedOrionOptions,
} from "../types/options"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
}

/** What a batch row's `input` holds: the pure batch input, and the backtest metrics stored per demand class. */
export type StoredBatchInput = ForecastBatchInput & {
  period_starts: string[]
  metrics: Record<string, Record<string, number>>
}

/** What a batch row's `output` holds once done. */
export type StoredBatchOutput = {
  models: string[]
  alerts: BatchAlert[]
  insights: BatchAlert[]
}

export type BatchSummary = {
  total: number
  done: number
  failed: number
  pending: number
  /** the processes that ran the done batches (`<host>:<pid>`), with how many each */
  workers: Record<string, number>
  /** the first failed batch, when one failed for good */
  failure: { index: number; variants: number; error: string } | null
}

type BatchJob = { run_id: string; index: number }

/** BullMQ queue of forecast batches (key prefix `<REDIS_PREFIX>bull`), taken by `worker` and `shared` instances. */
export const BATCH_QUEUE = "orion-forecast-batches"
/** runs of a batch before it is failed for good (the first and two retries) */
export const BATCH_ATTEMPTS = 3

/** This process, as named in a batch's `worker` column. */
export const processLabel = () => `${os.hostname()}:${process.pid}`

/**
 * The batches of forecast runs. A run (orionForecastService) writes its batches, then either hands them to
 * the BullMQ queue `orion-forecast-batches` (with REDIS_URL), where every instance whose worker mode is
 * `worker` or `shared` takes them one at a time, or runs them itself one after the other (no Redis). Either
 * way a batch is `runBatch`: the same input, the same pure computation (lib/forecast-batch.ts), the same rows.
 *
 * A failed batch is retried by BullMQ (3 runs in all, 2 s then 4 s apart), then marked failed with its
 * error, which fails the run. A batch whose process died (kill -9, a lost machine) keeps no lock: BullMQ's
 * stalled-job check puts it back in the queue within `lockDuration` + `stalledInterval` (about 45 s) and
 * another instance runs it. A batch runs at most once to the end: its rows and its `done` are written in one
 * transaction that first checks it is still pending.
 */
export default class OrionForecastBatchService extends TransactionBaseService {
  protected readonly options_: ResolvedOrionOptions
  protected readonly logger_: Logger
  private queue_: Queue<BatchJob> | null = null
  private worker_: Worker<BatchJob> | null = null
  private connections_: Redis[] = []

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.options_ = resolveOptions(options)
    this.logger_ = container.logger
  }

  /** true with REDIS_URL: batches go to the queue; false: the run's process runs them itself */
  get distributed(): boolean {
    return this.options_.redisUrl !== null
  }

  get batchSize(): number {
    return this.options_.batchSize
  }

  private connection(): Redis {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const IORedis = require("ioredis")
    const c: Redis = new IORedis(this.options_.redisUrl, {
      maxRetriesPerRequest: null,
      enableReadyCheck: false,
    })
    c.on("error", (e: Error) =>
      this.logger_.warn(`orion: batch queue Redis: ${e.message}`)
    )
    this.connections_.push(c)
    return c
  }

  private queue(): Queue<BatchJob> {
    if (!this.queue_) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Queue } = require("bullmq")
      this.queue_ = new Queue(BATCH_QUEUE, {
        connection: this.connection(),
        prefix: `${this.options_.redisPrefix}bull`,
      }) as Queue<BatchJob>
    }
    return this.queue_
  }

  /** Writes the batches of a run, all pending. */
  async create(runId: string, inputs: StoredBatchInput[]): Promise<void> {
    await this.manager_.transaction(async (tx) => {
      for (let i = 0; i < inputs.length; i++) {
        await tx.query(
          `INSERT INTO "orion_forecast_batch" ("id", "run_id", "index", "status", "variant_count", "input")
           VALUES ('ofb_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, 'pending', $3, $4)`,
          [runId, i, inputs[i].variants.length, encodeJson(inputs[i])]
        )
      }
    })
  }

  /** Puts a run's pending batches in the queue (one job each, id `<run>-<index>`). */
  async dispatch(runId: string): Promise<void> {
    const rows: { index: number }[] = await this.manager_.query(
      `SELECT "index" FROM "orion_forecast_batch" WHERE run_id = $1 AND status = 'pending' ORDER BY "index"`,
      [runId]
    )
    await this.queue().addBulk(
      rows.map((r) => ({
        name: "forecast-batch",
        data: { run_id: runId, index: r.index },
        opts: {
          jobId: `${runId}-${r.index}`,
          attempts: BATCH_ATTEMPTS,
          backoff: { type: "exponential", delay: 2000 },
          removeOnComplete: { age: 3600, count: 10000 },
          removeOnFail: { age: 7 * 86400 },
        },
      }))
    )
  }

  /** Takes the run's batches out of the queue (the run failed or stopped); a batch already running finds its run over. */
  async cancel(runId: string): Promise<void> {
    if (!this.distributed) {
      return
    }
    const rows: { index: number }[] = await this.manager_.query(
      `SELECT "index" FROM "orion_forecast_batch" WHERE run_id = $1 AND status = 'pending'`,
      [runId]
    )
    await Promise.all(
      rows.map((r) =>
        this.queue()
          .remove(`${runId}-${r.index}`)
          .catch(() => 0)
      )
    )
  }

  /**
   * Runs one batch: forecasts its variants and writes their forecasts, its output and `done` in one
   * transaction. A batch already done, or whose run is no longer running, is skipped.
   */
  async runBatch(runId: string, index: number): Promise<"done" | "skipped"> {
    const started = await this.manager_.query(
      `UPDATE "orion_forecast_batch" b SET "attempts" = b."attempts" + 1, "updated_at" = now()
       FROM "orion_forecast_run" r
       WHERE b.run_id = $1 AND b."index" = $2 AND b.status = 'pending' AND r.id = b.run_id AND r.status = 'running'
       RETURNING b.id, b."input"`,
      [runId, index]
    )
    const [row] = rowsOf<{ id: string; input: string }>(started)
    if (!row) {
      return "skipped"
    }
    const input = decodeJson<StoredBatchInput>(row.input)
    const result = runForecastBatch(input)
    const ids = input.variants.map((v) => v.id)
    const output: StoredBatchOutput = {
      models: result.forecasts.map((f) => f.model),
      alerts: result.alerts,
      insights: result.insights,
    }
    const written = await this.manager_.transaction(async (tx) => {
      const [locked] = await tx.query(
        `SELECT status FROM "orion_forecast_batch" WHERE id = $1 FOR UPDATE`,
        [row.id]
      )
      if (locked?.status !== "pending") {
        return false // another process finished it first (this one was thought dead)
      }
      const vids: string[] = []
      const starts: string[] = []
      const idx: number[] = []
      const mean: number[] = []
      const mult: number[] = []
      const qs: number[][] = QUANTILE_KEYS.map(() => [])
      result.forecasts.forEach((fc, i) => {
        input.period_starts.forEach((p, k) => {
          vids.push(ids[i])
          starts.push(p)
          idx.push(k)
          mean.push(fc.mean[k])
          mult.push(fc.multipliers[k])
          QUANTILE_KEYS.forEach((key, j) => qs[j].push(fc.quantiles[key][k]))
        })
      })
      await tx.query(
        `INSERT INTO "orion_forecast" ("id", "run_id", "variant_id", "period_start", "period_index", "mean", "calendar_multiplier",
           "p10", "p20", "p30", "p40", "p50", "p60", "p70", "p80", "p90")
         SELECT 'ofc_' || replace(gen_random_uuid()::text, '-', ''), $1, * FROM unnest($2::varchar[], $3::date[], $4::int[], $5::real[], $6::real[],
           $7::real[], $8::real[], $9::real[], $10::real[], $11::real[], $12::real[], $13::real[], $14::real[], $15::real[])`,
        [runId, vids, starts, idx, mean, mult, ...qs]
      )
      await tx.query(
        `INSERT INTO "orion_variant_forecast" ("id", "run_id", "variant_id", "sku", "category", "model", "segment", "reason",
           "history_periods", "metrics", "restock")
         SELECT 'ovf_' || replace(gen_random_uuid()::text, '-', ''), $1, * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[],
           $5::varchar[], $6::varchar[], $7::text[], $8::int[], $9::jsonb[], $10::jsonb[])`,
        [
          runId,
          ids,
          input.variants.map((v) => v.sku),
          input.variants.map((v) => v.category),
          result.forecasts.map((f) => f.model),
          result.forecasts.map((f) => f.segment),
          result.forecasts.map((f) => f.reason ?? null),
          input.variants.map((v) => v.series.length),
          result.forecasts.map((f) =>
            JSON.stringify(input.metrics[f.segment] ?? null)
          ),
          result.restock.map((r) => JSON.stringify(r)),
        ]
      )
      await tx.query(
        `UPDATE "orion_forecast_batch" SET status = 'done', "output" = $2, "worker" = $3, "error" = NULL, "finished_at" = now(), "updated_at" = now()
         WHERE id = $1`,
        [row.id, encodeJson(output), processLabel()]
      )
      return true
    })
    return written ? "done" : "skipped"
  }

  /** Marks a batch failed for good (its run fails with this reason). */
  async fail(runId: string, index: number, reason: string): Promise<void> {
    await this.manager_.query(
      `UPDATE "orion_forecast_batch" SET status = 'failed', "error" = $3, "worker" = $4, "finished_at" = now(), "updated_at" = now()
       WHERE run_id = $1 AND "index" = $2 AND status = 'pending'`,
      [runId, index, reason, processLabel()]
    )
  }

  async summary(runId: string): Promise<BatchSummary> {
    const rows: {
      index: number
      status: string
      variant_count: number
      worker: string | null
      error: string | null
    }[] = await this.manager_.query(
      `SELECT "index", status, variant_count, worker, error FROM "orion_forecast_batch" WHERE run_id = $1 ORDER BY "index"`,
      [runId]
    )
    const workers: Record<string, number> = {}
    let failure: BatchSummary["failure"] = null
    for (const r of rows) {
      if (r.status === "done" && r.worker) {
        workers[r.worker] = (workers[r.worker] ?? 0) + 1
      }
      if (r.status === "failed" && !failure) {
        failure = {
          index: r.index,
          variants: r.variant_count,
          error: r.error ?? "unknown error",
        }
      }
    }
    const count = (s: string) => rows.filter((r) => r.status === s).length
    return {
      total: rows.length,
      done: count("done"),
      failed: count("failed"),
      pending: count("pending"),
      workers,
      failure,
    }
  }

  /** The outputs of a run's batches, in batch order (every batch done). */
  async outputs(runId: string): Promise<StoredBatchOutput[]> {
    const rows: { output: string | null }[] = await this.manager_.query(
      `SELECT "output" FROM "orion_forecast_batch" WHERE run_id = $1 ORDER BY "index"`,
      [runId]
    )
    return rows.map((r, i) => {
      if (r.output === null) {
        throw new Error(`batch ${i} of run ${runId} has no output`)
      }
      return decodeJson<StoredBatchOutput>(r.output)
    })
  }

  /** Drops the inputs and outputs of finished runs' batches (the batch rows stay, for the record). */
  async prune(): Promise<void> {
    await this.manager_.query(
      `UPDATE "orion_forecast_batch" b SET "input" = '', "output" = NULL FROM "orion_forecast_run" r
       WHERE r.id = b.run_id AND r.status <> 'running' AND b."input" <> ''`
    )
  }

  /**
   * Takes batches from the queue in this process (one at a time), until `close()`. Called by the server
   * of `worker` and `shared` instances (scripts/lib/app.js); a `server` instance and the command lines
   * take none. Without Redis there is no queue: nothing to do.
   */
  startConsumer(): boolean {
    if (!this.distributed || this.worker_) {
      return false
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker } = require("bullmq")
    const worker: Worker<BatchJob> = new Worker(
      BATCH_QUEUE,
      async (job: Job<BatchJob>) => {
        const outcome = await this.runBatch(job.data.run_id, job.data.index)
        return { outcome, worker: processLabel() }
      },
      {
        connection: this.connection(),
        prefix: `${this.options_.redisPrefix}bull`,
        concurrency: 1,
        // an idle worker is woken by one new job only (BullMQ 5 keeps one "jobs waiting" marker): when another
        // worker takes the queued batches, this one looks for waiting jobs again after at most 1 s
        drainDelay: 1,
        // a batch whose process died is put back in the queue after its lock expires (checked every 15 s)
        lockDuration: 30000,
        stalledInterval: 15000,
        maxStalledCount: 2,
      }
    )
    worker.on("failed", (job: Job<BatchJob> | undefined, err: Error) => {
      if (!job) {
        return
      }
      const final =
        Boolean(job.finishedOn) ||
        /stalled more than allowable limit/.test(err.message)
      this.logger_.warn(
        `orion: forecast batch ${job.data.index} of run ${job.data.run_id} failed (attempt ${job.attemptsMade} of ${BATCH_ATTEMPTS}): ${err.message}`
      )
      if (final) {
        this.fail(
          job.data.run_id,
          job.data.index,
          `failed after ${job.attemptsMade} attempt(s): ${err.message}`
        ).catch((e) =>
          this.logger_.error(
            `orion: could not mark forecast batch ${job.data.index} of run ${job.data.run_id} failed: ${(e as Error).message}`
          )
        )
      }
    })
    worker.on("error", (e: Error) =>
      this.logger_.warn(`orion: batch worker: ${e.message}`)
    )
    this.worker_ = worker
    return true
  }

  /** Stops taking batches (a running one finishes first) and closes the queue's Redis connections. */
  async close(): Promise<void> {
    const worker = this.worker_
    const queue = this.queue_
    this.worker_ = null
    this.queue_ = null
    await worker?.close().catch(() => undefined)
    await queue?.close().catch(() => undefined)
    for (const c of this.connections_.splice(0)) {
      c.disconnect()
    }
  }
}
