import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { BulkColumn, columnArrays, unnestSql } from "@shabou/sql"
import { LineItemFitment } from "../models/line-item-fitment"

/** A line's stored verdict. */
export type LineVerdictRow = {
  line_item_id: string
  vehicle_id: string
  verdict: "fits" | "does_not_fit" | "unknown"
  reason: string
  checked_at: Date
}

/** A verdict to store for a line. */
export type NewLineVerdict = {
  line_item_id: string
  product_id: string
  verdict: string
  reason: string
}

/** A line of an order with its verdict as at checkout. */
export type OrderLineRow = {
  line_item_id: string
  title: string
  description: string | null
  quantity: number
  sku: string | null
  verdict: string | null
  reason: string | null
  checked_at: Date | null
}

export type CartStateRow = {
  id: string
  customer_id: string | null
  completed_at: Date | null
}

const VERDICT_COLUMNS: BulkColumn<NewLineVerdict>[] = [
  { name: "line_item_id", type: "text", value: (v) => v.line_item_id },
  { name: "product_id", type: "text", value: (v) => v.product_id },
  { name: "verdict", type: "text", value: (v) => v.verdict },
  { name: "reason", type: "text", value: (v) => v.reason },
]

/**
 * The fit verdicts of cart lines (table line_item_fitment), and the vehicle a
 * cart or order keeps in its metadata.
 */
export const LineItemFitmentRepository = dataSource
  .getRepository(LineItemFitment)
  .extend({
    /** Locks a (not deleted) cart for the rest of the transaction. */
    async lockCart(cartId: string): Promise<CartStateRow | undefined> {
      const [cart] = await this.query(
        `SELECT id, customer_id, completed_at FROM cart WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [cartId]
      )
      return cart
    },

    async findCartVehicleId(
      cartId: string
    ): Promise<
      { vehicle_id: string | null; completed_at: Date | null } | undefined
    > {
      const [cart] = await this.query(
        `SELECT id, metadata->'vehicle'->>'id' AS vehicle_id, completed_at FROM cart WHERE id = $1`,
        [cartId]
      )
      return cart
    },

    async setCartVehicle(cartId: string, vehicle: unknown): Promise<void> {
      await this.query(
        `UPDATE cart SET metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object('vehicle', $2::jsonb), updated_at = now() WHERE id = $1`,
        [cartId, JSON.stringify(vehicle)]
      )
    },

    async removeCartVehicle(cartId: string): Promise<void> {
      await this.query(
        `UPDATE cart SET metadata = metadata - 'vehicle', updated_at = now() WHERE id = $1 AND metadata ? 'vehicle'`,
        [cartId]
      )
    },

    /** `{ vehicle }` of a cart or an order (vehicle null when none), undefined when there is no such row. */
    async findVehicleOf<V>(
      table: "cart" | "order",
      id: string
    ): Promise<{ vehicle: V | null } | undefined> {
      const [row] = await this.query(
        `SELECT metadata->'vehicle' AS vehicle FROM "${table}" WHERE id = $1`,
        [id]
      )
      return row
    },

    /** The lines of a cart with their product (null for custom lines). */
    async findCartLines(
      cartId: string
    ): Promise<Array<{ id: string; product_id: string | null }>> {
      return await this.query(
        `SELECT li.id, pv.product_id FROM line_item li LEFT JOIN product_variant pv ON pv.id = li.variant_id WHERE li.cart_id = $1`,
        [cartId]
      )
    },

    /** Deletes a cart's verdicts, all of them or those of lines not in `keep`. */
    async deleteOfCart(cartId: string, keep?: string[]): Promise<void> {
      if (keep) {
        await this.query(
          `DELETE FROM line_item_fitment WHERE cart_id = $1 AND NOT (line_item_id = ANY($2))`,
          [cartId, keep]
        )
        return
      }
      await this.query(`DELETE FROM line_item_fitment WHERE cart_id = $1`, [
        cartId,
      ])
    },

    async upsertVerdicts(
      cartId: string,
      vehicleId: string,
      verdicts: NewLineVerdict[]
    ): Promise<void> {
      await this.query(
        `INSERT INTO line_item_fitment (line_item_id, cart_id, vehicle_id, product_id, verdict, reason, checked_at)
         SELECT u.line_item_id, $5, $6, u.product_id, u.verdict, u.reason, now()
         FROM ${unnestSql(VERDICT_COLUMNS)}
         ON CONFLICT (line_item_id) DO UPDATE SET vehicle_id = EXCLUDED.vehicle_id, product_id = EXCLUDED.product_id,
           verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, checked_at = EXCLUDED.checked_at`,
        [...columnArrays(verdicts, VERDICT_COLUMNS), cartId, vehicleId]
      )
    },

    async findOfCart(cartId: string): Promise<LineVerdictRow[]> {
      return await this.query(
        `SELECT line_item_id, vehicle_id, verdict, reason, checked_at FROM line_item_fitment WHERE cart_id = $1`,
        [cartId]
      )
    },

    async findOrder<V>(
      orderId: string
    ): Promise<
      { id: string; cart_id: string | null; vehicle: V | null } | undefined
    > {
      const [order] = await this.query(
        `SELECT id, cart_id, metadata->'vehicle' AS vehicle FROM "order" WHERE id = $1`,
        [orderId]
      )
      return order
    },

    async findOrderLines(orderId: string): Promise<OrderLineRow[]> {
      return await this.query(
        `SELECT li.id AS line_item_id, li.title, li.description, li.quantity, pv.sku, lif.verdict, lif.reason, lif.checked_at
         FROM line_item li LEFT JOIN product_variant pv ON pv.id = li.variant_id
         LEFT JOIN line_item_fitment lif ON lif.line_item_id = li.id
         WHERE li.order_id = $1 ORDER BY li.created_at, li.id`,
        [orderId]
      )
    },
  })

export default LineItemFitmentRepository
