import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { generateEntityId } from "@medusajs/utils"
import { LeaseBusyError, RunLease, timeRun } from "@shabou/ops"
import { EntityManager } from "typeorm"
import { Frequency } from "../lib/types"
import { OrionForecastRun } from "../models/orion-forecast-run"
import {
  DEFAULT_HORIZON,
  OrionOptions,
  resolveOptions,
  ResolvedOrionOptions,
} from "../options"
import { OrionForecastRepository } from "../repositories/orion-forecast"
import { OrionVariantForecastRepository } from "../repositories/orion-variant-forecast"
import type OrionAccuracyService from "./orion-accuracy"
import type OrionForecastBatchService from "./orion-forecast-batch"
import type OrionForecastExecutionService from "./orion-forecast-execution"
import type OrionForecastRunService from "./orion-forecast-run"
import { FORECAST_LEASE } from "./orion-forecast-run"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  orionAccuracyService: OrionAccuracyService
  orionForecastBatchService: OrionForecastBatchService
  orionForecastExecutionService: OrionForecastExecutionService
  orionForecastRunService: OrionForecastRunService
  orionForecastRepository: typeof OrionForecastRepository
  orionVariantForecastRepository: typeof OrionVariantForecastRepository
}

export type RunRequest = {
  trigger?: string
  frequency?: Frequency
  horizon?: number
  /** the run's "today" (ISO date); default now */
  as_of?: string
}

export { FORECAST_LEASE }

/**
 * Forecast runs: creates a run holding the forecast lease (one run at a time across every instance),
 * has orionForecastExecutionService do its work, scores the earlier runs (orionAccuracyService), ends
 * the run and prunes old forecasts. The run records are orionForecastRunService's.
 */
export default class OrionForecastService extends TransactionBaseService {
  protected readonly options_: ResolvedOrionOptions
  protected readonly logger_: Logger
  protected readonly accuracy_: OrionAccuracyService
  protected readonly batches_: OrionForecastBatchService
  protected readonly execution_: OrionForecastExecutionService
  protected readonly runs_: OrionForecastRunService
  protected readonly forecastRepository_: typeof OrionForecastRepository
  protected readonly variantForecastRepository_: typeof OrionVariantForecastRepository
  /** leases held by the runs of this process, by run id */
  private readonly leases_ = new Map<string, RunLease>()

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.options_ = resolveOptions(options)
    this.logger_ = container.logger
    this.accuracy_ = container.orionAccuracyService
    this.batches_ = container.orionForecastBatchService
    this.execution_ = container.orionForecastExecutionService
    this.runs_ = container.orionForecastRunService
    this.forecastRepository_ = container.orionForecastRepository
    this.variantForecastRepository_ = container.orionVariantForecastRepository
  }

  /**
   * Creates a running run holding the forecast lease, or refuses (409) while another live run holds
   * it, on any instance. A run whose process died stops renewing its lease: within the lease's
   * lifetime (RUN_LEASE_TTL_SECONDS, 30 s) it is marked failed and a new run may start.
   */
  async createRun(req: RunRequest = {}): Promise<OrionForecastRun> {
    const frequency = req.frequency ?? this.options_.frequency
    if (frequency !== "week" && frequency !== "month") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `frequency must be "week" or "month", got ${JSON.stringify(frequency)}`
      )
    }
    const horizon =
      req.horizon ??
      (frequency === this.options_.frequency
        ? this.options_.horizon
        : DEFAULT_HORIZON[frequency])
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > 104) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `horizon must be an integer between 1 and 104, got ${JSON.stringify(horizon)}`
      )
    }
    if (req.as_of !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(req.as_of)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `as_of must be a YYYY-MM-DD date, got ${JSON.stringify(req.as_of)}`
      )
    }
    // the lease renews itself on a timer, after any transaction here is over: it queries through the
    // data source's own manager, never a transaction's
    const m = this.activeManager_.connection.manager
    const id = generateEntityId(undefined, "orun")
    let lease: RunLease
    try {
      lease = await RunLease.acquire(
        (sql, params) => m.query(sql, params),
        FORECAST_LEASE,
        "A forecast run",
        { runId: id }
      )
    } catch (e) {
      if (e instanceof LeaseBusyError) {
        throw new MedusaError(MedusaError.Types.CONFLICT, e.message)
      }
      throw e
    }
    try {
      // we hold the lease: a run still "running" lost its process
      await this.runs_.failDeadRuns()
      const run = await this.runs_.create({
        id,
        trigger: req.trigger ?? "manual",
        frequency,
        horizon,
      })
      this.leases_.set(run.id, lease)
      return run
    } catch (e) {
      await lease.release()
      throw e
    }
  }

  /** Starts a run in the background and returns it at once (for the admin API). */
  async startRun(req: RunRequest = {}): Promise<OrionForecastRun> {
    const run = await this.createRun(req)
    setImmediate(() => {
      this.executeRun(run.id, req.as_of).catch((e) =>
        this.logger_.error(
          `orion: run ${run.id} failed: ${(e as Error).message}`
        )
      )
    })
    return run
  }

  /** Creates and executes a run, resolving when it is finished (for the scheduled job and scripts). */
  async runNow(req: RunRequest = {}): Promise<OrionForecastRun> {
    const run = await this.createRun(req)
    await this.executeRun(run.id, req.as_of)
    return this.runs_.retrieve(run.id)
  }

  private async progress(
    id: string,
    progress: number,
    stage: string
  ): Promise<void> {
    this.leases_.get(id)?.assertHeld()
    await this.runs_.setProgress(id, progress, stage)
  }

  async executeRun(id: string, asOfIso?: string): Promise<void> {
    const started = Date.now()
    const trigger = await this.runs_.triggerOf(id)
    try {
      await timeRun("forecast", trigger ?? "manual", async () => {
        try {
          await this.execution_.execute(
            await this.runs_.retrieve(id),
            asOfIso,
            {
              lease: this.leases_.get(id),
              progress: (p, stage) => this.progress(id, p, stage),
            }
          )
          this.leases_.get(id)?.assertHeld()
          // score the earlier runs against the sales since (before the run shows as finished, and before
          // their forecasts are pruned); a failure there is logged, never fails the run
          await this.accuracy_.evaluateAfterRun(id)
          await this.runs_.markSucceeded(id, Date.now() - started)
          await this.prune()
        } catch (e) {
          await this.runs_.markFailed(
            id,
            Date.now() - started,
            (e as Error).stack ?? String(e)
          )
          throw e
        }
      })
    } finally {
      await this.leases_.get(id)?.release()
      this.leases_.delete(id)
    }
  }

  /**
   * Keeps the forecasts of the last `keepRuns` succeeded runs; older runs keep their record only. The
   * forecasts that batches of failed runs wrote go, and so do the inputs of finished runs' batches.
   */
  private async prune(): Promise<void> {
    const keep = this.options_.keepRuns
    await this.atomicPhase_((m) =>
      m.withRepository(this.forecastRepository_).prune(keep)
    )
    await this.atomicPhase_((m) =>
      m.withRepository(this.variantForecastRepository_).prune(keep)
    )
    await this.batches_.prune()
  }
}
