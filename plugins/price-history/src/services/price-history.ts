import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import type { HistoryRow } from "../lib/history-csv"
import type { HistoryQuery } from "../lib/history-query"
import {
  CurrentPrice,
  LowestPrice,
  lowestPrices,
  WindowChange,
} from "../lib/lowest-price"

type InjectedDependencies = { manager: EntityManager }

export type PriceHistorySummary = {
  product_id: string
  window_days: number
  from: string
  to: string
  prices: LowestPrice[]
}

/** Reads the price history written by the database triggers (it never writes any). */
export default class PriceHistoryService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    super(container)
  }

  private async assertProduct(
    productId: string,
    publishedOnly: boolean
  ): Promise<void> {
    const rows = await this.activeManager_.query(
      `SELECT status, deleted_at FROM product WHERE id = $1`,
      [productId]
    )
    const p = rows[0]
    if (
      !p ||
      (publishedOnly && (p.status !== "published" || p.deleted_at !== null))
    ) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Product with id: ${productId} was not found`
      )
    }
  }

  async list(
    productId: string,
    q: HistoryQuery
  ): Promise<{ rows: HistoryRow[]; count: number }> {
    await this.assertProduct(productId, false)
    const where = ["ph.product_id = $1"]
    const params: unknown[] = [productId]
    if (q.variant_id.length) {
      params.push(q.variant_id)
      where.push(`ph.variant_id = ANY($${params.length})`)
    }
    if (q.currency_code.length) {
      params.push(q.currency_code)
      where.push(`ph.currency_code = ANY($${params.length})`)
    }
    if (q.from) {
      params.push(q.from)
      where.push(`ph.changed_at >= $${params.length}`)
    }
    if (q.to) {
      params.push(q.to)
      where.push(`ph.changed_at <= $${params.length}`)
    }
    const whereSql = where.join(" AND ")
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM price_history ph WHERE ${whereSql}`,
      params
    )
    const rows = await this.activeManager_.query(
      `SELECT ph.id::text AS id, ph.product_id, ph.variant_id, pv.sku AS variant_sku, ph.money_amount_id,
              ph.currency_code, ph.region_id, ph.price_list_id, ph.min_quantity, ph.max_quantity,
              ph.change, ph.old_amount, ph.new_amount, ph.changed_at, ph.source, ph.actor,
              u.email AS actor_email, ph.origin
         FROM price_history ph
         LEFT JOIN product_variant pv ON pv.id = ph.variant_id
         LEFT JOIN "user" u ON u.id = ph.actor
        WHERE ${whereSql}
        ORDER BY ph.changed_at DESC, ph.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset]
    )
    return { rows, count }
  }

  /** Lowest base price (no price list, no quantity tier) in force during the last `days` days. */
  async summary(productId: string, days = 30): Promise<PriceHistorySummary> {
    await this.assertProduct(productId, true)
    const [{ now, since }] = await this.activeManager_.query(
      `SELECT now() AS now, now() - make_interval(days => $1) AS since`,
      [days]
    )
    const current: CurrentPrice[] = await this.activeManager_.query(
      `SELECT pvma.variant_id, ma.currency_code, ma.amount
         FROM product_variant pv
         JOIN product_variant_money_amount pvma ON pvma.variant_id = pv.id AND pvma.deleted_at IS NULL
         JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
        WHERE pv.product_id = $1 AND pv.deleted_at IS NULL
          AND ma.price_list_id IS NULL AND ma.min_quantity IS NULL AND ma.max_quantity IS NULL`,
      [productId]
    )
    const changes: WindowChange[] = await this.activeManager_.query(
      `SELECT ph.variant_id, ph.currency_code, ph.old_amount, ph.new_amount, ph.changed_at
         FROM price_history ph
         JOIN product_variant pv ON pv.id = ph.variant_id AND pv.deleted_at IS NULL
        WHERE ph.product_id = $1 AND ph.changed_at >= $2
          AND ph.price_list_id IS NULL AND ph.min_quantity IS NULL AND ph.max_quantity IS NULL
        ORDER BY ph.id`,
      [productId, since]
    )
    return {
      product_id: productId,
      window_days: days,
      from: new Date(since).toISOString(),
      to: new Date(now).toISOString(),
      prices: lowestPrices(current, changes),
    }
  }
}
