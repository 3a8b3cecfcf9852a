import { Column, Entity, Index, PrimaryColumn } from "typeorm"

/** Fitment facts held per product: its brand (at most one) and whether it fits every vehicle. */
@Entity()
export class FitmentProduct {
  @PrimaryColumn({ type: "varchar" })
  product_id: string

  @Index("IDX_fitment_product_brand_id")
  @Column({ type: "varchar", nullable: true })
  brand_id: string | null

  @Column({ type: "boolean", default: false })
  is_universal: boolean

  @Column({ type: "timestamp with time zone", default: () => "now()" })
  updated_at: Date
}
