/**
 * Client for Google Places API (New) Text Search:
 *   POST {baseUrl}/v1/places:searchText
 *
 * - explicit field mask (never "*"), pageSize 20, nextPageToken paging up to the 60-result cap
 * - regionCode TN, languageCode fr/ar, locationRestriction.rectangle
 * - tiling: a rectangle whose search hits the cap is split in 4 and searched again (depth limit)
 * - 429 RESOURCE_EXHAUSTED, 5xx and network errors retried with exponential backoff + jitter;
 *   400/403 (and other 4xx) reported with Google's status and message, never retried
 * - a RequestBudget is checked BEFORE every HTTP request, so it is never exceeded
 * - every HTTP request is reported to the ledger callback
 * - the API key is redacted from every message this module produces
 */

import {
  BackoffOptions,
  DEFAULT_BACKOFF,
  Sleep,
  backoffDelay,
  parseRetryAfter,
  realSleep,
} from "./backoff"
import { RequestBudget } from "./request-budget"
import {
  redactSecret,
  splitRectangle,
  validateFieldMask,
  validateRectangle,
} from "./places-request"
import {
  AreaSearchResult,
  DEFAULT_FIELD_MASK,
  DEFAULT_PLACES_BASE_URL,
  PLACES_PAGE_SIZE,
  PLACES_RESULT_CAP,
  Place,
  PlacesApiError,
  PlacesClientOptions,
  PlacesLogger,
  Rectangle,
  SearchParams,
  SearchResult,
  TileReport,
} from "./places-types"

export * from "./places-request"
export * from "./places-types"

class BudgetStop extends Error {}

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string }
}

export class PlacesClient {
  private readonly apiKey: string
  private readonly budget: RequestBudget
  private readonly baseUrl: string
  private readonly fieldMask: string
  private readonly ledger?: PlacesClientOptions["ledger"]
  private readonly logger: PlacesLogger
  private readonly backoff: BackoffOptions
  private readonly sleep: Sleep
  private readonly fetchImpl: typeof fetch
  private readonly now: () => Date
  private readonly regionCode: string
  private readonly resultCap: number
  private readonly maxTileDepth: number
  private readonly timeoutMs: number
  private requestCount = 0

  constructor(options: PlacesClientOptions) {
    if (!options?.apiKey || typeof options.apiKey !== "string") {
      throw new Error(
        "PlacesClient: apiKey is required (GOOGLE_PLACES_API_KEY)"
      )
    }
    if (!(options.budget instanceof RequestBudget)) {
      throw new Error("PlacesClient: a RequestBudget is required")
    }
    this.apiKey = options.apiKey
    this.budget = options.budget
    this.baseUrl = (options.baseUrl ?? DEFAULT_PLACES_BASE_URL).replace(
      /\/+$/,
      ""
    )
    this.fieldMask = validateFieldMask(options.fieldMask ?? DEFAULT_FIELD_MASK)
    this.ledger = options.ledger
    this.logger = options.logger ?? {}
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff }
    this.sleep = options.sleep ?? realSleep
    this.fetchImpl = options.fetch ?? fetch
    this.now = options.now ?? (() => new Date())
    this.regionCode = options.regionCode ?? "TN"
    this.resultCap = options.resultCap ?? PLACES_RESULT_CAP
    this.maxTileDepth = options.maxTileDepth ?? 3
    this.timeoutMs = options.timeoutMs ?? 30_000
  }

  /** HTTP requests sent by this client (all attempts). */
  get requestsSent(): number {
    return this.requestCount
  }

  /** One rectangle, all pages up to the result cap. */
  async searchText(params: SearchParams, tile = "r"): Promise<SearchResult> {
    this.validateParams(params)
    const places: Place[] = []
    let pageToken: string | undefined
    let page = 0
    let budgetExhausted = false
    let lastHadToken = false
    const maxPages = Math.ceil(this.resultCap / PLACES_PAGE_SIZE)
    while (page < maxPages) {
      page += 1
      let body: { places?: Place[]; nextPageToken?: string }
      try {
        body = await this.requestPage(params, pageToken, page, tile)
      } catch (e) {
        if (e instanceof BudgetStop) {
          budgetExhausted = true
          break
        }
        throw e
      }
      places.push(...(body.places ?? []))
      pageToken = body.nextPageToken || undefined
      lastHadToken = !!pageToken
      if (!pageToken || places.length >= this.resultCap) {
        break
      }
    }
    const capped =
      places.length >= this.resultCap || (page >= maxPages && lastHadToken)
    return {
      places,
      pages: budgetExhausted ? page - 1 : page,
      capped,
      budget_exhausted: budgetExhausted,
    }
  }

  /**
   * Searches a rectangle and, where a rectangle returns the cap, its quarters
   * (recursively, up to maxTileDepth). Results are unique by place id.
   */
  async searchArea(
    params: SearchParams,
    options: { maxDepth?: number } = {}
  ): Promise<AreaSearchResult> {
    const maxDepth = options.maxDepth ?? this.maxTileDepth
    const byId = new Map<string, Place>()
    const tiles: TileReport[] = []
    const before = this.requestCount
    let budgetExhausted = false

    const visit = async (
      rectangle: Rectangle,
      tile: string,
      depth: number
    ): Promise<void> => {
      if (budgetExhausted) {
        return
      }
      const result = await this.searchText({ ...params, rectangle }, tile)
      for (const place of result.places) {
        if (!byId.has(place.id)) {
          byId.set(place.id, place)
        }
      }
      const truncated = result.capped && depth >= maxDepth
      tiles.push({
        tile,
        depth,
        rectangle,
        results: result.places.length,
        pages: result.pages,
        capped: result.capped,
        truncated,
      })
      if (result.budget_exhausted) {
        budgetExhausted = true
        return
      }
      if (truncated) {
        this.logger.warn?.(
          `Places search "${params.textQuery}" tile ${tile} still returns the cap of ${this.resultCap} at max depth ${maxDepth}; results there are incomplete`
        )
      }
      if (result.capped && depth < maxDepth) {
        const quarters = splitRectangle(rectangle)
        for (let i = 0; i < quarters.length; i++) {
          await visit(quarters[i], `${tile}.${i}`, depth + 1)
        }
      }
    }

    await visit(params.rectangle, "r", 0)
    return {
      places: [...byId.values()],
      tiles,
      requests: this.requestCount - before,
      budget_exhausted: budgetExhausted,
    }
  }

  private validateParams(params: SearchParams): void {
    if (
      !params ||
      typeof params.textQuery !== "string" ||
      !params.textQuery.trim()
    ) {
      throw new Error("Places search: textQuery is required")
    }
    if (!params.languageCode || typeof params.languageCode !== "string") {
      throw new Error("Places search: languageCode is required (fr or ar)")
    }
    validateRectangle(
      params.rectangle,
      "Places search locationRestriction.rectangle"
    )
  }

  private buildBody(
    params: SearchParams,
    pageToken?: string
  ): Record<string, unknown> {
    const body: Record<string, unknown> = {
      textQuery: params.textQuery,
      languageCode: params.languageCode,
      regionCode: this.regionCode,
      pageSize: PLACES_PAGE_SIZE,
      locationRestriction: { rectangle: params.rectangle },
    }
    if (params.includedType) {
      body.includedType = params.includedType
    }
    if (params.includePureServiceAreaBusinesses !== undefined) {
      body.includePureServiceAreaBusinesses =
        params.includePureServiceAreaBusinesses
    }
    if (pageToken) {
      body.pageToken = pageToken
    }
    return body
  }

  private async requestPage(
    params: SearchParams,
    pageToken: string | undefined,
    page: number,
    tile: string
  ): Promise<{ places?: Place[]; nextPageToken?: string }> {
    const url = `${this.baseUrl}/v1/places:searchText`
    const payload = JSON.stringify(this.buildBody(params, pageToken))
    let attempt = 0
    for (;;) {
      attempt += 1
      // budget BEFORE the request, retries included
      if (!this.budget.consume()) {
        this.logger.warn?.(
          `Places request budget exhausted (${this.budget.blockedBy()} limit) before "${params.textQuery}" tile ${tile} page ${page}`
        )
        throw new BudgetStop()
      }
      this.requestCount += 1
      let response: Response | null = null
      let networkError: any = null
      try {
        response = await this.fetchImpl(url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Goog-Api-Key": this.apiKey,
            "X-Goog-FieldMask": this.fieldMask,
          },
          body: payload,
          signal: AbortSignal.timeout(this.timeoutMs),
        })
      } catch (e) {
        networkError = e
      }
      await this.ledger?.({
        query: params.textQuery,
        language: params.languageCode,
        page,
        tile,
        status: response ? response.status : "network_error",
        attempt,
        at: this.now(),
      })

      if (response && response.ok) {
        try {
          return (await response.json()) as {
            places?: Place[]
            nextPageToken?: string
          }
        } catch (e) {
          throw new PlacesApiError(
            this.redact(
              `Places API returned an unreadable JSON body (HTTP ${response.status}): ${e?.message ?? e}`
            ),
            response.status,
            null,
            false
          )
        }
      }

      let error: PlacesApiError
      if (response) {
        const text = await response.text().catch(() => "")
        let parsed: GoogleErrorBody = {}
        try {
          parsed = JSON.parse(text)
        } catch {
          parsed = {}
        }
        const googleStatus = parsed.error?.status ?? null
        const googleMessage =
          parsed.error?.message ?? (text.slice(0, 300) || response.statusText)
        const retryable = response.status === 429 || response.status >= 500
        error = new PlacesApiError(
          this.redact(
            `Places API ${response.status}${googleStatus ? ` ${googleStatus}` : ""}: ${googleMessage} (query "${params.textQuery}", tile ${tile}, page ${page})`
          ),
          response.status,
          googleStatus,
          retryable
        )
      } else {
        const cause =
          networkError?.cause?.message ??
          networkError?.message ??
          String(networkError)
        error = new PlacesApiError(
          this.redact(
            `Places API request failed (${cause}) (query "${params.textQuery}", tile ${tile}, page ${page})`
          ),
          null,
          null,
          true
        )
      }

      if (!error.retryable || attempt > this.backoff.retries) {
        if (error.retryable) {
          error.message = `${error.message}; gave up after ${attempt} attempts`
        }
        throw error
      }
      const retryAfter = response
        ? parseRetryAfter(response.headers.get("retry-after"))
        : null
      const delay = Math.min(
        this.backoff.maxMs,
        Math.max(retryAfter ?? 0, backoffDelay(attempt, this.backoff))
      )
      this.logger.warn?.(
        `${error.message}; retry ${attempt}/${this.backoff.retries} in ${delay} ms`
      )
      await this.sleep(delay)
    }
  }

  private redact(text: string): string {
    return redactSecret(text, this.apiKey)
  }
}
