import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

export const FITMENT_SOURCES = ["import", "staff", "supplier"] as const
export type FitmentSource = (typeof FITMENT_SOURCES)[number]

/**
 * A product (or one of its variants) fits a vehicle, with qualifiers.
 * `link_key` is a STORED generated column (md5 of product, variant, vehicle, position, engine code and month
 * range, see the migration), unique: the same link can never be stored twice, and merges keep it right.
 */
@Entity()
@Index("IDX_fitment_vehicle_product", ["vehicle_id", "product_id"])
@Index("IDX_fitment_product_vehicle", ["product_id", "vehicle_id"])
export class Fitment extends BaseEntity {
  @Column({ type: "varchar" })
  product_id: string

  @Column({ type: "varchar", nullable: true })
  variant_id: string | null

  @Column({ type: "varchar" })
  vehicle_id: string

  @Column({ type: "varchar", nullable: true })
  position: string | null

  @Column({ type: "int", default: 1 })
  quantity: number

  @Column({ type: "varchar", nullable: true })
  engine_code: string | null

  /** First month the link applies, as YYYYMM (e.g. 201403), null = from the vehicle's start. */
  @Column({ type: "int", nullable: true })
  from_ym: number | null

  /** Last month the link applies, as YYYYMM, null = to the vehicle's end. */
  @Column({ type: "int", nullable: true })
  to_ym: number | null

  @Column({ type: "text", nullable: true })
  note_fr: string | null

  @Column({ type: "text", nullable: true })
  note_ar: string | null

  @Column({ type: "varchar", default: "staff" })
  source: FitmentSource

  @Column({ type: "varchar", insert: false, update: false })
  link_key: string

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "fit")
  }
}
