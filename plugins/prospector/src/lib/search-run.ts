/**
 * The pure steps of a lead search run: its plan (cities and queries from the request, checked), the
 * (area, query) pairs in the order they are searched, the summary the run fills, whether it failed,
 * and the daily job's request allowance (the month's budget spread over the days left).
 */

import { zonedParts } from "@shabou/ops"

import { requireArea } from "./areas"
import { SEARCH_AREAS, SearchArea } from "./search-areas"
import { SEARCH_QUERIES, SearchQuery } from "./search-queries"

/** A search request that cannot run; the message names the field ("cities: ...", "query: ..."). */
export class SearchPlanError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "SearchPlanError"
  }
}

export interface SearchPlanInput {
  /** free text; default: every configured query (French and Arabic) */
  query?: string
  language?: "fr" | "ar"
  /** city/governorate names or slugs; default: every city */
  cities?: string[]
}

export interface SearchPlan {
  areas: SearchArea[]
  queries: SearchQuery[]
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

/** One (area, query) pair of a search. */
export interface SearchPair {
  area: SearchArea
  query: SearchQuery
}

/** Refuses (SearchPlanError) a `max_requests` that is not a whole number >= 0; undefined is allowed. */
export function checkMaxRequests(maxRequests: unknown): void {
  if (
    maxRequests !== undefined &&
    (!Number.isInteger(maxRequests) || (maxRequests as number) < 0)
  ) {
    throw new SearchPlanError(
      `max_requests: must be a whole number >= 0, got ${maxRequests}`
    )
  }
}

/**
 * The cities and queries of a search: the named cities (or every city), and the free-text query in
 * its language (Arabic script → "ar" unless told) or every configured query.
 */
export function planSearch(
  input: SearchPlanInput,
  areas: SearchArea[] = SEARCH_AREAS,
  queries: SearchQuery[] = SEARCH_QUERIES
): SearchPlan {
  const planned = input.cities?.length
    ? input.cities.map((c) => {
        try {
          return requireArea(c, areas)
        } catch (e) {
          throw new SearchPlanError(`cities: ${e.message}`)
        }
      })
    : areas.filter((a) => a.kind === "city")
  if (input.query === undefined) {
    return { areas: planned, queries }
  }
  const text = String(input.query).trim()
  if (!text || text.length > 200) {
    throw new SearchPlanError("query: must be 1 to 200 characters")
  }
  const language =
    input.language ?? (/[\u0600-\u06ff]/.test(text) ? "ar" : "fr")
  if (language !== "fr" && language !== "ar") {
    throw new SearchPlanError(`language: "${language}" is not fr or ar`)
  }
  return { areas: planned, queries: [{ text, language, purpose: "lead" }] }
}

/** Every (area, query) pair, areas first: each area with every query. */
export function searchPairs(plan: SearchPlan): SearchPair[] {
  return plan.areas.flatMap((area) =>
    plan.queries.map((query) => ({ area, query }))
  )
}

/** The ledger's key of a pair: area slug and query text. */
export function pairKey(areaSlug: string, queryText: string): string {
  return `${areaSlug}\u0000${queryText}`
}

/**
 * The pairs least recently searched first (never searched before any other), ties in their given
 * order; `lastSearched` maps `pairKey` to the time of the pair's last request in ms.
 */
export function leastRecentlySearchedFirst<T extends SearchPair>(
  pairs: T[],
  lastSearched: Map<string, number>
): T[] {
  return pairs
    .map((p, i) => ({
      p,
      i,
      t: lastSearched.get(pairKey(p.area.slug, p.query.text)) ?? -1,
    }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.p)
}

/** The summary of a search that has not searched anything yet. */
export function emptySearchSummary(
  pairsTotal: number,
  budget: { per_run: number; per_month: number; used_this_month: number }
): SearchSummary {
  return {
    pairs_total: pairsTotal,
    pairs_done: 0,
    requests: 0,
    places: 0,
    new: 0,
    updated: 0,
    merged: 0,
    leads: 0,
    competitors: 0,
    budget: {
      per_run: budget.per_run,
      per_month: budget.per_month,
      used_this_month_before: budget.used_this_month,
      used_this_month_after: budget.used_this_month,
    },
    budget_exhausted: null,
    truncated_tiles: 0,
  }
}

/** A run failed when it stopped (bad key, unexpected error) or when every pair it searched failed. */
export function searchFailed(
  fatal: boolean,
  errors: number,
  pairsDone: number
): boolean {
  return fatal || (errors > 0 && pairsDone > 0 && errors >= pairsDone)
}

/**
 * The daily search's request limit: the month's remaining budget spread over the days left in the
 * local month (today included), never more than the per-run budget; 0 when the month's is spent.
 */
export function dailyRequestAllowance(
  now: Date,
  timeZone: string,
  budget: { per_run: number; per_month: number; used_this_month: number }
): number {
  const p = zonedParts(now, timeZone)
  const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()
  const daysLeft = daysInMonth - p.day + 1
  const remaining = Math.max(0, budget.per_month - budget.used_this_month)
  return Math.min(budget.per_run, Math.ceil(remaining / daysLeft))
}
