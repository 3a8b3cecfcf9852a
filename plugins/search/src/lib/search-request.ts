import { ID_PATTERN } from "@shabou/api-params"
/** Validation of the body of POST /store/products/search. */

export class BodyError extends Error {
  constructor(
    public readonly field: string,
    message: string
  ) {
    super(
      field
        ? `Invalid search body, field "${field}": ${message}`
        : `Invalid search body: ${message}`
    )
  }
}

export type SearchRequest = {
  q: string
  offset: number
  limit: number
  vehicle_id: string | null
  category_id: string[]
}

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100
export const MAX_OFFSET = 10000
export const MAX_QUERY_LENGTH = 200

const KNOWN = ["q", "offset", "limit", "vehicle_id", "category_id"]

function int(
  body: Record<string, unknown>,
  field: string,
  fallback: number,
  min: number,
  max: number
): number {
  const v = body[field]
  if (v === undefined || v === null) {
    return fallback
  }
  const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new BodyError(
      field,
      `expected a whole number, got ${JSON.stringify(v)}`
    )
  }
  if (n < min || n > max) {
    throw new BodyError(field, `must be between ${min} and ${max}, got ${n}`)
  }
  return n
}

export function parseSearchRequest(body: unknown): SearchRequest {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new BodyError(
      "",
      `expected a JSON object like {"q": "plaquettes", "limit": 20}, got ${Array.isArray(body) ? "an array" : typeof body}`
    )
  }
  const b = body as Record<string, unknown>
  const unknown = Object.keys(b).filter((k) => !KNOWN.includes(k))
  if (unknown.length) {
    throw new BodyError(
      unknown[0],
      `unknown field (allowed: ${KNOWN.join(", ")})`
    )
  }
  const q = b.q ?? ""
  if (typeof q !== "string") {
    throw new BodyError("q", `expected a string, got ${typeof q}`)
  }
  if (q.length > MAX_QUERY_LENGTH) {
    throw new BodyError(
      "q",
      `at most ${MAX_QUERY_LENGTH} characters, got ${q.length}`
    )
  }
  let vehicle: string | null = null
  if (b.vehicle_id !== undefined && b.vehicle_id !== null) {
    if (
      typeof b.vehicle_id !== "string" ||
      !ID_PATTERN.test(b.vehicle_id.trim())
    ) {
      throw new BodyError(
        "vehicle_id",
        "expected a vehicle id (letters, digits, _ and -)"
      )
    }
    vehicle = b.vehicle_id.trim()
  }
  let categories: string[] = []
  if (b.category_id !== undefined && b.category_id !== null) {
    const list = Array.isArray(b.category_id) ? b.category_id : [b.category_id]
    if (
      list.length > 50 ||
      list.some((c) => typeof c !== "string" || !ID_PATTERN.test(c.trim()))
    ) {
      throw new BodyError(
        "category_id",
        "expected a category id or a list of at most 50 category ids (strings)"
      )
    }
    categories = (list as string[]).map((c) => c.trim())
  }
  return {
    q: q.trim(),
    offset: int(b, "offset", 0, 0, MAX_OFFSET),
    limit: int(b, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
    vehicle_id: vehicle,
    category_id: categories,
  }
}
