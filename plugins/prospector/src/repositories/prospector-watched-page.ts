import { dataSource } from "@medusajs/medusa/dist/loaders/database"

import { SqlWhere } from "@shabou/sql"
import { ProspectorWatchedPage } from "../models/prospector-watched-page"

/** The columns an admin sets on a watched page that hold optional text (null or a string). */
export const WATCHED_PAGE_TEXT_COLUMNS = [
  "variant_id",
  "sku",
  "offer_sku",
  "offer_mpn",
  "offer_gtin",
  "selector",
  "stock_selector",
] as const

/** The columns an admin sets on a watched page (in the order an unknown field's 400 lists them). */
export const WATCHED_PAGE_INPUT_COLUMNS = [
  "url",
  "supplier",
  "kind",
  ...WATCHED_PAGE_TEXT_COLUMNS,
  "needs_js",
  "currency",
  "threshold_percent",
  "margin_percent",
  "active",
] as const

type InputColumn = (typeof WATCHED_PAGE_INPUT_COLUMNS)[number]

/** A `prospector_watched_page` row (every column). */
export type WatchedPageRow = Pick<
  ProspectorWatchedPage,
  | "id"
  | InputColumn
  | "etag"
  | "last_modified"
  | "last_checked_at"
  | "last_status"
  | "last_error"
  | "created_at"
  | "updated_at"
  | "deleted_at"
>

/** The last observation of a page, as the admin list shows it (amount in minor units). */
export type LastObservation = {
  id: string
  observed_at: Date
  amount: number
  currency: string
  in_stock: boolean | null
  method: string
}

/** A watched page with its variant's titles, its last observation and its open alerts. */
export type WatchedPageView = WatchedPageRow & {
  variant_title: string | null
  product_id: string | null
  product_title: string | null
  open_alerts: number
  last_observation: LastObservation | null
}

/** The columns an admin sets on a watched page. */
export type WatchedPageInput = Partial<Pick<WatchedPageRow, InputColumn>>

export type WatchedPageFilter = {
  supplier?: string
  kind?: string
  active?: boolean
  variant_id?: string
  product_id?: string
  q?: string
}

type ViewRow = Omit<WatchedPageView, "last_observation"> & {
  lo_id: string | null
  lo_observed_at: Date | null
  lo_amount: string | null
  lo_currency: string | null
  lo_in_stock: boolean | null
  lo_method: string | null
}

/** A watched page with its variant's titles, its last observation (lo_* columns) and its open alerts. */
const PAGE_SELECT = `SELECT p.*, v.title AS variant_title, v.product_id, pr.title AS product_title,
  lo.id AS lo_id, lo.observed_at AS lo_observed_at, lo.amount AS lo_amount, lo.currency AS lo_currency,
  lo.in_stock AS lo_in_stock, lo.method AS lo_method,
  (SELECT count(*)::int FROM prospector_price_alert a WHERE a.watched_page_id = p.id AND a.acknowledged_at IS NULL) AS open_alerts
  FROM prospector_watched_page p
  LEFT JOIN product_variant v ON v.id = p.variant_id
  LEFT JOIN product pr ON pr.id = v.product_id
  LEFT JOIN LATERAL (
    SELECT o.id, o.observed_at, o.amount, o.currency, o.in_stock, o.method FROM prospector_price_observation o
    WHERE o.watched_page_id = p.id ORDER BY o.observed_at DESC, o.created_at DESC LIMIT 1
  ) lo ON true`

function withLastObservation(row: ViewRow): WatchedPageView {
  const {
    lo_id,
    lo_observed_at,
    lo_amount,
    lo_currency,
    lo_in_stock,
    lo_method,
    ...page
  } = row
  return {
    ...page,
    last_observation: lo_id
      ? {
          id: lo_id,
          observed_at: lo_observed_at as Date,
          amount: Number(lo_amount),
          currency: lo_currency as string,
          in_stock: lo_in_stock,
          method: lo_method as string,
        }
      : null,
  }
}

export const ProspectorWatchedPageRepository = dataSource
  .getRepository(ProspectorWatchedPage)
  .extend({
    /** Inserts the page; a second page with the same URL and offer identifiers fails with 23505. */
    async insertPage(id: string, data: WatchedPageInput): Promise<void> {
      const cols = Object.keys(data) as Array<keyof WatchedPageInput>
      await this.query(
        `INSERT INTO prospector_watched_page (id, ${cols.join(", ")}) VALUES ($1, ${cols.map((_, i) => `$${i + 2}`).join(", ")})`,
        [id, ...cols.map((c) => data[c])]
      )
    },

    /** Updates the given columns; a new URL forgets the HTTP cache validators. */
    async updatePage(
      id: string,
      data: WatchedPageInput,
      resetCache: boolean
    ): Promise<void> {
      const cols = Object.keys(data) as Array<keyof WatchedPageInput>
      await this.query(
        `UPDATE prospector_watched_page SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(", ")}
         ${resetCache ? ", etag = NULL, last_modified = NULL" : ""}, updated_at = now() WHERE id = $1`,
        [id, ...cols.map((c) => data[c])]
      )
    },

    async softDeletePage(id: string): Promise<void> {
      await this.query(
        `UPDATE prospector_watched_page SET deleted_at = now(), active = false WHERE id = $1`,
        [id]
      )
    },

    async findView(id: string): Promise<WatchedPageView | null> {
      const [row] = await this.query(
        `${PAGE_SELECT} WHERE p.id = $1 AND p.deleted_at IS NULL`,
        [id]
      )
      return row ? withLastObservation(row) : null
    },

    async listViews(
      filter: WatchedPageFilter,
      page: { limit: number; offset: number }
    ): Promise<[WatchedPageView[], number]> {
      const where = new SqlWhere(["p.deleted_at IS NULL"])
      for (const key of ["supplier", "kind", "active", "variant_id"] as const) {
        where.when(filter[key], (p) => `p.${key} = ${p}`)
      }
      where.when(filter.product_id || undefined, (p) => `v.product_id = ${p}`)
      where.when(
        filter.q
          ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
          : undefined,
        (p) =>
          `(p.url ILIKE ${p} OR p.supplier ILIKE ${p} OR p.sku ILIKE ${p} OR pr.title ILIKE ${p})`
      )
      const rows: ViewRow[] = await this.query(
        `${PAGE_SELECT} ${where.clause} ORDER BY p.supplier, p.url, p.id LIMIT ${page.limit} OFFSET ${page.offset}`,
        where.values
      )
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM prospector_watched_page p
         LEFT JOIN product_variant v ON v.id = p.variant_id LEFT JOIN product pr ON pr.id = v.product_id ${where.clause}`,
        where.values
      )
      return [rows.map(withLastObservation), count]
    },

    /** The ids among `ids` of pages that exist (not deleted). */
    async existingIds(ids: string[]): Promise<Set<string>> {
      const rows: Array<{ id: string }> = await this.query(
        `SELECT id FROM prospector_watched_page WHERE deleted_at IS NULL AND id = ANY($1)`,
        [ids]
      )
      return new Set(rows.map((r) => r.id))
    },

    /** The active pages a pass checks (all of them, or those of `ids`), by URL. */
    async activePages(ids?: string[]): Promise<WatchedPageRow[]> {
      const params: unknown[] = []
      let extra = ""
      if (ids?.length) {
        params.push(ids)
        extra = `AND id = ANY($1)`
      }
      return await this.query(
        `SELECT * FROM prospector_watched_page WHERE deleted_at IS NULL AND active = true ${extra} ORDER BY url, id`,
        params
      )
    },

    async markChecked(
      id: string,
      status: string,
      error: string | null
    ): Promise<void> {
      await this.query(
        `UPDATE prospector_watched_page SET last_checked_at = now(), last_status = $2, last_error = $3 WHERE id = $1`,
        [id, status, error]
      )
    },

    async saveValidators(
      id: string,
      etag: string | null,
      lastModified: string | null
    ): Promise<void> {
      await this.query(
        `UPDATE prospector_watched_page SET etag = $2, last_modified = $3 WHERE id = $1`,
        [id, etag, lastModified]
      )
    },

    /** Our variant (not deleted) by id or by SKU. */
    async findVariant(
      by: { id: string } | { sku: string }
    ): Promise<{ id: string; sku: string | null } | null> {
      const [v] =
        "id" in by
          ? await this.query(
              `SELECT id, sku FROM product_variant WHERE id = $1 AND deleted_at IS NULL`,
              [by.id]
            )
          : await this.query(
              `SELECT id FROM product_variant WHERE sku = $1 AND deleted_at IS NULL`,
              [by.sku]
            )
      return v ?? null
    },

    /** Our price for a variant: its TND price outside price lists (millimes), or null. */
    async ourTndPrice(variantId: string): Promise<number | null> {
      const [row] = await this.query(
        `SELECT ma.amount FROM product_variant_money_amount pvma
         JOIN money_amount ma ON ma.id = pvma.money_amount_id
         WHERE pvma.variant_id = $1 AND pvma.deleted_at IS NULL AND ma.deleted_at IS NULL
           AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL
         ORDER BY ma.region_id NULLS FIRST, ma.min_quantity NULLS FIRST LIMIT 1`,
        [variantId]
      )
      return row ? Number(row.amount) : null
    },
  })

export default ProspectorWatchedPageRepository
