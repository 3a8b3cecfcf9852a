import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

export const PART_NUMBER_TYPES = ["mpn", "oe", "cross"] as const
export type PartNumberType = (typeof PART_NUMBER_TYPES)[number]

/** A number a product is known by: its own (mpn), an OE number, or a cross-reference of another brand. */
@Entity()
@Index(
  "IDX_part_number_unique",
  ["product_id", "type", "brand_name", "normalized"],
  { unique: true }
)
export class PartNumber extends BaseEntity {
  @Index("IDX_part_number_product_id")
  @Column({ type: "varchar" })
  product_id: string

  @Column({ type: "varchar", nullable: true })
  variant_id: string | null

  @Column({ type: "varchar" })
  type: PartNumberType

  @Column({ type: "varchar", default: "" })
  brand_name: string

  @Column({ type: "varchar" })
  raw: string

  @Index("IDX_part_number_normalized")
  @Column({ type: "varchar" })
  normalized: string

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "pnum")
  }
}
