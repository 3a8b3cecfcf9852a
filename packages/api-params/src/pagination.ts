import { integer } from "./integer"

export interface Pagination {
  limit: number
  offset: number
}

export interface PaginationOptions {
  /** limit when the client gives none */
  limit: number
  /** largest limit accepted */
  max: number
}

/**
 * `limit` (1…max, `defaults.limit` when absent) and `offset` (≥ 0, 0 when absent) from a query object,
 * e.g. `pagination(req.query, { limit: 50, max: 200 })`.
 */
export function pagination(
  query: Record<string, unknown>,
  defaults: PaginationOptions
): Pagination {
  return {
    limit: integer(query.limit, "limit", {
      default: defaults.limit,
      min: 1,
      max: defaults.max,
    }),
    offset: integer(query.offset, "offset", { default: 0, min: 0 }),
  }
}
