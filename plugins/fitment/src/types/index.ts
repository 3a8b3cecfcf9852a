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

export interface ProductFilter {
  vehicleIds?: string[]
  brandIds?: string[]
}

export type { Verdict } from "../lib/verdict"

/** Raw query results: the `pg` driver gives numeric as string, count as string. */
export type Row = Record<string, any>
