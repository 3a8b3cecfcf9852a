import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/** Forecast of one variant for one future period of one run: mean and the 9 quantiles. */
@Entity()
@Index("IDX_orion_forecast_variant_run", ["variant_id", "run_id"])
export class OrionForecast extends BaseEntity {
  @Column({ type: "varchar" })
  run_id: string

  @Column({ type: "varchar" })
  variant_id: string

  @Column({ type: "date" })
  period_start: string

  @Column({ type: "integer" })
  period_index: number

  @Column({ type: "real" })
  mean: number

  @Column({ type: "real" })
  p10: number
  @Column({ type: "real" })
  p20: number
  @Column({ type: "real" })
  p30: number
  @Column({ type: "real" })
  p40: number
  @Column({ type: "real" })
  p50: number
  @Column({ type: "real" })
  p60: number
  @Column({ type: "real" })
  p70: number
  @Column({ type: "real" })
  p80: number
  @Column({ type: "real" })
  p90: number

  /** calendar multiplier applied to this period */
  @Column({ type: "real", default: 1 })
  calendar_multiplier: number

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "ofc")
  }
}
