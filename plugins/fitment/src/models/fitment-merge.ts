import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
} from "typeorm"
import { generateEntityId } from "@medusajs/medusa"

/** Audit of a merge: `merged_id` was folded into `survivor_id`, with every link it had. */
@Entity()
export class FitmentMerge {
  @PrimaryColumn({ type: "varchar" })
  id: string

  /** "vehicle", "model" or "make". */
  @Column({ type: "varchar" })
  entity: string

  @Index("IDX_fitment_merge_survivor")
  @Column({ type: "varchar" })
  survivor_id: string

  @Column({ type: "varchar" })
  merged_id: string

  /** Links re-pointed to the survivor (those identical to a survivor link are folded into it, see `details`). */
  @Column({ type: "int", default: 0 })
  moved_links: number

  @Column({ type: "jsonb", nullable: true })
  details: Record<string, unknown> | null

  @Column({ type: "varchar", nullable: true })
  actor: string | null

  @CreateDateColumn({ type: "timestamp with time zone" })
  created_at: Date

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "fmerge")
  }
}
