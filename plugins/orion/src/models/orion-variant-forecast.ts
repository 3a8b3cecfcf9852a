import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/** Per run and variant: the method used, why, its backtest metrics and the restock inputs. */
@Entity()
@Index("IDX_orion_variant_forecast_run_variant", ["run_id", "variant_id"], {
  unique: true,
})
export class OrionVariantForecast extends BaseEntity {
  @Column({ type: "varchar" })
  run_id: string

  @Column({ type: "varchar" })
  variant_id: string

  @Column({ type: "varchar", nullable: true })
  sku: string | null

  @Column({ type: "varchar", nullable: true })
  category: string | null

  @Column({ type: "varchar" })
  model: string

  /** Syntetos–Boylan demand class the method was tuned on */
  @Column({ type: "varchar" })
  segment: string

  @Column({ type: "text", nullable: true })
  reason: string | null

  @Column({ type: "integer" })
  history_periods: number

  /** pooled backtest metrics of the chosen method on the variant's demand class */
  @Column({ type: "jsonb", nullable: true })
  metrics: Record<string, number> | null

  /** reorder point inputs and result: lead time, service level, NB shape, ROP, order-up-to */
  @Column({ type: "jsonb", nullable: true })
  restock: Record<string, unknown> | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "ovf")
  }
}
