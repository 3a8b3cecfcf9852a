import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

export type SalesSource = "order" | "import"

/**
 * Units sold of one variant on one day (Africa/Tunis), from an order's line item
 * (one row per line item) or from an imported file (one row per variant and day).
 */
@Entity()
export class OrionSalesHistory extends BaseEntity {
  @Index("IDX_orion_sales_history_variant_day")
  @Column({ type: "varchar" })
  variant_id: string

  @Column({ type: "varchar", nullable: true })
  sku: string | null

  @Column({ type: "date" })
  day: string

  @Column({
    type: "numeric",
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  qty: number

  @Column({ type: "varchar" })
  source: SalesSource

  @Column({ type: "varchar", nullable: true })
  order_id: string | null

  @Column({ type: "varchar", nullable: true })
  line_item_id: string | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "osh")
  }
}
