import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { containsPattern } from "@shabou/sql"
import {
  OrionPurchaseOrder,
  PurchaseOrderStatus,
} from "../models/orion-purchase-order"

export type PurchaseOrderFilter = {
  status?: PurchaseOrderStatus[]
  variant_id?: string
  /** text in the supplier's name */
  supplier?: string
}

/** An open line as the "on order" stock reads it (`expected_date` YYYY-MM-DD). */
export type OpenLineRow = {
  variant_id: string
  quantity: number
  expected_date: string
  supplier: string
}

/** Purchase orders (orion_purchase_order): one line per supplier, variant and expected date. */
export const OrionPurchaseOrderRepository = dataSource
  .getRepository(OrionPurchaseOrder)
  .extend({
    /** One page of lines, the earliest expected first, and how many match in all. */
    async findPage(
      filter: PurchaseOrderFilter,
      page: { limit: number; offset: number }
    ): Promise<[OrionPurchaseOrder[], number]> {
      const qb = this.createQueryBuilder("po")
      if (filter.status?.length) {
        qb.andWhere("po.status IN (:...status)", { status: filter.status })
      }
      if (filter.variant_id) {
        qb.andWhere("po.variant_id = :variant", { variant: filter.variant_id })
      }
      if (filter.supplier) {
        qb.andWhere("po.supplier ILIKE :supplier", {
          supplier: containsPattern(filter.supplier),
        })
      }
      return qb
        .orderBy("po.expected_date", "ASC")
        .addOrderBy("po.created_at", "ASC")
        .take(page.limit)
        .skip(page.offset)
        .getManyAndCount()
    },

    /** Locks the line (inside a transaction); false when there is none. */
    async lock(id: string): Promise<boolean> {
      const rows: { id: string }[] = await this.query(
        `SELECT id FROM "orion_purchase_order" WHERE id = $1 FOR UPDATE`,
        [id]
      )
      return rows.length > 0
    },

    /** The open lines, by variant then expected date then creation. */
    async openLines(): Promise<OpenLineRow[]> {
      return this.query(
        `SELECT variant_id, quantity, to_char(expected_date, 'YYYY-MM-DD') AS expected_date, supplier
         FROM "orion_purchase_order" WHERE status = 'open' ORDER BY variant_id, expected_date, created_at`
      )
    },
  })

export default OrionPurchaseOrderRepository
