import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { SqlWhere } from "@shabou/sql"
import type { HistoryRow } from "../lib/history-csv"
import type { HistoryQuery } from "../lib/history-query"
import type { CurrentPrice, WindowChange } from "../lib/lowest-price"
import { PriceHistory } from "../models/price-history"

export type ProductState = { status: string; deleted_at: Date | null }

/** A recent price change without price list, with its product's title and variant's SKU (the owner's dashboard). */
export type RecentPriceChange = Pick<
  PriceHistory,
  | "id"
  | "changed_at"
  | "product_id"
  | "variant_id"
  | "new_amount"
  | "old_amount"
  | "currency_code"
> & {
  /** null when the change names no product, or a product no longer stored */
  product_title: string | null
  /** null when the change names no variant, or a variant no longer stored */
  variant_sku: string | null
}

/**
 * Reads of `price_history` (written by the database triggers of migration PriceHistoryCapture1732380000000,
 * never by this code) and of the core price tables it is compared with.
 */
export const PriceHistoryRepository = dataSource
  .getRepository(PriceHistory)
  .extend({
    async productState(productId: string): Promise<ProductState | null> {
      const rows: ProductState[] = await this.query(
        `SELECT status, deleted_at FROM product WHERE id = $1`,
        [productId]
      )
      return rows[0] ?? null
    },

    /** One page of a product's price changes, newest first, and how many match in all. */
    async page(
      productId: string,
      q: HistoryQuery
    ): Promise<{ rows: HistoryRow[]; count: number }> {
      const where = new SqlWhere(["ph.product_id = $1"], [productId])
        .anyOf("ph.variant_id", q.variant_id)
        .anyOf("ph.currency_code", q.currency_code)
      if (q.from) {
        where.and((p) => `ph.changed_at >= ${p(q.from)}`)
      }
      if (q.to) {
        where.and((p) => `ph.changed_at <= ${p(q.to)}`)
      }
      const [{ count }]: Array<{ count: number }> = await this.query(
        `SELECT count(*)::int AS count FROM price_history ph ${where.clause}`,
        where.values
      )
      const limit = where.params.add(q.limit)
      const offset = where.params.add(q.offset)
      const rows: HistoryRow[] = await this.query(
        `SELECT ph.id::text AS id, ph.product_id, ph.variant_id, pv.sku AS variant_sku, ph.money_amount_id,
                ph.currency_code, ph.region_id, ph.price_list_id, ph.min_quantity, ph.max_quantity,
                ph.change, ph.old_amount, ph.new_amount, ph.changed_at, ph.source, ph.actor,
                u.email AS actor_email, ph.origin
           FROM price_history ph
           LEFT JOIN product_variant pv ON pv.id = ph.variant_id
           LEFT JOIN "user" u ON u.id = ph.actor
          ${where.clause}
          ORDER BY ph.changed_at DESC, ph.id DESC
          LIMIT ${limit} OFFSET ${offset}`,
        where.values
      )
      return { rows, count }
    },

    /** The database's clock now and `days` days ago (the window of a summary). */
    async window(days: number): Promise<{ now: Date; since: Date }> {
      const [row]: Array<{ now: Date; since: Date }> = await this.query(
        `SELECT now() AS now, now() - make_interval(days => $1) AS since`,
        [days]
      )
      return row
    },

    /** The base prices in force now (no price list, no quantity tier) of a product's variants. */
    async currentBasePrices(productId: string): Promise<CurrentPrice[]> {
      return this.query(
        `SELECT pvma.variant_id, ma.currency_code, ma.amount
           FROM product_variant pv
           JOIN product_variant_money_amount pvma ON pvma.variant_id = pv.id AND pvma.deleted_at IS NULL
           JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
          WHERE pv.product_id = $1 AND pv.deleted_at IS NULL
            AND ma.price_list_id IS NULL AND ma.min_quantity IS NULL AND ma.max_quantity IS NULL`,
        [productId]
      )
    },

    /** The base price changes of a product's live variants since `since`, in the order they were made. */
    async baseChangesSince(
      productId: string,
      since: Date
    ): Promise<WindowChange[]> {
      return this.query(
        `SELECT ph.variant_id, ph.currency_code, ph.old_amount, ph.new_amount, ph.changed_at
           FROM price_history ph
           JOIN product_variant pv ON pv.id = ph.variant_id AND pv.deleted_at IS NULL
          WHERE ph.product_id = $1 AND ph.changed_at >= $2
            AND ph.price_list_id IS NULL AND ph.min_quantity IS NULL AND ph.max_quantity IS NULL
          ORDER BY ph.id`,
        [productId, since]
      )
    },

    /** The `limit` latest changes of prices outside price lists, newest first. */
    async recentChanges(limit: number): Promise<RecentPriceChange[]> {
      return this.query(
        `SELECT ph.id::text AS id, ph.changed_at, ph.product_id, ph.variant_id, p.title AS product_title,
                pv.sku AS variant_sku, ph.new_amount, ph.old_amount, ph.currency_code
           FROM price_history ph
           LEFT JOIN product p ON p.id = ph.product_id
           LEFT JOIN product_variant pv ON pv.id = ph.variant_id
          WHERE ph.price_list_id IS NULL
          ORDER BY ph.changed_at DESC, ph.id DESC
          LIMIT $1`,
        [limit]
      )
    },
  })

export default PriceHistoryRepository
