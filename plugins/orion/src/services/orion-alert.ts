import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import type { BatchAlert } from "../lib/forecast-batch"
import { AlertStatus, AlertType, OrionAlert } from "../models/orion-alert"

type InjectedDependencies = { manager: EntityManager }

/** an alert or insight a run proposes (the forecast engine's `BatchAlert`) */
export type AlertCandidate = BatchAlert

export const ALERT_TYPES: AlertType[] = [
  "restock",
  "spike",
  "decline",
  "dead_stock",
]
export const INSIGHT_TYPES: AlertType[] = ["spike", "decline", "dead_stock"]
export const ALERT_STATUSES: AlertStatus[] = [
  "open",
  "acknowledged",
  "resolved",
]
export const ALERT_SORTS = [
  "severity",
  "created_at",
  "updated_at",
  "suggested_quantity",
  "sku",
] as const

export type AlertQuery = {
  type?: AlertType[]
  status?: AlertStatus[]
  variant_id?: string
  sort?: (typeof ALERT_SORTS)[number]
  order?: "asc" | "desc"
  limit: number
  offset: number
}

export type RestockQuery = {
  status?: AlertStatus[]
  /** product category id: the category and every category below it */
  category_id?: string
  /** fitment brand id (`fitment_product.brand_id`) */
  brand_id?: string
  /** text in the SKU or the title */
  q?: string
  limit: number
  offset: number
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

/** Restock alerts and demand insights: refreshed by each run, listed and acknowledged by the owner. */
export default class OrionAlertService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
  }

  async list(q: AlertQuery): Promise<{
    alerts: OrionAlert[]
    count: number
    limit: number
    offset: number
  }> {
    const qb = this.activeManager_
      .getRepository(OrionAlert)
      .createQueryBuilder("a")
    qb.where("a.type IN (:...types)", { types: q.type ?? ALERT_TYPES })
    if (q.status?.length) {
      qb.andWhere("a.status IN (:...statuses)", { statuses: q.status })
    } else {
      qb.andWhere("a.status <> 'resolved'")
    }
    if (q.variant_id) {
      qb.andWhere("a.variant_id = :variant", { variant: q.variant_id })
    }
    qb.orderBy(
      `a.${q.sort ?? "severity"}`,
      (q.order ?? "desc").toUpperCase() as "ASC" | "DESC",
      "NULLS LAST"
    )
      .addOrderBy("a.id", "ASC")
      .take(q.limit)
      .skip(q.offset)
    const [alerts, count] = await qb.getManyAndCount()
    return { alerts, count, limit: q.limit, offset: q.offset }
  }

  /**
   * Order suggestions (unresolved restock alerts by default), the most urgent first: expected
   * stock-out date (none last), then value (suggested quantity × TND price), then SKU.
   */
  async listRestock(q: RestockQuery): Promise<{
    suggestions: RestockSuggestion[]
    count: number
    limit: number
    offset: number
  }> {
    const where: string[] = [`a.type = 'restock'`]
    const params: unknown[] = []
    const add = (value: unknown) => {
      params.push(value)
      return `$${params.length}`
    }
    where.push(
      q.status?.length
        ? `a.status = ANY(${add(q.status)})`
        : `a.status <> 'resolved'`
    )
    if (q.category_id) {
      where.push(
        `EXISTS (SELECT 1 FROM "product_category_product" pcp JOIN "product_category" pc ON pc.id = pcp.product_category_id
                 JOIN "product_category" top ON top.id = ${add(q.category_id)}
                 WHERE pcp.product_id = pv.product_id AND (pc.id = top.id OR pc.mpath LIKE top.mpath || '%'))`
      )
    }
    if (q.brand_id) {
      where.push(`fp.brand_id = ${add(q.brand_id)}`)
    }
    if (q.q) {
      const like = add(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      where.push(`(a.sku ILIKE ${like} OR a.title ILIKE ${like})`)
    }
    const from = `FROM "orion_alert" a
      LEFT JOIN "product_variant" pv ON pv.id = a.variant_id
      LEFT JOIN "product" p ON p.id = pv.product_id
      LEFT JOIN "fitment_product" fp ON fp.product_id = pv.product_id
      WHERE ${where.join(" AND ")}`
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count ${from}`,
      params
    )
    const rows = await this.activeManager_.query(
      `WITH page AS (
         SELECT a.*, pv.product_id, p.thumbnail, fp.brand_id, price.amount AS unit_price,
                (a.suggested_quantity::bigint * price.amount)::bigint AS value
         ${from.replace(
           "WHERE",
           `LEFT JOIN LATERAL (
           SELECT ma.amount FROM "product_variant_money_amount" pvma JOIN "money_amount" ma ON ma.id = pvma.money_amount_id
           WHERE pvma.variant_id = a.variant_id AND pvma.deleted_at IS NULL AND ma.currency_code = 'tnd'
             AND ma.price_list_id IS NULL AND ma.deleted_at IS NULL
           ORDER BY ma.region_id NULLS FIRST, ma.min_quantity NULLS FIRST LIMIT 1
         ) price ON true
         WHERE`
         )}
         ORDER BY a.data->>'stockout_date' ASC NULLS LAST, value DESC NULLS LAST, a.sku ASC NULLS LAST, a.id
         LIMIT ${add(q.limit)} OFFSET ${add(q.offset)}
       )
       SELECT page.id, page.status, page.variant_id, page.product_id, page.sku, page.title, page.thumbnail, b.name AS brand,
              (SELECT pc.name FROM "product_category_product" pcp JOIN "product_category" pc ON pc.id = pcp.product_category_id
               WHERE pcp.product_id = page.product_id ORDER BY pc.handle LIMIT 1) AS category,
              (page.data->>'stock')::int AS stock, (page.data->>'on_order')::int AS on_order,
              (page.data->>'reorder_point')::int AS reorder_point, (page.data->>'order_up_to')::int AS order_up_to,
              page.suggested_quantity, (page.data->>'lead_time_days')::real AS lead_time_days,
              (page.data->>'service_level')::real AS service_level,
              page.data->>'stockout_date' AS stockout_date, page.data->>'order_by' AS order_by,
              page.unit_price, page.value, page.updated_at
       FROM page LEFT JOIN "brand" b ON b.id = page.brand_id
       ORDER BY page.data->>'stockout_date' ASC NULLS LAST, page.value DESC NULLS LAST, page.sku ASC NULLS LAST, page.id`,
      params
    )
    const num = (v: unknown) =>
      v === null || v === undefined ? null : Number(v)
    const suggestions = rows.map((r: Record<string, unknown>) => ({
      ...r,
      unit_price: num(r.unit_price),
      value: num(r.value),
      lead_time_days: num(r.lead_time_days),
      service_level: num(r.service_level),
    })) as RestockSuggestion[]
    return { suggestions, count, limit: q.limit, offset: q.offset }
  }

  async retrieve(id: string): Promise<OrionAlert> {
    const a = await this.activeManager_
      .getRepository(OrionAlert)
      .findOne({ where: { id } })
    if (!a) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `alert ${id} not found`
      )
    }
    return a
  }

  async acknowledge(
    id: string,
    userId: string | null,
    note?: string
  ): Promise<OrionAlert> {
    return this.atomicPhase_(async (m) => {
      const repo = m.getRepository(OrionAlert)
      const a = await this.withTransaction(m).retrieve(id)
      if (a.status === "resolved") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `alert ${id} is already resolved: nothing to acknowledge`
        )
      }
      if (a.status === "open") {
        a.status = "acknowledged"
        a.acknowledged_at = new Date()
        a.acknowledged_by = userId
        if (note) {
          a.data = { ...(a.data ?? {}), note }
        }
        return repo.save(a)
      }
      return a
    })
  }

  /**
   * Applies one run's findings for the given types: an unresolved alert of the same variant and
   * type is refreshed (keeping its acknowledgement), a new one is opened, and unresolved alerts
   * that the run no longer raises are resolved.
   */
  async refresh(
    runId: string,
    types: AlertType[],
    candidates: AlertCandidate[]
  ): Promise<{ opened: number; refreshed: number; resolved: number }> {
    return this.atomicPhase_(async (m) => {
      let refreshed = 0
      let opened = 0
      const CH = 2000
      for (let i = 0; i < candidates.length; i += CH) {
        const part = candidates.slice(i, i + CH)
        const [res] = await m.query(
          `WITH input AS (
             SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::real[], $6::text[], $7::int[], $8::jsonb[])
               AS t(type, variant_id, sku, title, severity, reason, suggested_quantity, data)
           ), up AS (
             INSERT INTO "orion_alert" ("id", "type", "status", "variant_id", "sku", "title", "run_id", "severity", "reason", "suggested_quantity", "data")
             SELECT 'oal_' || replace(gen_random_uuid()::text, '-', ''), type, 'open', variant_id, sku, title, $9, severity, reason, suggested_quantity, data
             FROM input
             ON CONFLICT ("variant_id", "type") WHERE "status" <> 'resolved'
             DO UPDATE SET "run_id" = EXCLUDED."run_id", "severity" = EXCLUDED."severity", "reason" = EXCLUDED."reason",
               "suggested_quantity" = EXCLUDED."suggested_quantity", "sku" = EXCLUDED."sku", "title" = EXCLUDED."title",
               "data" = EXCLUDED."data" || jsonb_strip_nulls(jsonb_build_object('note', "orion_alert"."data"->'note')), "updated_at" = now()
             RETURNING (xmax = 0) AS inserted
           )
           SELECT count(*) FILTER (WHERE inserted)::int AS opened, count(*) FILTER (WHERE NOT inserted)::int AS refreshed FROM up`,
          [
            part.map((c) => c.type),
            part.map((c) => c.variant_id),
            part.map((c) => c.sku),
            part.map((c) => c.title),
            part.map((c) => c.severity),
            part.map((c) => c.reason),
            part.map((c) => c.suggested_quantity),
            part.map((c) => JSON.stringify(c.data)),
            runId,
          ]
        )
        opened += res.opened
        refreshed += res.refreshed
      }
      const resolvedRows = await m.query(
        `UPDATE "orion_alert" SET "status" = 'resolved', "resolved_at" = now(), "updated_at" = now()
         WHERE "status" <> 'resolved' AND "type" = ANY($1) AND "run_id" <> $2
         RETURNING "id"`,
        [types, runId]
      )
      const resolved = Array.isArray(resolvedRows[0])
        ? resolvedRows[0].length
        : resolvedRows.length
      return { opened, refreshed, resolved }
    })
  }
}
