/**
 * Query-string parsing for the leads list and its CSV export (same filters):
 * status, kind, city, governorate, area, assignee, band, min_score, max_score, q,
 * order ("-score", "name", ...), limit, offset. Bad input names the parameter.
 */

export const LEAD_STATUSES = [
  "new",
  "contacted",
  "qualified",
  "won",
  "lost",
] as const
export const LEAD_KINDS = ["lead", "competitor"] as const
/** score bands (lib/scoring.ts scoreBand, thresholds in lib/scoring-config.ts) */
export const LEAD_BANDS = ["high", "medium", "low"] as const
export const LEAD_SORT_FIELDS = [
  "score",
  "name",
  "city",
  "status",
  "rating",
  "review_count",
  "first_seen_at",
  "last_seen_at",
  "updated_at",
] as const

export type LeadStatusValue = (typeof LEAD_STATUSES)[number]

export interface LeadFilters {
  status?: LeadStatusValue[]
  kind?: Array<(typeof LEAD_KINDS)[number]>
  city?: string[]
  governorate?: string[]
  area?: string[]
  assignee?: string
  band?: Array<(typeof LEAD_BANDS)[number]>
  min_score?: number
  max_score?: number
  q?: string
}

export interface LeadListQuery {
  filters: LeadFilters
  order: { field: (typeof LEAD_SORT_FIELDS)[number]; direction: "ASC" | "DESC" }
  limit: number
  offset: number
}

export class LeadQueryError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(`${field}: ${message}`)
    this.name = "LeadQueryError"
  }
}

type Raw = Record<string, unknown>

function list(raw: Raw, field: string): string[] | undefined {
  const v = raw[field]
  if (v === undefined || v === null || v === "") {
    return undefined
  }
  const values = (Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x).split(","))
    .map((s) => s.trim())
    .filter(Boolean)
  return values.length ? values : undefined
}

function oneOf<T extends string>(
  raw: Raw,
  field: string,
  allowed: readonly T[]
): T[] | undefined {
  const values = list(raw, field)
  if (!values) {
    return undefined
  }
  for (const v of values) {
    if (!allowed.includes(v as T)) {
      throw new LeadQueryError(
        field,
        `"${v}" is not one of ${allowed.join(", ")}`
      )
    }
  }
  return values as T[]
}

function int(
  raw: Raw,
  field: string,
  min: number,
  max: number
): number | undefined {
  const v = raw[field]
  if (v === undefined || v === null || v === "") {
    return undefined
  }
  const s = String(Array.isArray(v) ? v[0] : v).trim()
  if (!/^-?\d+$/.test(s)) {
    throw new LeadQueryError(field, `"${s}" is not a whole number`)
  }
  const n = Number(s)
  if (n < min || n > max) {
    throw new LeadQueryError(field, `${n} is outside ${min}..${max}`)
  }
  return n
}

export const KNOWN_LEAD_QUERY_KEYS = [
  "status",
  "kind",
  "city",
  "governorate",
  "area",
  "assignee",
  "band",
  "min_score",
  "max_score",
  "q",
  "order",
  "limit",
  "offset",
  "format",
  "delimiter",
]

export function parseLeadQuery(
  raw: Raw,
  options: { maxLimit?: number; defaultLimit?: number } = {}
): LeadListQuery {
  for (const key of Object.keys(raw)) {
    if (!KNOWN_LEAD_QUERY_KEYS.includes(key)) {
      throw new LeadQueryError(
        key,
        `unknown parameter (allowed: ${KNOWN_LEAD_QUERY_KEYS.join(", ")})`
      )
    }
  }
  const filters: LeadFilters = {}
  filters.status = oneOf(raw, "status", LEAD_STATUSES)
  filters.kind = oneOf(raw, "kind", LEAD_KINDS)
  filters.city = list(raw, "city")
  filters.governorate = list(raw, "governorate")
  filters.area = list(raw, "area")
  const assignee = list(raw, "assignee")
  filters.assignee = assignee?.[0]
  filters.band = oneOf(raw, "band", LEAD_BANDS)
  filters.min_score = int(raw, "min_score", 0, 100)
  filters.max_score = int(raw, "max_score", 0, 100)
  if (
    filters.min_score !== undefined &&
    filters.max_score !== undefined &&
    filters.min_score > filters.max_score
  ) {
    throw new LeadQueryError(
      "min_score",
      `${filters.min_score} is above max_score ${filters.max_score}`
    )
  }
  const q = raw.q === undefined ? undefined : String(raw.q).trim()
  if (q) {
    if (q.length > 200) {
      throw new LeadQueryError("q", "is longer than 200 characters")
    }
    filters.q = q
  }
  for (const k of Object.keys(filters) as Array<keyof LeadFilters>) {
    if (filters[k] === undefined) {
      delete filters[k]
    }
  }
  const orderRaw =
    raw.order === undefined || raw.order === ""
      ? "-score"
      : String(raw.order).trim()
  const desc = orderRaw.startsWith("-")
  const field = orderRaw.replace(/^[-+]/, "")
  if (!(LEAD_SORT_FIELDS as readonly string[]).includes(field)) {
    throw new LeadQueryError(
      "order",
      `"${orderRaw}" is not a sort field (${LEAD_SORT_FIELDS.join(", ")}, "-" prefix for descending)`
    )
  }
  const maxLimit = options.maxLimit ?? 200
  return {
    filters,
    order: {
      field: field as LeadListQuery["order"]["field"],
      direction: desc ? "DESC" : "ASC",
    },
    limit: int(raw, "limit", 1, maxLimit) ?? options.defaultLimit ?? 50,
    offset: int(raw, "offset", 0, Number.MAX_SAFE_INTEGER) ?? 0,
  }
}

/** SQL WHERE for the filters (columns of prospector_lead aliased "l"), with $n parameters. */
export function leadFiltersSql(
  filters: LeadFilters,
  foldedQ: string | null
): { where: string; params: unknown[] } {
  const clauses: string[] = []
  const params: unknown[] = []
  const p = (v: unknown) => {
    params.push(v)
    return `$${params.length}`
  }
  if (filters.status) {
    clauses.push(`l.status = ANY(${p(filters.status)})`)
  }
  if (filters.kind) {
    clauses.push(`l.kind = ANY(${p(filters.kind)})`)
  }
  if (filters.city) {
    clauses.push(
      `lower(l.city) = ANY(${p(filters.city.map((c) => c.toLowerCase()))})`
    )
  }
  if (filters.governorate) {
    clauses.push(
      `lower(l.governorate) = ANY(${p(filters.governorate.map((c) => c.toLowerCase()))})`
    )
  }
  if (filters.area) {
    clauses.push(`l.area = ANY(${p(filters.area)})`)
  }
  if (filters.assignee) {
    clauses.push(`l.assignee = ${p(filters.assignee)}`)
  }
  if (filters.band) {
    clauses.push(`l.score_band = ANY(${p(filters.band)})`)
  }
  if (filters.min_score !== undefined) {
    clauses.push(`l.score >= ${p(filters.min_score)}`)
  }
  if (filters.max_score !== undefined) {
    clauses.push(`l.score <= ${p(filters.max_score)}`)
  }
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const parts = [
      `l.name ILIKE ${p(like)}`,
      `l.address ILIKE $${params.length}`,
      `l.phone ILIKE $${params.length}`,
    ]
    if (foldedQ) {
      parts.push(
        `l.name_folded LIKE ${p(`%${foldedQ.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`
      )
    }
    clauses.push(`(${parts.join(" OR ")})`)
  }
  return {
    where: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "",
    params,
  }
}
