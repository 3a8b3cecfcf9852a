import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
} from "typeorm"
import { generateEntityId } from "@medusajs/medusa"

/** A weekly report (HTML and CSV) for one period. */
@Entity({ name: "prospector_report" })
export class ProspectorReport {
  @PrimaryColumn({ type: "varchar" })
  id: string

  @Index("IDX_prospector_report_period", { unique: true })
  @Column({ type: "timestamptz" })
  period_start: Date

  @Column({ type: "timestamptz" })
  period_end: Date

  @Column({ type: "text" })
  html: string

  @Column({ type: "text" })
  csv: string

  @Column({ type: "jsonb" })
  summary: Record<string, unknown>

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "prep")
  }
}
