import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"
import type { BatchAlert } from "../lib/forecast-batch"

/** what the forecast engine proposes (restock) or notices (the insights) */
export type AlertType = BatchAlert["type"]
export type AlertStatus = "open" | "acknowledged" | "resolved"

/**
 * A restock alert or a demand insight about one variant. At most one unresolved
 * alert per variant and type: later runs refresh it, and resolve it when the
 * condition is gone.
 */
@Entity()
@Index("IDX_orion_alert_status_type", ["status", "type"])
export class OrionAlert extends BaseEntity {
  @Column({ type: "varchar" })
  type: AlertType

  @Column({ type: "varchar" })
  status: AlertStatus

  @Column({ type: "varchar" })
  variant_id: string

  @Column({ type: "varchar", nullable: true })
  sku: string | null

  @Column({ type: "varchar", nullable: true })
  title: string | null

  @Column({ type: "varchar" })
  run_id: string

  @Column({ type: "real" })
  severity: number

  @Column({ type: "text" })
  reason: string

  @Column({ type: "integer", nullable: true })
  suggested_quantity: number | null

  @Column({ type: "jsonb", nullable: true })
  data: Record<string, unknown> | null

  @Column({ type: "timestamptz", nullable: true })
  acknowledged_at: Date | null

  @Column({ type: "varchar", nullable: true })
  acknowledged_by: string | null

  @Column({ type: "timestamptz", nullable: true })
  resolved_at: Date | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "oal")
  }
}
