import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
} from "typeorm"
import { generateEntityId } from "@medusajs/medusa"

/** One status change of a lead (the lead's status history). */
@Entity({ name: "prospector_lead_status_change" })
export class ProspectorLeadStatusChange {
  @PrimaryColumn({ type: "varchar" })
  id: string

  @Index("IDX_prospector_lead_status_change_lead")
  @Column({ type: "varchar" })
  lead_id: string

  @Column({ type: "varchar", nullable: true })
  from_status: string | null

  @Column({ type: "varchar" })
  to_status: string

  @Column({ type: "varchar", nullable: true })
  changed_by: string | null

  @Column({ type: "text", nullable: true })
  note: string | null

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "plsc")
  }
}
