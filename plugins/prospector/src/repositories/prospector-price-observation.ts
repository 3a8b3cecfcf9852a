import { dataSource } from "@medusajs/medusa/dist/loaders/database"

import { SqlWhere } from "@shabou/sql"
import { ProspectorPriceObservation } from "../models/prospector-price-observation"

/** A `prospector_price_observation` row as read with SQL (bigint `amount` as a string). */
export type ObservationRow = Omit<ProspectorPriceObservation, "amount"> & {
  amount: string
}

/** An observation with its page's `url`, `supplier`, `sku` and our `variant_id` (the admin list). */
export type ObservationListRow = ObservationRow &
  Pick<WatchedPageColumns, "url" | "supplier" | "sku" | "variant_id">

type WatchedPageColumns = {
  url: string
  supplier: string
  sku: string | null
  variant_id: string | null
}

export type ObservationInput = Pick<
  ProspectorPriceObservation,
  | "id"
  | "watched_page_id"
  | "amount"
  | "currency"
  | "in_stock"
  | "method"
  | "matched_by"
  | "via"
  | "run_id"
>

/** A price change of the week (the weekly report): the observation and the one before it. */
export type PriceChangeRow = Pick<
  ObservationRow,
  "observed_at" | "amount" | "currency"
> &
  Pick<WatchedPageColumns, "supplier" | "url" | "sku"> & {
    previous_amount: string | null
    previous_currency: string | null
  }

/** Which observations the admin lists (see `PriceObservationService.listObservations`). */
export type ObservationFilter = {
  watched_page_id?: string
  variant_id?: string
  product_id?: string
  since?: Date
}

export const ProspectorPriceObservationRepository = dataSource
  .getRepository(ProspectorPriceObservation)
  .extend({
    /** Observed now. */
    async record(o: ObservationInput): Promise<void> {
      await this.query(
        `INSERT INTO prospector_price_observation (id, watched_page_id, observed_at, amount, currency, in_stock, method, matched_by, via, run_id)
         VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8, $9)`,
        [
          o.id,
          o.watched_page_id,
          o.amount,
          o.currency,
          o.in_stock,
          o.method,
          o.matched_by,
          o.via,
          o.run_id,
        ]
      )
    },

    async latestOf(pageId: string): Promise<ObservationRow | null> {
      const [row] = await this.query(
        `SELECT * FROM prospector_price_observation WHERE watched_page_id = $1 ORDER BY observed_at DESC, created_at DESC LIMIT 1`,
        [pageId]
      )
      return row ?? null
    },

    async listAndCount(
      filter: ObservationFilter,
      page: { limit: number; offset: number }
    ): Promise<[ObservationListRow[], number]> {
      const { clause, values: params } = new SqlWhere()
        .when(
          filter.watched_page_id || undefined,
          (p) => `o.watched_page_id = ${p}`
        )
        .when(filter.variant_id || undefined, (p) => `p.variant_id = ${p}`)
        .when(
          filter.product_id || undefined,
          (p) =>
            `p.variant_id IN (SELECT pv.id FROM product_variant pv WHERE pv.product_id = ${p})`
        )
        .when(filter.since || undefined, (p) => `o.observed_at >= ${p}`)
      const rows: ObservationListRow[] = await this.query(
        `SELECT o.*, p.url, p.supplier, p.sku, p.variant_id FROM prospector_price_observation o JOIN prospector_watched_page p ON p.id = o.watched_page_id
         ${clause} ORDER BY o.observed_at DESC, o.created_at DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        params
      )
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM prospector_price_observation o JOIN prospector_watched_page p ON p.id = o.watched_page_id ${clause}`,
        params
      )
      return [rows, count]
    },

    /** Observations in [start, end) whose price differs from the page's previous observation. */
    async priceChangesBetween(
      start: Date,
      end: Date
    ): Promise<PriceChangeRow[]> {
      return await this.query(
        `SELECT * FROM (
           SELECT o.observed_at, o.amount, o.currency, p.supplier, p.url, p.sku,
                  lag(o.amount) OVER w AS previous_amount, lag(o.currency) OVER w AS previous_currency
           FROM prospector_price_observation o JOIN prospector_watched_page p ON p.id = o.watched_page_id
           WHERE o.observed_at < $2
           WINDOW w AS (PARTITION BY o.watched_page_id ORDER BY o.observed_at, o.created_at)
         ) x
         WHERE x.observed_at >= $1 AND (x.previous_amount IS NULL OR x.previous_amount <> x.amount OR x.previous_currency <> x.currency)
         ORDER BY x.observed_at`,
        [start, end]
      )
    },
  })

export default ProspectorPriceObservationRepository
