import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { rowsOf } from "@shabou/ops"
import {
  BulkColumn,
  columnArrays,
  containsPattern,
  SqlWhere,
} from "@shabou/sql"
import { countedUpsertSql } from "../lib/counted-upsert-sql"
import { productBrandJoin } from "../lib/fitment-sources"
import type { BatchAlert } from "../lib/forecast-batch"
import { AlertStatus, AlertType, OrionAlert } from "../models/orion-alert"

/** One page of alerts: of these types, the unresolved ones unless `status` says which. */
export type AlertPageQuery = {
  types: AlertType[]
  status?: AlertStatus[]
  variant_id?: string
  /** a column of orion_alert */
  sort: string
  order: "asc" | "desc"
  limit: number
  offset: number
}

/** Which restock alerts the Réassort screen lists (the unresolved ones unless `status` says which). */
export type RestockFilter = {
  status?: AlertStatus[]
  /** product category id: the category and every category below it */
  category_id?: string
  /** the product's brand id (fitment's `fitment_read_product.brand_id`) */
  brand_id?: string
  /** text in the SKU or the title */
  q?: string
}

/** One order suggestion of the Réassort screen: the restock alert with its product, price and value. */
export type RestockSuggestion = {
  id: string
  status: AlertStatus
  variant_id: string
  product_id: string | null
  sku: string | null
  title: string | null
  thumbnail: string | null
  category: string | null
  brand: string | null
  stock: number | null
  on_order: number | null
  reorder_point: number | null
  order_up_to: number | null
  suggested_quantity: number | null
  lead_time_days: number | null
  service_level: number | null
  stockout_date: string | null
  order_by: string | null
  /** unit price in TND millimes (the variant's TND price without price list) */
  unit_price: number | null
  /** suggested quantity × unit price, in millimes */
  value: number | null
  updated_at: Date
}

/** The unresolved restock alerts in short: how many, and the most urgent with their stock and quantity to order. */
export type RestockOverview = {
  open: number
  top: (Pick<
    OrionAlert,
    "id" | "variant_id" | "sku" | "title" | "suggested_quantity"
  > & {
    /** the variant's product (null when the variant is no longer stored) */
    product_id: string | null
    /** `data.stock`, `data.stockout_date` (YYYY-MM-DD) */
    stock: number | null
    stockout_date: string | null
  })[]
}

const ALERT_COLUMNS: BulkColumn<BatchAlert>[] = [
  { name: "type", type: "varchar", value: (c) => c.type },
  { name: "variant_id", type: "varchar", value: (c) => c.variant_id },
  { name: "sku", type: "varchar", value: (c) => c.sku },
  { name: "title", type: "varchar", value: (c) => c.title },
  { name: "severity", type: "real", value: (c) => c.severity },
  { name: "reason", type: "text", value: (c) => c.reason },
  {
    name: "suggested_quantity",
    type: "int",
    value: (c) => c.suggested_quantity,
  },
  { name: "data", type: "jsonb", value: (c) => JSON.stringify(c.data) },
]

/**
 * A restock alert with its variant's product and brand (the alias `a`, `pv`, `p`, `fb`; every
 * read of fitment: `lib/fitment-sources.ts`).
 */
const RESTOCK_FROM = `FROM "orion_alert" a
      LEFT JOIN "product_variant" pv ON pv.id = a.variant_id
      LEFT JOIN "product" p ON p.id = pv.product_id
      ${productBrandJoin("pv.product_id")}`

/** The variant's TND price without price list (`price.amount`). */
const TND_PRICE = `LEFT JOIN LATERAL (
           SELECT ma.amount FROM "product_variant_money_amount" pvma JOIN "money_amount" ma ON ma.id = pvma.money_amount_id
           WHERE pvma.variant_id = a.variant_id AND pvma.deleted_at IS NULL AND ma.currency_code = 'tnd'
             AND ma.price_list_id IS NULL AND ma.deleted_at IS NULL
           ORDER BY ma.region_id NULLS FIRST, ma.min_quantity NULLS FIRST LIMIT 1
         ) price ON true`

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** Restock alerts and demand insights (orion_alert): listed, refreshed by each run, resolved. */
export const OrionAlertRepository = dataSource
  .getRepository(OrionAlert)
  .extend({
    /** One page of alerts, sorted by `sort` (nulls last) then id, and how many match in all. */
    async findPage(q: AlertPageQuery): Promise<[OrionAlert[], number]> {
      const qb = this.createQueryBuilder("a")
      qb.where("a.type IN (:...types)", { types: q.types })
      if (q.status?.length) {
        qb.andWhere("a.status IN (:...statuses)", { statuses: q.status })
      } else {
        qb.andWhere("a.status <> 'resolved'")
      }
      if (q.variant_id) {
        qb.andWhere("a.variant_id = :variant", { variant: q.variant_id })
      }
      qb.orderBy(
        `a.${q.sort}`,
        q.order.toUpperCase() as "ASC" | "DESC",
        "NULLS LAST"
      )
        .addOrderBy("a.id", "ASC")
        .take(q.limit)
        .skip(q.offset)
      return qb.getManyAndCount()
    },

    /**
     * One page of restock suggestions, the most urgent first: expected stock-out date (none last),
     * then value (suggested quantity × TND price), then SKU; and how many match in all.
     */
    async restockPage(
      filter: RestockFilter,
      page: { limit: number; offset: number }
    ): Promise<[RestockSuggestion[], number]> {
      const where = new SqlWhere([`a.type = 'restock'`])
      if (filter.status?.length) {
        where.anyOf("a.status", filter.status)
      } else {
        where.and(`a.status <> 'resolved'`)
      }
      where
        .when(
          filter.category_id || undefined,
          (p) =>
            `EXISTS (SELECT 1 FROM "product_category_product" pcp JOIN "product_category" pc ON pc.id = pcp.product_category_id
                 JOIN "product_category" top ON top.id = ${p}
                 WHERE pcp.product_id = pv.product_id AND (pc.id = top.id OR pc.mpath LIKE top.mpath || '%'))`
        )
        .when(filter.brand_id || undefined, (p) => `fb.brand_id = ${p}`)
        .when(
          filter.q ? containsPattern(filter.q) : undefined,
          (p) => `(a.sku ILIKE ${p} OR a.title ILIKE ${p})`
        )
      const [{ count }]: { count: number }[] = await this.query(
        `SELECT count(*)::int AS count ${RESTOCK_FROM}
      ${where.clause}`,
        where.values
      )
      const limit = where.params.add(page.limit)
      const offset = where.params.add(page.offset)
      const rows: Record<string, unknown>[] = await this.query(
        `WITH page AS (
           SELECT a.*, pv.product_id, p.thumbnail, fb.brand_id, fb.brand_name, price.amount AS unit_price,
                  (a.suggested_quantity::bigint * price.amount)::bigint AS value
           ${RESTOCK_FROM}
           ${TND_PRICE}
           ${where.clause}
           ORDER BY a.data->>'stockout_date' ASC NULLS LAST, value DESC NULLS LAST, a.sku ASC NULLS LAST, a.id
           LIMIT ${limit} OFFSET ${offset}
         )
         SELECT page.id, page.status, page.variant_id, page.product_id, page.sku, page.title, page.thumbnail, page.brand_name AS brand,
                (SELECT pc.name FROM "product_category_product" pcp JOIN "product_category" pc ON pc.id = pcp.product_category_id
                 WHERE pcp.product_id = page.product_id ORDER BY pc.handle LIMIT 1) AS category,
                (page.data->>'stock')::int AS stock, (page.data->>'on_order')::int AS on_order,
                (page.data->>'reorder_point')::int AS reorder_point, (page.data->>'order_up_to')::int AS order_up_to,
                page.suggested_quantity, (page.data->>'lead_time_days')::real AS lead_time_days,
                (page.data->>'service_level')::real AS service_level,
                page.data->>'stockout_date' AS stockout_date, page.data->>'order_by' AS order_by,
                page.unit_price, page.value, page.updated_at
         FROM page
         ORDER BY page.data->>'stockout_date' ASC NULLS LAST, page.value DESC NULLS LAST, page.sku ASC NULLS LAST, page.id`,
        where.values
      )
      const suggestions = rows.map((r) => ({
        ...r,
        unit_price: num(r.unit_price),
        value: num(r.value),
        lead_time_days: num(r.lead_time_days),
        service_level: num(r.service_level),
      })) as RestockSuggestion[]
      return [suggestions, count]
    },

    /**
     * Opens these alerts of run `runId`, or refreshes the unresolved alert of the same variant and
     * type (its acknowledgement and note kept); how many were opened and refreshed.
     */
    async upsertForRun(
      runId: string,
      alerts: BatchAlert[]
    ): Promise<{ opened: number; refreshed: number }> {
      const [res]: { opened: number; refreshed: number }[] = await this.query(
        countedUpsertSql(
          ALERT_COLUMNS,
          `INSERT INTO "orion_alert" ("id", "type", "status", "variant_id", "sku", "title", "run_id", "severity", "reason", "suggested_quantity", "data")
           SELECT 'oal_' || replace(gen_random_uuid()::text, '-', ''), type, 'open', variant_id, sku, title, $${ALERT_COLUMNS.length + 1}, severity, reason, suggested_quantity, data
           FROM input
           ON CONFLICT ("variant_id", "type") WHERE "status" <> 'resolved'
           DO UPDATE SET "run_id" = EXCLUDED."run_id", "severity" = EXCLUDED."severity", "reason" = EXCLUDED."reason",
             "suggested_quantity" = EXCLUDED."suggested_quantity", "sku" = EXCLUDED."sku", "title" = EXCLUDED."title",
             "data" = EXCLUDED."data" || jsonb_strip_nulls(jsonb_build_object('note', "orion_alert"."data"->'note')), "updated_at" = now()`,
          ["opened", "refreshed"]
        ),
        [...columnArrays(alerts, ALERT_COLUMNS), runId]
      )
      return res
    },

    /** Resolves the unresolved alerts of these types that run `runId` did not raise; how many. */
    async resolveNotRaisedBy(
      runId: string,
      types: AlertType[]
    ): Promise<number> {
      const res = await this.query(
        `UPDATE "orion_alert" SET "status" = 'resolved', "resolved_at" = now(), "updated_at" = now()
         WHERE "status" <> 'resolved' AND "type" = ANY($1) AND "run_id" <> $2
         RETURNING "id"`,
        [types, runId]
      )
      return rowsOf<{ id: string }>(res).length
    },

    /**
     * How many restock alerts are unresolved, and the `limit` most urgent: expected stock-out date
     * (none last), then severity (the owner's dashboard).
     */
    async restockOverview(limit: number): Promise<RestockOverview> {
      const [{ open }]: { open: number }[] = await this.query(
        `SELECT count(*)::int AS open FROM "orion_alert" WHERE type = 'restock' AND status <> 'resolved'`
      )
      const top: RestockOverview["top"] = await this.query(
        `SELECT a.id, a.variant_id, pv.product_id, a.sku, a.title, (a.data->>'stock')::int AS stock, a.suggested_quantity,
                a.data->>'stockout_date' AS stockout_date
         FROM "orion_alert" a LEFT JOIN "product_variant" pv ON pv.id = a.variant_id
         WHERE a.type = 'restock' AND a.status <> 'resolved'
         ORDER BY a.data->>'stockout_date' ASC NULLS LAST, a.severity DESC, a.id
         LIMIT $1`,
        [limit]
      )
      return { open, top }
    },
  })

export default OrionAlertRepository
