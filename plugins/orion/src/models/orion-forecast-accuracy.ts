import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/** One past forecast period of one part of one run, against what was really sold. */
@Entity()
@Index(
  "UQ_orion_forecast_accuracy_run_variant_period",
  ["run_id", "variant_id", "period_index"],
  { unique: true }
)
export class OrionForecastAccuracy extends BaseEntity {
  @Column({ type: "varchar" })
  run_id: string

  @Column({ type: "varchar" })
  variant_id: string

  @Column({ type: "varchar", nullable: true })
  sku: string | null

  @Column({ type: "varchar", nullable: true })
  category: string | null

  /** demand class the run put the part in */
  @Column({ type: "varchar" })
  segment: string

  @Column({ type: "date" })
  period_start: string

  @Column({ type: "integer" })
  period_index: number

  @Column({ type: "real" })
  mean: number

  @Column({ type: "real" })
  p10: number

  @Column({ type: "real" })
  p50: number

  @Column({ type: "real" })
  p90: number

  /** units sold in the period */
  @Column({ type: "real" })
  actual: number

  /** |mean − actual| */
  @Column({ type: "real" })
  abs_error: number

  /** actual inside p10–p90 */
  @Column({ type: "boolean" })
  inside_80: boolean

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "ofa")
  }
}
