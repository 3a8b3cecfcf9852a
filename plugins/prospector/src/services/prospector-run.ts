import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import {
  LeaseBusyError,
  metrics,
  noLiveLease,
  RunLease,
  timeRun,
} from "@shabou/ops"

import { SEARCH_AREAS, SearchArea } from "../lib/search-areas"
import { DEFAULT_SCORING } from "../lib/scoring-config"
import { SEARCH_QUERIES, SearchQuery } from "../lib/search-queries"
import { requireArea } from "../lib/areas"
import { DedupeLead, LeadIndex } from "../lib/dedupe"
import { foldName } from "../lib/name-key"
import { resolveOptions } from "../options"
import {
  leadToDedupeCandidate,
  leadToScoringInput,
  placeToLead,
} from "../lib/place-to-lead"
import {
  LedgerEntry,
  Place,
  PlacesApiError,
  PlacesClient,
  redactSecret,
} from "../lib/places-client"
import { RequestBudget } from "../lib/request-budget"
import { dailySearchDue, monthStart, zonedParts } from "../lib/schedule"
import { scoreLead } from "../lib/scoring"

type InjectedDependencies = { manager: EntityManager; logger: Logger }

export type RunRow = Record<string, any>
export type RunTrigger = "job" | "cli" | "api"

/**
 * Run leases (@shabou/ops): one lead search and one price-watch pass at a time across every process
 * and machine; a run whose process died is released when its lease expires (RUN_LEASE_TTL_SECONDS).
 */
export const SEARCH_LEASE = "prospector-search"
export const WATCH_LEASE = "prospector-watch"
const LEASE_OF_KIND: Record<string, string> = {
  search: SEARCH_LEASE,
  watch: WATCH_LEASE,
}

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

interface IndexedLead extends DedupeLead {
  merged: Set<string>
  /** Google's movedPlaceId of the lead's own place: where the business went */
  google_moved: string | null
  has_phone: boolean
  has_website: boolean
}

/** Lead search runs, the Places request ledger and the run log shared with the price watch and the report. */
export default class ProspectorRunService extends TransactionBaseService {
  protected readonly logger_: Logger
  protected readonly pluginOptions_: Record<string, unknown>

  constructor(
    container: InjectedDependencies,
    options: Record<string, unknown>
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.logger_ = container.logger
    this.pluginOptions_ = options ?? {}
  }

  options() {
    return resolveOptions(this.pluginOptions_, process.env)
  }

  // ---------------------------------------------------------------- runs

  async startRun(
    kind: string,
    trigger: RunTrigger,
    params: Record<string, unknown>,
    runDate: string | null = null
  ): Promise<string> {
    const id = generateEntityId(undefined, "prun")
    await this.manager_.query(
      `INSERT INTO prospector_run (id, kind, trigger, status, run_date, params, started_at) VALUES ($1, $2, $3, 'running', $4, $5, now())`,
      [id, kind, trigger, runDate, JSON.stringify(params)]
    )
    return id
  }

  async finishRun(
    id: string,
    status: "completed" | "failed",
    summary: object,
    errors: object[]
  ): Promise<RunRow> {
    await this.manager_.query(
      `UPDATE prospector_run SET status = $2, summary = $3, errors = $4, finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, JSON.stringify(summary), JSON.stringify(errors)]
    )
    return this.retrieveRun(id)
  }

  /**
   * Runs left "running" by a process that died: every run of `kind` when the caller holds that
   * kind's lease, otherwise (kind omitted) the runs whose kind has no live lease. Reports hold none
   * (they take seconds and run in one statement's time), so a running report is left alone.
   */
  async markInterrupted(kind?: string): Promise<number> {
    const rows = kind
      ? await this.manager_.query(
          `UPDATE prospector_run SET status = 'interrupted', finished_at = now(), updated_at = now()
           WHERE kind = $1 AND status = 'running' RETURNING id`,
          [kind]
        )
      : await this.manager_.query(
          `UPDATE prospector_run r SET status = 'interrupted', finished_at = now(), updated_at = now()
           WHERE r.status = 'running' AND r.kind = ANY($1) AND ${noLiveLease("'prospector-' || r.kind")} RETURNING id`,
          [Object.keys(LEASE_OF_KIND)]
        )
    return Array.isArray(rows?.[0]) ? rows[0].length : rows.length
  }

  async listRuns(
    filter: { kind?: string; status?: string },
    page: { limit: number; offset: number }
  ): Promise<[RunRow[], number]> {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.kind) {
      params.push(filter.kind)
      where.push(`kind = $${params.length}`)
    }
    if (filter.status) {
      params.push(filter.status)
      where.push(`status = $${params.length}`)
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : ""
    await this.markInterrupted()
    const rows = await this.manager_.query(
      `SELECT * FROM prospector_run ${clause} ORDER BY started_at DESC, id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.manager_.query(
      `SELECT count(*)::int AS count FROM prospector_run ${clause}`,
      params
    )
    return [rows, count]
  }

  async retrieveRun(id: string): Promise<RunRow> {
    await this.markInterrupted()
    const rows = await this.manager_.query(
      `SELECT * FROM prospector_run WHERE id = $1`,
      [id]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Run ${id} was not found`
      )
    }
    const [{ requests }] = await this.manager_.query(
      `SELECT count(*)::int AS requests FROM prospector_places_request WHERE run_id = $1`,
      [id]
    )
    return { ...rows[0], ledger_requests: requests }
  }

  /**
   * Runs `fn` holding the run lease of `kind` (renewed while it works, released at the end), after
   * marking that kind's runs left "running" by a dead process as interrupted; refused (NOT_ALLOWED)
   * while a live run of that kind holds it, on any instance.
   */
  async withLease<T extends RunRow>(
    kind: "search" | "watch",
    what: string,
    trigger: string,
    fn: (lease: RunLease) => Promise<T>
  ): Promise<T> {
    return await timeRun(
      kind,
      trigger,
      async () => {
        let lease: RunLease
        try {
          lease = await RunLease.acquire(
            (sql, params) => this.manager_.query(sql, params),
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

  // ---------------------------------------------------------------- ledger

  async usedThisMonth(now = new Date()): Promise<number> {
    const since = monthStart(now, this.options().timezone)
    const [{ count }] = await this.manager_.query(
      `SELECT count(*)::int AS count FROM prospector_places_request WHERE created_at >= $1`,
      [since]
    )
    return count
  }

  /** This month's ledger by HTTP status (for the metrics). */
  async requestsThisMonthByStatus(
    now = new Date()
  ): Promise<{ status: string; count: number }[]> {
    const since = monthStart(now, this.options().timezone)
    return await this.manager_.query(
      `SELECT status, count(*)::int AS count FROM prospector_places_request WHERE created_at >= $1 GROUP BY status ORDER BY status`,
      [since]
    )
  }

  async listLedger(
    filter: { run_id?: string; since?: Date },
    page: { limit: number; offset: number }
  ): Promise<[RunRow[], number, number]> {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.run_id) {
      params.push(filter.run_id)
      where.push(`run_id = $${params.length}`)
    }
    if (filter.since) {
      params.push(filter.since)
      where.push(`created_at >= $${params.length}`)
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const rows = await this.manager_.query(
      `SELECT id, run_id, query, language, area, tile, page, attempt, status, created_at FROM prospector_places_request ${clause}
       ORDER BY created_at DESC, id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.manager_.query(
      `SELECT count(*)::int AS count FROM prospector_places_request ${clause}`,
      params
    )
    return [rows, count, await this.usedThisMonth()]
  }

  // ---------------------------------------------------------------- lead search

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

  async search(input: SearchInput): Promise<RunRow> {
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
    return await this.withLease(
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
    opts: ReturnType<ProspectorRunService["options"]>,
    lease: RunLease
  ): Promise<RunRow> {
    const usedBefore = await this.usedThisMonth()
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
    const runId = await this.startRun(
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
      const index = await this.loadIndex()
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
        // written at once, outside any transaction: a killed run still counts its requests
        ledger: async (entry: LedgerEntry) => {
          metrics.placesRequests.inc({ status: String(entry.status) })
          await this.manager_.query(
            `INSERT INTO prospector_places_request (id, run_id, query, language, area, tile, page, attempt, status, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              generateEntityId(undefined, "preq"),
              runId,
              entry.query,
              entry.language,
              current.area,
              entry.tile,
              entry.page,
              entry.attempt,
              String(entry.status),
              entry.at,
            ]
          )
        },
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
          await this.storePlaces(
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
    summary.budget.used_this_month_after = await this.usedThisMonth()
    const [{ leads, competitors }] = await this.manager_.query(
      `SELECT count(*) FILTER (WHERE kind = 'lead')::int AS leads, count(*) FILTER (WHERE kind = 'competitor')::int AS competitors
       FROM prospector_lead WHERE last_run_id = $1`,
      [runId]
    )
    summary.leads = leads
    summary.competitors = competitors
    const failed =
      fatal ||
      (errors.length > 0 &&
        summary.pairs_done > 0 &&
        errors.length >= summary.pairs_done)
    return await this.finishRun(
      runId,
      failed ? "failed" : "completed",
      summary,
      errors
    )
  }

  private async leastRecentlySearched<
    T extends { area: SearchArea; query: SearchQuery },
  >(pairs: T[]): Promise<T[]> {
    const rows: Array<{ area: string; query: string; last: Date }> =
      await this.manager_.query(
        `SELECT area, query, max(created_at) AS last FROM prospector_places_request GROUP BY area, query`
      )
    const last = new Map(
      rows.map((r) => [`${r.area}\u0000${r.query}`, new Date(r.last).getTime()])
    )
    return pairs
      .map((p, i) => ({
        p,
        i,
        t: last.get(`${p.area.slug}\u0000${p.query.text}`) ?? -1,
      }))
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((x) => x.p)
  }

  private async loadIndex(): Promise<LeadIndex<IndexedLead>> {
    const rows = await this.manager_.query(
      `SELECT id, place_id, moved_place_id, merged_place_ids, phone, website, name, latitude, longitude FROM prospector_lead`
    )
    return new LeadIndex<IndexedLead>(rows.map((r: any) => this.toIndexed(r)))
  }

  private toIndexed(r: any): IndexedLead {
    const merged = new Set<string>(r.merged_place_ids ?? [])
    return {
      id: r.id,
      place_id: r.place_id,
      moved_place_ids: [
        ...merged,
        ...(r.moved_place_id ? [r.moved_place_id] : []),
      ],
      phone: r.phone,
      name: r.name,
      location:
        r.latitude !== null && r.latitude !== undefined
          ? { lat: Number(r.latitude), lng: Number(r.longitude) }
          : null,
      merged,
      google_moved: r.moved_place_id ?? null,
      has_phone: !!r.phone,
      has_website: !!r.website,
    }
  }

  /** Stores one search's places in one transaction: new, updated (same place) or merged (same business). */
  private async storePlaces(
    places: Place[],
    area: SearchArea,
    runId: string,
    index: LeadIndex<IndexedLead>,
    summary: SearchSummary,
    shop: { lat: number; lng: number; label: string }
  ): Promise<void> {
    const scoring = { ...DEFAULT_SCORING, shop }
    const now = new Date()
    await this.manager_.transaction(async (m) => {
      for (const place of places) {
        const lead = placeToLead(place, now)
        lead.city = lead.city ?? (area.kind === "city" ? area.name : null)
        lead.governorate = lead.governorate ?? area.governorate
        const score = scoreLead(
          leadToScoringInput(lead, !!place.consumerAlert),
          scoring
        )
        const match = index.match(leadToDedupeCandidate(lead))
        const cache = [
          lead.name,
          foldName(lead.name),
          lead.phone,
          lead.website,
          lead.address,
          lead.city,
          lead.governorate,
          lead.location?.lat ?? null,
          lead.location?.lng ?? null,
          lead.types,
          lead.primary_type,
          lead.rating,
          lead.review_count,
          lead.business_status,
          lead.maps_url,
          lead.fetched_at,
          score.score,
          score.band,
          JSON.stringify(score.breakdown),
          score.kind,
          lead.moved_place_id,
          runId,
        ]
        if (!match) {
          const id = generateEntityId(undefined, "plead")
          const inserted = await m.query(
            `INSERT INTO prospector_lead (name, name_folded, phone, website, address, city, governorate, latitude, longitude, types,
               primary_type, rating, review_count, business_status, maps_url, fetched_at, score, score_band, score_breakdown, kind,
               moved_place_id, last_run_id, id, place_id, area, first_seen_at, last_seen_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $16, $16)
             ON CONFLICT (place_id) DO NOTHING RETURNING id`,
            [...cache, id, lead.place_id, area.slug]
          )
          if (inserted.length) {
            summary.new += 1
            index.add(
              this.toIndexed({
                id,
                place_id: lead.place_id,
                moved_place_id: lead.moved_place_id,
                merged_place_ids: [],
                phone: lead.phone,
                website: lead.website,
                name: lead.name,
                latitude: lead.location?.lat ?? null,
                longitude: lead.location?.lng ?? null,
              })
            )
          }
          continue
        }
        const target = match.lead
        // the lead's own place, or the place Google says the business moved to: refresh the cache from it
        const samePlace =
          match.rule === "place_id" ||
          (match.rule === "moved_place_id" &&
            target.google_moved === lead.place_id)
        if (!samePlace && target.merged.has(lead.place_id)) {
          // a duplicate merged in an earlier run: seen again, nothing to merge
          await m.query(
            `UPDATE prospector_lead SET last_seen_at = $2, last_run_id = $3, updated_at = now() WHERE id = $1`,
            [target.id, now, runId]
          )
          summary.updated += 1
          continue
        }
        if (samePlace) {
          await m.query(
            `UPDATE prospector_lead SET name = $1, name_folded = $2, phone = COALESCE($3, phone), website = COALESCE($4, website),
               address = COALESCE($5, address), city = COALESCE($6, city), governorate = COALESCE($7, governorate),
               latitude = COALESCE($8, latitude), longitude = COALESCE($9, longitude), types = $10, primary_type = $11, rating = $12,
               review_count = $13, business_status = $14, maps_url = COALESCE($15, maps_url), fetched_at = $16, last_seen_at = $16,
               score = $17, score_band = $18, score_breakdown = $19, kind = $20, moved_place_id = COALESCE($21, moved_place_id),
               last_run_id = $22, updated_at = now()
             WHERE id = $23`,
            [...cache, target.id]
          )
          summary.updated += 1
          continue
        }
        // another Google place for a business we have (same phone, same name nearby, or the old place of a moved one)
        await m.query(
          `UPDATE prospector_lead SET merged_place_ids = CASE WHEN $2 = ANY(merged_place_ids) THEN merged_place_ids ELSE array_append(merged_place_ids, $2) END,
             phone = COALESCE(phone, $3), website = COALESCE(website, $4), last_seen_at = $5, last_run_id = $6, updated_at = now()
           WHERE id = $1`,
          [target.id, lead.place_id, lead.phone, lead.website, now, runId]
        )
        target.merged.add(lead.place_id)
        index.add({ ...target, place_id: lead.place_id })
        summary.merged += 1
      }
    })
  }

  /** What the daily job does: once per Tunis day from the configured hour, budget spread over the month. */
  async scheduledSearch(now = new Date()): Promise<RunRow | null> {
    const opts = this.options()
    if (!opts.googlePlacesApiKey) {
      this.logger_.warn(
        "[prospector] daily lead search skipped: GOOGLE_PLACES_API_KEY is not set"
      )
      return null
    }
    const [last] = await this.manager_.query(
      `SELECT run_date FROM prospector_run WHERE kind = 'search' AND trigger = 'job' AND status IN ('completed', 'failed', 'running') ORDER BY started_at DESC LIMIT 1`
    )
    // a failed run (bad key, Google down) is not retried every hour; an interrupted one is
    const due = dailySearchDue(
      now,
      opts.timezone,
      opts.dailySearchHour,
      last?.run_date ?? null
    )
    if (!due.due) {
      return null
    }
    const p = zonedParts(now, opts.timezone)
    const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()
    const daysLeft = daysInMonth - p.day + 1
    const remaining = Math.max(
      0,
      opts.placesBudgetPerMonth - (await this.usedThisMonth(now))
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
