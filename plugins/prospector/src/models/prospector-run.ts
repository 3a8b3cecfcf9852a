import { BeforeInsert, Column, Entity } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

export type RunKind = "search" | "watch" | "report"
export type RunStatus = "running" | "completed" | "failed" | "interrupted"

/** One lead search, price-watch pass or report build, whoever started it (job, CLI, admin). */
@Entity({ name: "prospector_run" })
export class ProspectorRun extends BaseEntity {
  @Column({ type: "varchar" })
  kind: RunKind

  @Column({ type: "varchar" })
  trigger: "job" | "cli" | "api"

  @Column({ type: "varchar" })
  status: RunStatus

  /** local (Africa/Tunis) date of a scheduled run, for once-a-day checks */
  @Column({ type: "varchar", nullable: true })
  run_date: string | null

  @Column({ type: "jsonb", default: {} })
  params: Record<string, unknown>

  @Column({ type: "jsonb", default: {} })
  summary: Record<string, unknown>

  @Column({ type: "jsonb", default: [] })
  errors: Array<Record<string, unknown>>

  @Column({ type: "timestamptz" })
  started_at: Date

  @Column({ type: "timestamptz", nullable: true })
  finished_at: Date | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "prun")
  }
}
