import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

export type BatchStatus = "pending" | "done" | "failed"

/**
 * One batch of a forecast run: a slice of its variants (in variant order), forecast by whichever
 * instance takes its job (BullMQ queue `orion-forecast-batches`, or the run's own process without
 * Redis). `input` holds everything the batch needs (the run's plan, the variants' series, stock and
 * settings when the run was planned), `output` its alerts and insights once done.
 */
@Entity()
@Index(["run_id", "index"], { unique: true })
export class OrionForecastBatch extends BaseEntity {
  @Column({ type: "varchar" })
  run_id: string

  /** 0-based position of the batch in the run */
  @Column({ type: "integer" })
  index: number

  @Column({ type: "varchar", default: "pending" })
  status: BatchStatus

  @Column({ type: "integer" })
  variant_count: number

  /** the batch's input (JSON, infinite numbers encoded; `decodeJson` of lib/calendar-forecast) */
  @Column({ type: "text", select: false })
  input: string

  /** restock alerts and insights of the batch (JSON), once done */
  @Column({ type: "text", nullable: true, select: false })
  output: string | null

  /** attempts started (a retried or re-queued batch counts each) */
  @Column({ type: "integer", default: 0 })
  attempts: number

  /** who ran it: `<host>:<pid>` of the process, with its worker mode */
  @Column({ type: "varchar", nullable: true })
  worker: string | null

  @Column({ type: "text", nullable: true })
  error: string | null

  @Column({ type: "timestamptz", nullable: true })
  finished_at: Date | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "ofb")
  }
}
