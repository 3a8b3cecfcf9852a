import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { dailySearchDue } from "@shabou/ops"

import {
  SearchPlan,
  SearchPlanError,
  SearchPlanInput,
  SearchProgress,
  SearchSummary,
  checkMaxRequests,
  dailyRequestAllowance,
  planSearch,
} from "../lib/search-run"
import { optionsReader, ProspectorOptions } from "../options"
import type { RunRow, RunTrigger } from "../repositories/prospector-run"
import type PlacesLedgerService from "./places-ledger"
import type ProspectorRunLogService from "./prospector-run-log"
import type ProspectorSearchExecutionService from "./prospector-search-execution"
import type { SearchRun } from "./prospector-search-execution"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  placesLedgerService: PlacesLedgerService
  prospectorRunLogService: ProspectorRunLogService
  prospectorSearchExecutionService: ProspectorSearchExecutionService
}

export type { RunRow, RunTrigger, SearchProgress, SearchRun, SearchSummary }

export interface SearchInput extends SearchPlanInput {
  /** lower than the configured per-run budget, never higher */
  max_requests?: number
  trigger: RunTrigger
  run_date?: string | null
  onProgress?: (p: SearchProgress) => void
  /** order the (area, query) pairs least recently searched first */
  rotate?: boolean
}

/**
 * The lead search: one run over (city, query) pairs through the Places API, within the request budgets.
 * Checks the request, takes the search's run lease (prospectorRunLogService) and hands the run to
 * prospectorSearchExecutionService; the daily job's search is decided here too.
 */
export default class ProspectorRunService extends TransactionBaseService {
  protected readonly logger_: Logger
  /** the plugin options, resolved at each call */
  readonly options: () => ProspectorOptions
  protected readonly ledger_: PlacesLedgerService
  protected readonly runLog_: ProspectorRunLogService
  protected readonly execution_: ProspectorSearchExecutionService

  constructor(
    container: InjectedDependencies,
    options: Record<string, unknown>
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.logger_ = container.logger
    this.options = optionsReader(options)
    this.ledger_ = container.placesLedgerService
    this.runLog_ = container.prospectorRunLogService
    this.execution_ = container.prospectorSearchExecutionService
  }

  /** Resolves cities and queries for a search, with clear errors. */
  plan(input: SearchPlanInput): SearchPlan {
    try {
      return planSearch(input)
    } catch (e) {
      throw invalid(e)
    }
  }

  async search(input: SearchInput): Promise<SearchRun> {
    const opts = this.options()
    if (!opts.googlePlacesApiKey) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "GOOGLE_PLACES_API_KEY is not set (plugin option googlePlacesApiKey): the lead search needs a Places API key"
      )
    }
    try {
      checkMaxRequests(input.max_requests)
    } catch (e) {
      throw invalid(e)
    }
    const plan = this.plan(input)
    return await this.runLog_.withLease(
      "search",
      "A lead search",
      input.trigger,
      async (lease) => {
        return await this.execution_.execute(
          {
            plan,
            query: input.query ?? null,
            max_requests: input.max_requests,
            trigger: input.trigger,
            run_date: input.run_date ?? null,
            rotate: !!input.rotate,
            onProgress: input.onProgress,
            options: opts,
          },
          lease
        )
      }
    )
  }

  /** What the daily job does: once per Tunis day from the configured hour, budget spread over the month. */
  async scheduledSearch(now = new Date()): Promise<SearchRun | null> {
    const opts = this.options()
    if (!opts.googlePlacesApiKey) {
      this.logger_.warn(
        "[prospector] daily lead search skipped: GOOGLE_PLACES_API_KEY is not set"
      )
      return null
    }
    const lastDate = await this.runLog_.lastScheduledSearchDate()
    // a failed run (bad key, Google down) is not retried every hour; an interrupted one is
    const due = dailySearchDue(
      now,
      opts.timezone,
      opts.dailySearchHour,
      lastDate
    )
    if (!due.due) {
      return null
    }
    const maxRequests = dailyRequestAllowance(now, opts.timezone, {
      per_run: opts.placesBudgetPerRun,
      per_month: opts.placesBudgetPerMonth,
      used_this_month: await this.ledger_.usedThisMonth(now),
    })
    if (maxRequests === 0) {
      this.logger_.warn(
        "[prospector] daily lead search skipped: the monthly Places budget is used up"
      )
      return null
    }
    return await this.search({
      trigger: "job",
      run_date: due.date,
      max_requests: maxRequests,
      rotate: true,
    })
  }
}

/** A refused search request as the API answers it (400, the message naming the field). */
function invalid(e: unknown): unknown {
  return e instanceof SearchPlanError
    ? new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    : e
}
