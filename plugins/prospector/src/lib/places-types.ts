/** The shapes, limits and errors of the Google Places API (New) Text Search client (`places-client.ts`). */
import type { BackoffOptions, Sleep } from "./backoff"
import type { RequestBudget } from "./request-budget"

export const DEFAULT_PLACES_BASE_URL = "https://places.googleapis.com"
export const PLACES_PAGE_SIZE = 20
export const PLACES_RESULT_CAP = 60

/** Fields Prospector needs (Text Search Enterprise tier, billed per request/page). */
export const DEFAULT_FIELD_MASK: readonly string[] = [
  "places.id",
  "places.displayName",
  "places.formattedAddress",
  "places.addressComponents",
  "places.location",
  "places.types",
  "places.primaryType",
  "places.businessStatus",
  "places.googleMapsUri",
  "places.nationalPhoneNumber",
  "places.internationalPhoneNumber",
  "places.websiteUri",
  "places.rating",
  "places.userRatingCount",
  "places.movedPlaceId",
  "nextPageToken",
]

export interface LatLng {
  latitude: number
  longitude: number
}

export interface Rectangle {
  low: LatLng
  high: LatLng
}

export interface LocalizedText {
  text: string
  languageCode?: string
}

/** A place as returned by the API: only the masked fields are present. */
export interface Place {
  id: string
  displayName?: LocalizedText
  formattedAddress?: string
  addressComponents?: Array<{
    longText?: string
    shortText?: string
    types?: string[]
    languageCode?: string
  }>
  location?: LatLng
  types?: string[]
  primaryType?: string
  businessStatus?:
    "OPERATIONAL" | "CLOSED_TEMPORARILY" | "CLOSED_PERMANENTLY" | string
  googleMapsUri?: string
  nationalPhoneNumber?: string
  internationalPhoneNumber?: string
  websiteUri?: string
  rating?: number
  userRatingCount?: number
  movedPlaceId?: string
  [field: string]: unknown
}

export interface LedgerEntry {
  query: string
  language: string
  /** 1-based page number within one tile search */
  page: number
  /** tile id: "r" for the root rectangle, "r.0".."r.3" for its quarters, etc. */
  tile: string
  /** HTTP status, or "network_error" when no response was received */
  status: number | "network_error"
  /** 1 for the first attempt, 2+ for retries */
  attempt: number
  at: Date
}

export interface PlacesLogger {
  info?(message: string): void
  warn?(message: string): void
}

export interface PlacesClientOptions {
  apiKey: string
  budget: RequestBudget
  baseUrl?: string
  fieldMask?: readonly string[]
  ledger?: (entry: LedgerEntry) => void | Promise<void>
  logger?: PlacesLogger
  backoff?: Partial<BackoffOptions>
  sleep?: Sleep
  fetch?: typeof fetch
  now?: () => Date
  regionCode?: string
  resultCap?: number
  maxTileDepth?: number
  timeoutMs?: number
}

export interface SearchParams {
  textQuery: string
  /** "fr" or "ar" for Tunisia */
  languageCode: string
  rectangle: Rectangle
  includedType?: string
  includePureServiceAreaBusinesses?: boolean
}

export interface SearchResult {
  places: Place[]
  pages: number
  /** true when the search returned the result cap (more places probably exist) */
  capped: boolean
  /** true when the search stopped because the request budget was used up */
  budget_exhausted: boolean
}

export interface TileReport {
  tile: string
  depth: number
  rectangle: Rectangle
  results: number
  pages: number
  capped: boolean
  /** capped at the maximum depth: results in this tile are incomplete */
  truncated: boolean
}

export interface AreaSearchResult {
  /** unique by place id */
  places: Place[]
  tiles: TileReport[]
  requests: number
  budget_exhausted: boolean
}

export class PlacesApiError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null,
    readonly googleStatus: string | null,
    readonly retryable: boolean
  ) {
    super(message)
    this.name = "PlacesApiError"
  }
}
