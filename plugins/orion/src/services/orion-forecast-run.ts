import { TransactionBaseService } from "@medusajs/medusa"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { OrionForecastRun } from "../models/orion-forecast-run"
import {
  ForecastRunResults,
  OrionForecastRunRepository,
  RunSummaryRow,
} from "../repositories/orion-forecast-run"

type InjectedDependencies = {
  manager: EntityManager
  orionForecastRunRepository: typeof OrionForecastRunRepository
}

/** the run lease (@shabou/ops) every forecast run holds, on whichever instance it runs */
export const FORECAST_LEASE = "orion-forecast"

/**
 * The records of the forecast runs: created running, their progress, their end (succeeded or
 * failed) and results. Each write is its own transaction, seen at once by the admin polling it.
 * A run left "running" without a live lease lost its process: reading the runs fails it first.
 */
export default class OrionForecastRunService extends TransactionBaseService {
  protected readonly runRepository_: typeof OrionForecastRunRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.runRepository_ = container.orionForecastRunRepository
  }

  private repo(m: EntityManager = this.activeManager_) {
    return m.withRepository(this.runRepository_)
  }

  async create(
    fields: Pick<OrionForecastRun, "id" | "trigger" | "frequency" | "horizon">
  ): Promise<OrionForecastRun> {
    return this.atomicPhase_(async (m) => {
      const repo = this.repo(m)
      return repo.save(
        repo.create({
          ...fields,
          status: "running",
          progress: 0,
          stage: "queued",
          started_at: new Date(),
          forecast_start: null,
        })
      )
    })
  }

  /** Runs left "running" without a live lease: their process died (kill -9, a lost machine). */
  async failDeadRuns(): Promise<number> {
    return this.atomicPhase_((m) => this.repo(m).failDead(FORECAST_LEASE))
  }

  async retrieve(id: string): Promise<OrionForecastRun> {
    await this.failDeadRuns()
    const run = await this.repo().findOne({ where: { id } })
    if (!run) {
      throw notFound(`forecast run ${id} not found`)
    }
    return run
  }

  async list(page: { limit: number; offset: number }) {
    await this.failDeadRuns()
    const [runs, count] = await this.repo().findAndCount({
      order: { created_at: "DESC" },
      take: page.limit,
      skip: page.offset,
    })
    return { runs, count, limit: page.limit, offset: page.offset }
  }

  async triggerOf(id: string): Promise<string | null> {
    return this.repo().triggerOf(id)
  }

  /** progress 0…1 (clamped) and what the run is doing */
  async setProgress(id: string, progress: number, stage: string) {
    const p = Math.min(1, Math.max(0, progress))
    await this.atomicPhase_((m) => this.repo(m).setProgress(id, p, stage))
  }

  async markSucceeded(id: string, durationMs: number) {
    await this.atomicPhase_((m) => this.repo(m).markSucceeded(id, durationMs))
  }

  async markFailed(id: string, durationMs: number, error: string) {
    await this.atomicPhase_((m) =>
      this.repo(m).markFailed(id, durationMs, error)
    )
  }

  async saveResults(id: string, results: ForecastRunResults) {
    await this.atomicPhase_((m) => this.repo(m).saveResults(id, results))
  }

  /**
   * The latest run's status, progress and counts, or null before the first run (the owner's dashboard).
   * A read only: unlike `list` and `retrieve`, it does not first fail the runs whose process died.
   */
  async latest(): Promise<RunSummaryRow | null> {
    return this.repo().latest()
  }
}
