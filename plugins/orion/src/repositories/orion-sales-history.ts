import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { OrionSalesHistory } from "../models/orion-sales-history"
import type { Frequency } from "../lib/types"

/** Units sold by a variant in one period (`period`: its first day, YYYY-MM-DD). */
export type PeriodSalesRow = { variant_id: string; p: string; qty: number }
/** A variant's last sale day (YYYY-MM-DD). */
export type LastSaleRow = { variant_id: string; last: string }
/** Units sold by one variant in one period of a history window. */
export type HistoryPointRow = { period_start: string; qty: number }

/** Units sold per variant and day (orion_sales_history), as the forecast runs read them. */
export const OrionSalesHistoryRepository = dataSource
  .getRepository(OrionSalesHistory)
  .extend({
    /** Units per variant and period, over the days `from` (included) to `to` (excluded). */
    async periodSales(
      frequency: Frequency,
      from: string,
      to: string
    ): Promise<PeriodSalesRow[]> {
      return this.query(
        `SELECT variant_id, to_char(date_trunc($1, day::timestamp), 'YYYY-MM-DD') AS p, sum(qty)::float AS qty
         FROM "orion_sales_history" WHERE day >= $2 AND day < $3 GROUP BY 1, 2`,
        [frequency, from, to]
      )
    },

    /** The first day of the whole history (none stored: null). */
    async firstDay(): Promise<Date | string | null> {
      const [span]: { first: Date | string | null }[] = await this.query(
        `SELECT min(day) AS first FROM "orion_sales_history"`
      )
      return span?.first ?? null
    },

    /** Each variant's last sale day before `before` (YYYY-MM-DD). */
    async lastSales(before: string): Promise<LastSaleRow[]> {
      return this.query(
        `SELECT variant_id, to_char(max(day), 'YYYY-MM-DD') AS last FROM "orion_sales_history" WHERE day < $1 GROUP BY 1`,
        [before]
      )
    },

    /** One variant's units per period, the periods starting `from` to `to` (both YYYY-MM-DD, included). */
    async variantHistory(
      variantId: string,
      frequency: Frequency,
      from: string,
      to: string
    ): Promise<HistoryPointRow[]> {
      return this.query(
        `SELECT to_char(p, 'YYYY-MM-DD') AS period_start,
                COALESCE((SELECT sum(qty) FROM "orion_sales_history" h
                          WHERE h.variant_id = $1 AND h.day >= p::date AND h.day < (p + $2::interval)::date), 0)::float AS qty
         FROM generate_series($3::timestamp, $4::timestamp, $2::interval) AS p
         ORDER BY p`,
        [variantId, frequency === "week" ? "1 week" : "1 month", from, to]
      )
    },
  })

export default OrionSalesHistoryRepository
