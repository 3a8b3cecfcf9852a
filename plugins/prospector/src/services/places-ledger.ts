import { TransactionBaseService } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { metrics } from "@shabou/ops"

import type { LedgerEntry } from "../lib/places-client"
import { pairKey } from "../lib/search-run"
import { monthStart } from "@shabou/ops"
import { optionsReader, ProspectorOptions } from "../options"
import type {
  PlacesRequestRow,
  ProspectorPlacesRequestRepository,
} from "../repositories/prospector-places-request"

type InjectedDependencies = {
  manager: EntityManager
  prospectorPlacesRequestRepository: typeof ProspectorPlacesRequestRepository
}

/** The Places request ledger: every HTTP request to Google, and the monthly usage counted from it. */
export default class PlacesLedgerService extends TransactionBaseService {
  protected readonly placesRequestRepository_: typeof ProspectorPlacesRequestRepository
  /** the plugin options, resolved at each call */
  readonly options: () => ProspectorOptions

  constructor(
    container: InjectedDependencies,
    options: Record<string, unknown>
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.placesRequestRepository_ = container.prospectorPlacesRequestRepository
    this.options = optionsReader(options)
  }

  /** Records one request at once, in its own transaction: a killed run still counts its requests. */
  async record(runId: string, area: string, entry: LedgerEntry): Promise<void> {
    metrics.placesRequests.inc({ status: String(entry.status) })
    await this.atomicPhase_(async (manager) => {
      await manager.withRepository(this.placesRequestRepository_).record({
        id: generateEntityId(undefined, "preq"),
        run_id: runId,
        query: entry.query,
        language: entry.language,
        area,
        tile: entry.tile,
        page: entry.page,
        attempt: entry.attempt,
        status: String(entry.status),
        at: entry.at,
      })
    })
  }

  async usedThisMonth(now = new Date()): Promise<number> {
    const since = monthStart(now, this.options().timezone)
    return await this.activeManager_
      .withRepository(this.placesRequestRepository_)
      .countSince(since)
  }

  /** This month's ledger by HTTP status (for the metrics). */
  async requestsThisMonthByStatus(
    now = new Date()
  ): Promise<{ status: string; count: number }[]> {
    const since = monthStart(now, this.options().timezone)
    return await this.activeManager_
      .withRepository(this.placesRequestRepository_)
      .countByStatusSince(since)
  }

  /** When each (area slug, query text) pair was last searched (by `pairKey`), in ms since the epoch. */
  async lastSearched(): Promise<Map<string, number>> {
    const rows = await this.activeManager_
      .withRepository(this.placesRequestRepository_)
      .lastSearched()
    return new Map(
      rows.map((r) => [pairKey(r.area, r.query), new Date(r.last).getTime()])
    )
  }

  async listLedger(
    filter: { run_id?: string; since?: Date },
    page: { limit: number; offset: number }
  ): Promise<[PlacesRequestRow[], number, number]> {
    const [rows, count] = await this.activeManager_
      .withRepository(this.placesRequestRepository_)
      .listAndCount(filter, page)
    return [rows, count, await this.usedThisMonth()]
  }
}
