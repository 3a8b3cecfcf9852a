import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { rowsOf } from "@shabou/ops"
import { BulkColumn, columnArrays, SqlWhere } from "@shabou/sql"
import { countedUpsertSql } from "../lib/counted-upsert-sql"
import { OrionSalesHistory } from "../models/orion-sales-history"
import type { Frequency } from "../lib/types"

/** Units sold by a variant in one period (`period`: its first day, YYYY-MM-DD). */
export type PeriodSalesRow = { variant_id: string; p: string; qty: number }
/** A variant's last sale day (YYYY-MM-DD). */
export type LastSaleRow = { variant_id: string; last: string }
/** Units sold by one variant in one period of a history window. */
export type HistoryPointRow = { period_start: string; qty: number }

/** Units of a variant sold on one day (YYYY-MM-DD), as a CSV import stores them (duplicates summed). */
export type ImportedSale = {
  variant: string
  sku: string
  day: string
  qty: number
}

/** A stored row as the admin lists it (`day` YYYY-MM-DD, `qty` a number). */
export type SalesHistoryRow = {
  id: string
  variant_id: string
  sku: string | null
  day: string
  qty: number
  source: string
  order_id: string | null
  line_item_id: string | null
  created_at: Date
}

export type SalesHistoryFilter = {
  variant_id?: string
  sku?: string
  source?: string
}

const IMPORT_COLUMNS: BulkColumn<ImportedSale>[] = [
  { name: "variant_id", type: "varchar", value: (r) => r.variant },
  { name: "sku", type: "varchar", value: (r) => r.sku },
  { name: "day", type: "date", value: (r) => r.day },
  { name: "qty", type: "numeric", value: (r) => r.qty },
]

/**
 * Units sold per variant and day (orion_sales_history): written from placed orders and CSV imports,
 * listed by the admin, and read by the forecast runs.
 */
export const OrionSalesHistoryRepository = dataSource
  .getRepository(OrionSalesHistory)
  .extend({
    /**
     * Records the line items of these orders (canceled orders skipped, a line already recorded left
     * alone); how many rows were inserted.
     */
    async recordOrders(orderIds: string[]): Promise<number> {
      const rows: { id: string }[] = await this.query(
        `INSERT INTO "orion_sales_history" ("id", "variant_id", "sku", "day", "qty", "source", "order_id", "line_item_id")
         SELECT 'osh_' || li.id, li.variant_id, pv.sku, (o.created_at AT TIME ZONE 'Africa/Tunis')::date, li.quantity, 'order', o.id, li.id
         FROM "order" o
         JOIN "line_item" li ON li.order_id = o.id
         LEFT JOIN "product_variant" pv ON pv.id = li.variant_id
         WHERE o.id = ANY($1) AND o.status <> 'canceled' AND li.variant_id IS NOT NULL AND li.quantity > 0
         ON CONFLICT ("line_item_id") WHERE "source" = 'order' DO NOTHING
         RETURNING "id"`,
        [orderIds]
      )
      return rows.length
    },

    /** Removes the rows of an order; how many were deleted. */
    async removeOrder(orderId: string): Promise<number> {
      const res = await this.query(
        `DELETE FROM "orion_sales_history" WHERE "source" = 'order' AND "order_id" = $1 RETURNING "id"`,
        [orderId]
      )
      return rowsOf<{ id: string }>(res).length
    },

    /** The ids of the orders not canceled, oldest first. */
    async placedOrderIds(): Promise<string[]> {
      const rows: { id: string }[] = await this.query(
        `SELECT o.id FROM "order" o WHERE o.status <> 'canceled' ORDER BY o.created_at`
      )
      return rows.map((r) => r.id)
    },

    /**
     * Inserts these imported (variant, day) quantities, or updates an imported row of the same variant
     * and day whose quantity differs; how many were inserted and updated.
     */
    async upsertImported(
      sales: ImportedSale[]
    ): Promise<{ inserted: number; updated: number }> {
      const [res]: { inserted: number; updated: number }[] = await this.query(
        countedUpsertSql(
          IMPORT_COLUMNS,
          `INSERT INTO "orion_sales_history" ("id", "variant_id", "sku", "day", "qty", "source")
           SELECT 'osh_' || replace(gen_random_uuid()::text, '-', ''), variant_id, sku, day, qty, 'import' FROM input
           ON CONFLICT ("variant_id", "day") WHERE "source" = 'import'
           DO UPDATE SET "qty" = EXCLUDED."qty", "sku" = EXCLUDED."sku", "updated_at" = now()
           WHERE "orion_sales_history"."qty" IS DISTINCT FROM EXCLUDED."qty"`
        ),
        columnArrays(sales, IMPORT_COLUMNS)
      )
      return res
    },

    /** One page of the stored rows, the latest day first, and how many match in all. */
    async listFiltered(
      filter: SalesHistoryFilter,
      page: { limit: number; offset: number }
    ): Promise<[SalesHistoryRow[], number]> {
      const { clause, values: params } = new SqlWhere()
        .when(filter.variant_id, (p) => `"variant_id" = ${p}`)
        .when(filter.sku, (p) => `"sku" = ${p}`)
        .when(filter.source, (p) => `"source" = ${p}`)
      const [{ count }]: { count: number }[] = await this.query(
        `SELECT count(*)::int AS count FROM "orion_sales_history" ${clause}`,
        params
      )
      const rows: SalesHistoryRow[] = await this.query(
        `SELECT id, variant_id, sku, to_char(day, 'YYYY-MM-DD') AS day, qty::float AS qty, source, order_id, line_item_id, created_at
         FROM "orion_sales_history" ${clause} ORDER BY day DESC, id LIMIT ${page.limit} OFFSET ${page.offset}`,
        params
      )
      return [rows, count]
    },

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
