import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

export type PurchaseOrderStatus = "open" | "received" | "cancelled"

/** One line ordered from a supplier: a variant, a quantity and the day it is expected. */
@Entity()
@Index("IDX_orion_purchase_order_status", ["status", "expected_date"])
export class OrionPurchaseOrder extends BaseEntity {
  @Column({ type: "varchar" })
  supplier: string

  @Column({ type: "varchar" })
  variant_id: string

  @Column({ type: "varchar", nullable: true })
  sku: string | null

  @Column({ type: "integer" })
  quantity: number

  @Column({ type: "date" })
  expected_date: string

  @Column({ type: "varchar", default: "open" })
  status: PurchaseOrderStatus

  @Column({ type: "integer", nullable: true })
  received_quantity: number | null

  @Column({ type: "timestamptz", nullable: true })
  received_at: Date | null

  @Column({ type: "timestamptz", nullable: true })
  cancelled_at: Date | null

  @Column({ type: "text", nullable: true })
  note: string | null

  @Column({ type: "varchar", nullable: true })
  created_by: string | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "opo")
  }
}
