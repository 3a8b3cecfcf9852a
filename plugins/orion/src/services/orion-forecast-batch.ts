import os from "os"
import { Logger, TransactionBaseService } from "@medusajs/medusa"
import type { Job, Queue, Worker } from "bullmq"
import type Redis from "ioredis"
import { EntityManager } from "typeorm"
import { decodeJson, encodeJson } from "../lib/calendar-forecast"
import {
  runForecastBatch,
  StoredBatchInput,
  StoredBatchOutput,
} from "../lib/forecast-batch"
import { forecastColumns, variantForecastColumns } from "../lib/forecast-rows"
import { OrionOptions, resolveOptions, ResolvedOrionOptions } from "../options"
import { OrionForecastRepository } from "../repositories/orion-forecast"
import { OrionForecastBatchRepository } from "../repositories/orion-forecast-batch"
import { OrionVariantForecastRepository } from "../repositories/orion-variant-forecast"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  orionForecastBatchRepository: typeof OrionForecastBatchRepository
  orionForecastRepository: typeof OrionForecastRepository
  orionVariantForecastRepository: typeof OrionVariantForecastRepository
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
  protected readonly batchRepository_: typeof OrionForecastBatchRepository
  protected readonly forecastRepository_: typeof OrionForecastRepository
  protected readonly variantForecastRepository_: typeof OrionVariantForecastRepository

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.options_ = resolveOptions(options)
    this.logger_ = container.logger
    this.batchRepository_ = container.orionForecastBatchRepository
    this.forecastRepository_ = container.orionForecastRepository
    this.variantForecastRepository_ = container.orionVariantForecastRepository
  }

  private batchRepo(m: EntityManager = this.activeManager_) {
    return m.withRepository(this.batchRepository_)
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

  /** Writes the batches of a run, all pending (in one transaction). */
  async create(runId: string, inputs: StoredBatchInput[]): Promise<void> {
    await this.atomicPhase_(async (m) => {
      const repo = this.batchRepo(m)
      for (let i = 0; i < inputs.length; i++) {
        await repo.insertPending(
          runId,
          i,
          inputs[i].variants.length,
          encodeJson(inputs[i])
        )
      }
    })
  }

  /** Puts a run's pending batches in the queue (one job each, id `<run>-<index>`). */
  async dispatch(runId: string): Promise<void> {
    const indexes = await this.batchRepo().pendingIndexes(runId)
    await this.queue().addBulk(
      indexes.map((index) => ({
        name: "forecast-batch",
        data: { run_id: runId, index },
        opts: {
          jobId: `${runId}-${index}`,
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
    const indexes = await this.batchRepo().pendingIndexes(runId)
    await Promise.all(
      indexes.map((index) =>
        this.queue()
          .remove(`${runId}-${index}`)
          .catch(() => 0)
      )
    )
  }

  /**
   * Runs one batch: forecasts its variants and writes their forecasts, its output and `done` in one
   * transaction. A batch already done, or whose run is no longer running, is skipped.
   */
  async runBatch(runId: string, index: number): Promise<"done" | "skipped"> {
    const row = await this.atomicPhase_((m) =>
      this.batchRepo(m).startAttempt(runId, index)
    )
    if (!row) {
      return "skipped"
    }
    const input = decodeJson<StoredBatchInput>(row.input)
    const result = runForecastBatch(input)
    const output: StoredBatchOutput = {
      models: result.forecasts.map((f) => f.model),
      alerts: result.alerts,
      insights: result.insights,
    }
    const written = await this.atomicPhase_(async (m) => {
      const batches = this.batchRepo(m)
      if ((await batches.lockStatus(row.id)) !== "pending") {
        return false // another process finished it first (this one was thought dead)
      }
      await m
        .withRepository(this.forecastRepository_)
        .insertBulk(runId, forecastColumns(input, result))
      await m
        .withRepository(this.variantForecastRepository_)
        .insertBulk(runId, variantForecastColumns(input, result))
      await batches.markDone(row.id, encodeJson(output), processLabel())
      return true
    })
    return written ? "done" : "skipped"
  }

  /** Marks a batch failed for good (its run fails with this reason). */
  async fail(runId: string, index: number, reason: string): Promise<void> {
    await this.atomicPhase_((m) =>
      this.batchRepo(m).markFailed(runId, index, reason, processLabel())
    )
  }

  async summary(runId: string): Promise<BatchSummary> {
    const rows = await this.batchRepo().statuses(runId)
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
    const outputs = await this.batchRepo().outputs(runId)
    return outputs.map((output, i) => {
      if (output === null) {
        throw new Error(`batch ${i} of run ${runId} has no output`)
      }
      return decodeJson<StoredBatchOutput>(output)
    })
  }

  /** Drops the inputs and outputs of finished runs' batches (the batch rows stay, for the record). */
  async prune(): Promise<void> {
    await this.atomicPhase_((m) => this.batchRepo(m).pruneFinished())
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
