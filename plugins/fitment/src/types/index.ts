/** Shapes shared by the fitment services and routes. */

export interface Pagination {
  limit: number
  offset: number
}

export interface LinkInput {
  vehicle_id: string
  variant_id?: string | null
  position?: string | null
  quantity?: number | null
  engine_code?: string | null
  from_ym?: number | null
  to_ym?: number | null
  note_fr?: string | null
  note_ar?: string | null
  source?: "import" | "staff" | "supplier"
}

/** How the models of the coverage report can be ordered: the models that sell most first, or the least covered. */
export const COVERAGE_MODEL_SORTS = [
  "sold",
  "vehicles_without_parts",
  "parts",
] as const

export type CoverageModelFilter = {
  make_id?: string
  max_parts?: number
  q?: string
  days?: number
  sort?: (typeof COVERAGE_MODEL_SORTS)[number]
}

export type { ProductFilter } from "../lib/product-condition"

export type { Verdict } from "../lib/verdict"

/** Raw query results: the `pg` driver gives numeric as string, count as string. */
export type Row = Record<string, any>
