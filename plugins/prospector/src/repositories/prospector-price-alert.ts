import { dataSource } from "@medusajs/medusa/dist/loaders/database"

import { insertSql, SqlWhere } from "@shabou/sql"
import { ProspectorPriceAlert } from "../models/prospector-price-alert"

/** A `prospector_price_alert` row (every column). */
export type AlertRow = Pick<
  ProspectorPriceAlert,
  | "id"
  | "watched_page_id"
  | "observation_id"
  | "kind"
  | "message"
  | "details"
  | "acknowledged_at"
  | "created_at"
>

/** An alert with its page and our variant, as the admin list shows it. */
export type AlertListRow = AlertRow & {
  url: string
  supplier: string
  sku: string | null
  variant_id: string | null
  product_id: string | null
  variant_title: string | null
  product_title: string | null
}

/** An alert of the week (the weekly report). */
export type ReportAlertRow = Pick<AlertRow, "kind" | "message" | "created_at"> &
  Pick<AlertListRow, "supplier" | "url" | "sku">

/** Which alerts the admin lists. */
export type AlertFilter = {
  watched_page_id?: string
  kind?: string
  acknowledged?: boolean
}

export const ProspectorPriceAlertRepository = dataSource
  .getRepository(ProspectorPriceAlert)
  .extend({
    async record(
      alert: Pick<
        AlertRow,
        "id" | "watched_page_id" | "observation_id" | "kind" | "message"
      > & { details: object }
    ): Promise<void> {
      await this.query(
        ...insertSql("prospector_price_alert", {
          id: alert.id,
          watched_page_id: alert.watched_page_id,
          observation_id: alert.observation_id,
          kind: alert.kind,
          message: alert.message,
          details: JSON.stringify(alert.details),
        })
      )
    },

    async listAndCount(
      filter: AlertFilter,
      page: { limit: number; offset: number }
    ): Promise<[AlertListRow[], number]> {
      const where = new SqlWhere()
        .when(
          filter.watched_page_id || undefined,
          (p) => `a.watched_page_id = ${p}`
        )
        .when(filter.kind || undefined, (p) => `a.kind = ${p}`)
      if (filter.acknowledged !== undefined) {
        where.and(
          filter.acknowledged
            ? "a.acknowledged_at IS NOT NULL"
            : "a.acknowledged_at IS NULL"
        )
      }
      const rows: AlertListRow[] = await this.query(
        `SELECT a.*, p.url, p.supplier, p.sku, p.variant_id, v.product_id, v.title AS variant_title, pr.title AS product_title
         FROM prospector_price_alert a JOIN prospector_watched_page p ON p.id = a.watched_page_id
         LEFT JOIN product_variant v ON v.id = p.variant_id LEFT JOIN product pr ON pr.id = v.product_id
         ${where.clause} ORDER BY a.created_at DESC, a.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        where.values
      )
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM prospector_price_alert a ${where.clause}`,
        where.values
      )
      return [rows, count]
    },

    /** Acknowledges the alert (once: the first time is kept); null when there is no such alert. */
    async acknowledge(id: string): Promise<AlertRow | null> {
      const rows = await this.query(
        `UPDATE prospector_price_alert SET acknowledged_at = COALESCE(acknowledged_at, now()) WHERE id = $1 RETURNING *`,
        [id]
      )
      const row = Array.isArray(rows?.[0]) ? rows[0][0] : rows[0]
      return row ?? null
    },

    async between(start: Date, end: Date): Promise<ReportAlertRow[]> {
      return await this.query(
        `SELECT a.kind, a.message, a.created_at, p.supplier, p.url, p.sku FROM prospector_price_alert a
         JOIN prospector_watched_page p ON p.id = a.watched_page_id
         WHERE a.created_at >= $1 AND a.created_at < $2 ORDER BY a.created_at`,
        [start, end]
      )
    },
  })

export default ProspectorPriceAlertRepository
