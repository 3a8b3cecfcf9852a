import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"
import type { AccuracyFigures } from "../lib/accuracy"

/** Pooled forecast-against-actual figures of one run over its periods that have happened. */
@Entity()
@Index("UQ_orion_run_accuracy_run", ["run_id"], { unique: true })
export class OrionRunAccuracy extends BaseEntity {
  @Column({ type: "varchar" })
  run_id: string

  @Column({ type: "varchar" })
  frequency: "week" | "month"

  @Column({ type: "integer" })
  horizon: number

  @Column({ type: "date" })
  forecast_start: string

  /** last day of the last period scored */
  @Column({ type: "date" })
  evaluated_through: string

  @Column({ type: "integer" })
  periods_evaluated: number

  @Column({ type: "jsonb" })
  overall: AccuracyFigures

  @Column({ type: "jsonb" })
  by_category: Record<string, AccuracyFigures>

  @Column({ type: "jsonb" })
  by_segment: Record<string, AccuracyFigures>

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "orac")
  }
}
