/** Validation of the query string of GET /admin/products/:id/price-history. */

export class QueryError extends Error {
  constructor(
    public readonly field: string,
    message: string
  ) {
    super(`Invalid query parameter "${field}": ${message}`)
  }
}

export type HistoryQuery = {
  variant_id: string[]
  currency_code: string[]
  from: Date | null
  to: Date | null
  limit: number
  offset: number
  format: "json" | "csv"
}

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 1000
/** CSV exports are not paginated unless `limit` is given; this caps them. */
export const MAX_CSV_ROWS = 100000

type Raw = Record<string, unknown>

const KNOWN = new Set([
  "variant_id",
  "currency_code",
  "from",
  "to",
  "limit",
  "offset",
  "format",
])

function list(raw: Raw, field: string): string[] {
  const value = raw[field]
  if (value === undefined || value === "") {
    return []
  }
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => {
    if (typeof v !== "string") {
      throw new QueryError(field, "expected a string or a list of strings")
    }
    return v.split(",")
  })
  return items.map((s) => s.trim()).filter(Boolean)
}

function integer(
  raw: Raw,
  field: string,
  fallback: number,
  min: number,
  max: number
): number {
  const value = raw[field]
  if (value === undefined || value === "") {
    return fallback
  }
  if (typeof value !== "string" || !/^\d+$/.test(value)) {
    throw new QueryError(
      field,
      `expected a whole number, got ${JSON.stringify(value)}`
    )
  }
  const n = Number(value)
  if (n < min || n > max) {
    throw new QueryError(field, `must be between ${min} and ${max}, got ${n}`)
  }
  return n
}

function date(raw: Raw, field: string): Date | null {
  const value = raw[field]
  if (value === undefined || value === "") {
    return null
  }
  if (
    typeof value !== "string" ||
    !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
  ) {
    throw new QueryError(
      field,
      `expected an ISO 8601 date or date-time, got ${JSON.stringify(value)}`
    )
  }
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) {
    throw new QueryError(field, `${JSON.stringify(value)} is not a real date`)
  }
  return d
}

/** Parses and validates the query; throws QueryError naming the offending parameter. */
export function parseHistoryQuery(raw: Raw): HistoryQuery {
  for (const key of Object.keys(raw)) {
    if (!KNOWN.has(key)) {
      throw new QueryError(
        key,
        `unknown parameter (allowed: ${[...KNOWN].join(", ")})`
      )
    }
  }
  const formatRaw =
    raw.format === undefined || raw.format === "" ? "json" : raw.format
  if (formatRaw !== "json" && formatRaw !== "csv") {
    throw new QueryError(
      "format",
      `expected "json" or "csv", got ${JSON.stringify(formatRaw)}`
    )
  }
  const format = formatRaw as "json" | "csv"
  const currencies = list(raw, "currency_code").map((c) => {
    if (!/^[a-zA-Z]{3}$/.test(c)) {
      throw new QueryError(
        "currency_code",
        `expected a 3-letter ISO 4217 code, got ${JSON.stringify(c)}`
      )
    }
    return c.toLowerCase()
  })
  const from = date(raw, "from")
  const to = date(raw, "to")
  if (from && to && from > to) {
    throw new QueryError("from", 'must not be after "to"')
  }
  const csvDefault = format === "csv" ? MAX_CSV_ROWS : DEFAULT_LIMIT
  return {
    variant_id: list(raw, "variant_id"),
    currency_code: currencies,
    from,
    to,
    limit: integer(
      raw,
      "limit",
      csvDefault,
      1,
      format === "csv" ? MAX_CSV_ROWS : MAX_LIMIT
    ),
    offset: integer(raw, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
    format,
  }
}
