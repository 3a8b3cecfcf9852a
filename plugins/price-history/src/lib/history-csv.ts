import { stringify } from "csv-stringify/sync"

export type HistoryRow = {
  id: string
  product_id: string | null
  variant_id: string | null
  variant_sku?: string | null
  money_amount_id: string
  currency_code: string
  region_id: string | null
  price_list_id: string | null
  min_quantity: number | null
  max_quantity: number | null
  change: string
  old_amount: number | null
  new_amount: number | null
  changed_at: Date | string
  source: string
  actor: string | null
  actor_email?: string | null
  origin: string | null
}

export const CSV_COLUMNS: (keyof HistoryRow)[] = [
  "changed_at",
  "product_id",
  "variant_id",
  "variant_sku",
  "currency_code",
  "region_id",
  "price_list_id",
  "min_quantity",
  "max_quantity",
  "change",
  "old_amount",
  "new_amount",
  "source",
  "actor",
  "actor_email",
  "origin",
  "money_amount_id",
  "id",
]

/** RFC 4180 CSV (header + one line per change), amounts in minor units, dates in ISO 8601 UTC. */
export function historyToCsv(rows: HistoryRow[]): string {
  return stringify(
    rows.map((r) =>
      CSV_COLUMNS.map((c) => {
        const v = r[c]
        if (v === null || v === undefined) {
          return ""
        }
        return v instanceof Date ? v.toISOString() : String(v)
      })
    ),
    { header: true, columns: CSV_COLUMNS as string[], record_delimiter: "\r\n" }
  )
}
