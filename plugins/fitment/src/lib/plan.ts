/**
 * Import plans: what an import would create, update or leave unchanged, given the parsed file and a snapshot
 * of stored records (plain objects). A dry run returns the plan; a real run applies the same plan, so both
 * share one code path. Re-importing a file that was applied gives only "unchanged".
 *
 * Empty cells never erase stored values: an import adds and corrects, it does not delete.
 */
export type Changes = Record<string, { from: unknown; to: unknown }>

export interface PlanSummary {
  created: number
  updated: number
  unchanged: number
  invalid: number
  duplicates: number
  /** Rows read (blank lines excluded). */
  total_rows: number
}

export * from "./plan-vehicles"
export * from "./plan-fitments"
