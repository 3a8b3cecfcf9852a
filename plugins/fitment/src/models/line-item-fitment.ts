import { Column, Entity, Index, PrimaryColumn } from "typeorm"

/**
 * The fit verdict of a cart line for the cart's vehicle, as last checked (when the line was added or changed,
 * when the vehicle changed, and at checkout). Kept apart from `line_item.metadata`, which Medusa compares to
 * merge a second add of the same variant into the line. A cart's lines become its order's lines, so the order
 * keeps these rows as they were at checkout.
 */
@Entity()
export class LineItemFitment {
  @PrimaryColumn({ type: "varchar" })
  line_item_id: string

  @Index("IDX_line_item_fitment_cart_id")
  @Column({ type: "varchar" })
  cart_id: string

  @Column({ type: "varchar" })
  vehicle_id: string

  @Column({ type: "varchar", nullable: true })
  product_id: string | null

  /** fits, does_not_fit or unknown */
  @Column({ type: "varchar" })
  verdict: string

  @Column({ type: "text" })
  reason: string

  @Column({ type: "timestamp with time zone", default: () => "now()" })
  checked_at: Date
}
