import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { LeaseBusyError, RunLease, timeRun } from "@shabou/ops"

import type { ProspectorPlacesRequestRepository } from "../repositories/prospector-places-request"
import type {
  ProspectorRunRepository,
  RunRow,
  RunTrigger,
} from "../repositories/prospector-run"

type InjectedDependencies = {
  manager: EntityManager
  prospectorRunRepository: typeof ProspectorRunRepository
  prospectorPlacesRequestRepository: typeof ProspectorPlacesRequestRepository
}

/**
 * Run leases (@shabou/ops): one lead search and one price-watch pass at a time across every process
 * and machine; a run whose process died is released when its lease expires (RUN_LEASE_TTL_SECONDS).
 */
export const SEARCH_LEASE = "prospector-search"
export const WATCH_LEASE = "prospector-watch"
const LEASE_OF_KIND: Record<"search" | "watch", string> = {
  search: SEARCH_LEASE,
  watch: WATCH_LEASE,
}

/** The run log shared by the lead search, the price watch and the report, and the run leases. */
export default class ProspectorRunLogService extends TransactionBaseService {
  protected readonly runRepository_: typeof ProspectorRunRepository
  protected readonly placesRequestRepository_: typeof ProspectorPlacesRequestRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.runRepository_ = container.prospectorRunRepository
    this.placesRequestRepository_ = container.prospectorPlacesRequestRepository
  }

  async startRun(
    kind: string,
    trigger: RunTrigger,
    params: Record<string, unknown>,
    runDate: string | null = null
  ): Promise<string> {
    const id = generateEntityId(undefined, "prun")
    await this.atomicPhase_(async (manager) => {
      await manager
        .withRepository(this.runRepository_)
        .start({ id, kind, trigger, run_date: runDate, params })
    })
    return id
  }

  async finishRun(
    id: string,
    status: "completed" | "failed",
    summary: object,
    errors: object[]
  ): Promise<RunRow> {
    await this.atomicPhase_(async (manager) => {
      await manager
        .withRepository(this.runRepository_)
        .finish(id, status, summary, errors)
    })
    return this.retrieveRun(id)
  }

  /**
   * Runs left "running" by a process that died: every run of `kind` when the caller holds that
   * kind's lease, otherwise (kind omitted) the runs whose kind has no live lease. Reports hold none
   * (they take seconds and run in one statement's time), so a running report is left alone.
   */
  async markInterrupted(kind?: string): Promise<number> {
    return await this.atomicPhase_(async (manager) => {
      const runs = manager.withRepository(this.runRepository_)
      return kind
        ? await runs.interruptKind(kind)
        : await runs.interruptUnleased()
    })
  }

  async listRuns(
    filter: { kind?: string; status?: string },
    page: { limit: number; offset: number }
  ): Promise<[RunRow[], number]> {
    await this.markInterrupted()
    return await this.activeManager_
      .withRepository(this.runRepository_)
      .listAndCount(filter, page)
  }

  async retrieveRun(id: string): Promise<RunRow & { ledger_requests: number }> {
    await this.markInterrupted()
    const row = await this.activeManager_
      .withRepository(this.runRepository_)
      .findRow(id)
    if (!row) {
      throw notFound(`Run ${id} was not found`)
    }
    const requests = await this.activeManager_
      .withRepository(this.placesRequestRepository_)
      .countForRun(id)
    return { ...row, ledger_requests: requests }
  }

  /** The local date of the last scheduled search that ran, failed or is running. */
  async lastScheduledSearchDate(): Promise<string | null> {
    return await this.activeManager_
      .withRepository(this.runRepository_)
      .lastScheduledSearchDate()
  }

  /**
   * Runs `fn` holding the run lease of `kind` (renewed while it works, released at the end), after
   * marking that kind's runs left "running" by a dead process as interrupted; refused (NOT_ALLOWED)
   * while a live run of that kind holds it, on any instance.
   */
  async withLease<T extends { status: string }>(
    kind: "search" | "watch",
    what: string,
    trigger: string,
    fn: (lease: RunLease) => Promise<T>
  ): Promise<T> {
    return await timeRun(
      kind,
      trigger,
      async () => {
        // the lease renews itself on a timer, whatever this shared service is doing then: it queries
        // through the data source's own manager, never a transaction's (atomicPhase_ swaps activeManager_)
        const m = this.activeManager_.connection.manager
        let lease: RunLease
        try {
          lease = await RunLease.acquire(
            (sql, params) => m.query(sql, params),
            LEASE_OF_KIND[kind],
            what
          )
        } catch (e) {
          if (e instanceof LeaseBusyError) {
            throw new MedusaError(MedusaError.Types.NOT_ALLOWED, e.message)
          }
          throw e
        }
        try {
          await this.markInterrupted(kind)
          return await fn(lease)
        } finally {
          await lease.release()
        }
      },
      (run) => (run?.status === "completed" ? "succeeded" : "failed")
    )
  }
}
