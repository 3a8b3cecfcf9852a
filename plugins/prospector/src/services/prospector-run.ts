import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import type { RunLease } from "@shabou/ops"

import { requireArea } from "../lib/areas"
import {
  LedgerEntry,
  PlacesApiError,
  PlacesClient,
  redactSecret,
} from "../lib/places-client"
import { RequestBudget } from "../lib/request-budget"
import { dailySearchDue, zonedParts } from "@shabou/ops"
import { SEARCH_AREAS, SearchArea } from "../lib/search-areas"
import { SEARCH_QUERIES, SearchQuery } from "../lib/search-queries"
import { ProspectorOptions, resolveOptions } from "../options"
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

export type { RunRow, RunTrigger }

export interface SearchInput {
  /** free text; default: every configured query (French and Arabic) */
  query?: string
  language?: "fr" | "ar"
  /** city/governorate names or slugs; default: every city */
  cities?: string[]
  /** lower than the configured per-run budget, never higher */
  max_requests?: number
  trigger: RunTrigger
  run_date?: string | null
  onProgress?: (p: SearchProgress) => void
  /** order the (area, query) pairs least recently searched first */
  rotate?: boolean
}

export interface SearchProgress {
  done: number
  total: number
  area: string
  query: string
  requests: number
  new: number
  updated: number
  merged: number
}

export interface SearchSummary {
  pairs_total: number
  pairs_done: number
  requests: number
  places: number
  new: number
  updated: number
  merged: number
  leads: number
  competitors: number
  budget: {
    per_run: number
    per_month: number
    used_this_month_before: number
    used_this_month_after: number
  }
  budget_exhausted: "run" | "month" | null
  truncated_tiles: number
}

/** A lead search run as the search answers it: the run with its summary and errors. */
export type SearchRun = Omit<RunRow, "summary" | "errors"> & {
  summary: SearchSummary
  errors: Array<Record<string, unknown>>
}

/** The lead search: one run over (city, query) pairs through the Places API, within the request budgets. */
export default class ProspectorRunService extends TransactionBaseService {
  protected readonly logger_: Logger
  protected readonly pluginOptions_: Record<string, unknown>
  protected readonly ledger_: PlacesLedgerService
  protected readonly leadStore_: ProspectorLeadStoreService
  protected readonly runLog_: ProspectorRunLogService

  constructor(
    container: InjectedDependencies,
    options: Record<string, unknown>
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.logger_ = container.logger
    this.pluginOptions_ = options ?? {}
    this.ledger_ = container.placesLedgerService
    this.leadStore_ = container.prospectorLeadStoreService
    this.runLog_ = container.prospectorRunLogService
  }

  options(): ProspectorOptions {
    return resolveOptions(this.pluginOptions_, process.env)
  }

  /** Resolves cities and queries for a search, with clear errors. */
  plan(input: Pick<SearchInput, "query" | "language" | "cities">): {
    areas: SearchArea[]
    queries: SearchQuery[]
  } {
    const areas = input.cities?.length
      ? input.cities.map((c) => {
          try {
            return requireArea(c)
          } catch (e) {
            throw new MedusaError(
              MedusaError.Types.INVALID_DATA,
              `cities: ${e.message}`
            )
          }
        })
      : SEARCH_AREAS.filter((a) => a.kind === "city")
    let queries: SearchQuery[] = SEARCH_QUERIES
    if (input.query !== undefined) {
      const text = String(input.query).trim()
      if (!text || text.length > 200) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "query: must be 1 to 200 characters"
        )
      }
      const language =
        input.language ?? (/[\u0600-\u06ff]/.test(text) ? "ar" : "fr")
      if (language !== "fr" && language !== "ar") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `language: "${language}" is not fr or ar`
        )
      }
      queries = [{ text, language, purpose: "lead" }]
    }
    return { areas, queries }
  }

  async search(input: SearchInput): Promise<SearchRun> {
    const opts = this.options()
    if (!opts.googlePlacesApiKey) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "GOOGLE_PLACES_API_KEY is not set (plugin option googlePlacesApiKey): the lead search needs a Places API key"
      )
    }
    if (
      input.max_requests !== undefined &&
      (!Number.isInteger(input.max_requests) || input.max_requests < 0)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `max_requests: must be a whole number >= 0, got ${input.max_requests}`
      )
    }
    const { areas, queries } = this.plan(input)
    return await this.runLog_.withLease(
      "search",
      "A lead search",
      input.trigger,
      async (lease) => {
        return await this.searchLocked(input, areas, queries, opts, lease)
      }
    )
  }

  private async searchLocked(
    input: SearchInput,
    areas: SearchArea[],
    queries: SearchQuery[],
    opts: ProspectorOptions,
    lease: RunLease
  ): Promise<SearchRun> {
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
    let pairs = areas.flatMap((area) =>
      queries.map((query) => ({ area, query }))
    )
    if (input.rotate) {
      pairs = await this.leastRecentlySearched(pairs)
    }
    const runId = await this.runLog_.startRun(
      "search",
      input.trigger,
      {
        query: input.query ?? null,
        cities: areas.map((a) => a.slug),
        queries: queries.map((q) => `${q.language}:${q.text}`),
        max_requests: perRun,
      },
      input.run_date ?? null
    )
    await lease.attachRun(runId)
    const summary: SearchSummary = {
      pairs_total: pairs.length,
      pairs_done: 0,
      requests: 0,
      places: 0,
      new: 0,
      updated: 0,
      merged: 0,
      leads: 0,
      competitors: 0,
      budget: {
        per_run: perRun,
        per_month: opts.placesBudgetPerMonth,
        used_this_month_before: usedBefore,
        used_this_month_after: usedBefore,
      },
      budget_exhausted: null,
      truncated_tiles: 0,
    }
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
    const failed =
      fatal ||
      (errors.length > 0 &&
        summary.pairs_done > 0 &&
        errors.length >= summary.pairs_done)
    return (await this.runLog_.finishRun(
      runId,
      failed ? "failed" : "completed",
      summary,
      errors
    )) as unknown as SearchRun
  }

  private async leastRecentlySearched<
    T extends { area: SearchArea; query: SearchQuery },
  >(pairs: T[]): Promise<T[]> {
    const last = await this.ledger_.lastSearched()
    return pairs
      .map((p, i) => ({
        p,
        i,
        t: last.get(`${p.area.slug}\u0000${p.query.text}`) ?? -1,
      }))
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((x) => x.p)
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
    const p = zonedParts(now, opts.timezone)
    const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()
    const daysLeft = daysInMonth - p.day + 1
    const remaining = Math.max(
      0,
      opts.placesBudgetPerMonth - (await this.ledger_.usedThisMonth(now))
    )
    const maxRequests = Math.min(
      opts.placesBudgetPerRun,
      Math.ceil(remaining / daysLeft)
    )
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
