import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
} from "typeorm"
import { generateEntityId } from "@medusajs/medusa"

/** One CSV import (or dry run): its summary and, when rows were refused, those rows as a CSV to fix and re-upload. */
@Entity()
export class FitmentImport {
  @PrimaryColumn({ type: "varchar" })
  id: string

  /** "vehicles" or "fitments". */
  @Column({ type: "varchar" })
  type: string

  @Column({ type: "varchar", nullable: true })
  file_name: string | null

  @Column({ type: "boolean" })
  dry_run: boolean

  @Column({ type: "boolean" })
  skip_invalid: boolean

  /** True when rows were written. */
  @Column({ type: "boolean" })
  applied: boolean

  @Column({ type: "jsonb" })
  summary: Record<string, unknown>

  @Column({ type: "text", nullable: true })
  invalid_csv: string | null

  @Column({ type: "varchar", nullable: true })
  actor: string | null

  @CreateDateColumn({ type: "timestamp with time zone" })
  created_at: Date

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "fimp")
  }
}
