import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import type { RunLease } from "@shabou/ops"

import {
  LedgerEntry,
  PlacesApiError,
  PlacesClient,
  redactSecret,
} from "../lib/places-client"
import { RequestBudget } from "../lib/request-budget"
import {
  SearchPlan,
  SearchProgress,
  SearchSummary,
  emptySearchSummary,
  leastRecentlySearchedFirst,
  searchFailed,
  searchPairs,
} from "../lib/search-run"
import type { ProspectorOptions } from "../options"
import type { RunRow, RunTrigger } from "../repositories/prospector-run"
import type PlacesLedgerService from "./places-ledger"
import type ProspectorLeadStoreService from "./prospector-lead-store"
import type ProspectorRunLogService from "./prospector-run-log"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  placesLedgerService: PlacesLedgerService
  prospectorLeadStoreService: ProspectorLeadStoreService
  prospectorRunLogService: ProspectorRunLogService
}

/** A lead search run as the search answers it: the run with its summary and errors. */
export type SearchRun = Omit<RunRow, "summary" | "errors"> & {
  summary: SearchSummary
  errors: Array<Record<string, unknown>>
}

/** A checked search request, as prospectorRunService hands it over with the run lease held. */
export interface SearchExecutionInput {
  plan: SearchPlan
  /** the free-text query as asked (the run's params), null for the configured queries */
  query: string | null
  /** lower than the configured per-run budget, never higher */
  max_requests?: number
  trigger: RunTrigger
  run_date: string | null
  /** order the (area, query) pairs least recently searched first */
  rotate: boolean
  onProgress?: (p: SearchProgress) => void
  options: ProspectorOptions
}

/**
 * The work of one lead search (prospectorRunService checks the request and holds the run lease):
 * the run record, the request budgets, the Places client over the (area, query) pairs, the places
 * stored as leads (prospectorLeadStoreService), every request in the ledger, the run's summary and errors.
 */
export default class ProspectorSearchExecutionService extends TransactionBaseService {
  protected readonly logger_: Logger
  protected readonly ledger_: PlacesLedgerService
  protected readonly leadStore_: ProspectorLeadStoreService
  protected readonly runLog_: ProspectorRunLogService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.logger_ = container.logger
    this.ledger_ = container.placesLedgerService
    this.leadStore_ = container.prospectorLeadStoreService
    this.runLog_ = container.prospectorRunLogService
  }

  /** Runs the search while `lease` is held; 401/403 from Google stop it, other 4xx are recorded per pair. */
  async execute(
    input: SearchExecutionInput,
    lease: RunLease
  ): Promise<SearchRun> {
    const opts = input.options
    const usedBefore = await this.ledger_.usedThisMonth()
    const perRun = Math.min(
      opts.placesBudgetPerRun,
      input.max_requests ?? Number.MAX_SAFE_INTEGER
    )
    const budget = new RequestBudget({
      perRun,
      perMonth: opts.placesBudgetPerMonth,
      usedThisMonth: usedBefore,
    })
    let pairs = searchPairs(input.plan)
    if (input.rotate) {
      pairs = leastRecentlySearchedFirst(
        pairs,
        await this.ledger_.lastSearched()
      )
    }
    const runId = await this.runLog_.startRun(
      "search",
      input.trigger,
      {
        query: input.query,
        cities: input.plan.areas.map((a) => a.slug),
        queries: input.plan.queries.map((q) => `${q.language}:${q.text}`),
        max_requests: perRun,
      },
      input.run_date
    )
    await lease.attachRun(runId)
    const summary = emptySearchSummary(pairs.length, {
      per_run: perRun,
      per_month: opts.placesBudgetPerMonth,
      used_this_month: usedBefore,
    })
    const errors: Array<Record<string, unknown>> = []
    const key = opts.googlePlacesApiKey as string
    let fatal = false
    try {
      const index = await this.leadStore_.loadIndex()
      let current = { area: "", query: "" }
      const client = new PlacesClient({
        apiKey: key,
        budget,
        baseUrl: opts.googlePlacesBaseUrl,
        maxTileDepth: opts.placesMaxTileDepth,
        logger: {
          warn: (m) =>
            this.logger_.warn(`[prospector] ${redactSecret(m, key)}`),
          info: (m) =>
            this.logger_.info(`[prospector] ${redactSecret(m, key)}`),
        },
        // written at once, in its own transaction: a killed run still counts its requests
        ledger: (entry: LedgerEntry) =>
          this.ledger_.record(runId, current.area, entry),
      })
      for (const { area, query } of pairs) {
        lease.assertHeld() // another instance may have taken over a run that stopped renewing
        const blocked = budget.blockedBy()
        if (blocked) {
          summary.budget_exhausted = blocked
          break
        }
        current = { area: area.slug, query: query.text }
        try {
          const result = await client.searchArea({
            textQuery: query.text,
            languageCode: query.language,
            rectangle: area.rectangle,
            includePureServiceAreaBusinesses: true,
          })
          summary.truncated_tiles += result.tiles.filter(
            (t) => t.truncated
          ).length
          summary.places += result.places.length
          await this.leadStore_.storePlaces(
            result.places,
            area,
            runId,
            index,
            summary,
            opts.shop
          )
          if (result.budget_exhausted) {
            summary.budget_exhausted = budget.blockedBy() ?? "run"
          }
        } catch (e) {
          if (!(e instanceof PlacesApiError)) {
            throw e
          }
          errors.push({
            area: area.slug,
            query: query.text,
            http_status: e.httpStatus,
            google_status: e.googleStatus,
            message: redactSecret(e.message, key),
          })
          this.logger_.warn(`[prospector] ${redactSecret(e.message, key)}`)
          if (e.httpStatus === 401 || e.httpStatus === 403) {
            fatal = true
            break
          }
        }
        summary.pairs_done += 1
        summary.requests = client.requestsSent
        input.onProgress?.({
          done: summary.pairs_done,
          total: pairs.length,
          area: area.name,
          query: query.text,
          requests: client.requestsSent,
          new: summary.new,
          updated: summary.updated,
          merged: summary.merged,
        })
        if (summary.budget_exhausted) {
          break
        }
      }
      summary.requests = client.requestsSent
    } catch (e) {
      errors.push({ message: redactSecret(String(e?.message ?? e), key) })
      fatal = true
    }
    summary.budget.used_this_month_after = await this.ledger_.usedThisMonth()
    const { leads, competitors } = await this.leadStore_.countKindsOfRun(runId)
    summary.leads = leads
    summary.competitors = competitors
    const failed = searchFailed(fatal, errors.length, summary.pairs_done)
    return (await this.runLog_.finishRun(
      runId,
      failed ? "failed" : "completed",
      summary,
      errors
    )) as unknown as SearchRun
  }
}
