import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
} from "typeorm"
import { generateEntityId } from "@medusajs/medusa"

/** The request ledger: one row per HTTP request sent to Places (retries included). */
@Entity({ name: "prospector_places_request" })
export class ProspectorPlacesRequest {
  @PrimaryColumn({ type: "varchar" })
  id: string

  @Index("IDX_prospector_places_request_run")
  @Column({ type: "varchar", nullable: true })
  run_id: string | null

  @Column({ type: "varchar" })
  query: string

  @Column({ type: "varchar" })
  language: string

  @Column({ type: "varchar", nullable: true })
  area: string | null

  @Column({ type: "varchar" })
  tile: string

  @Column({ type: "integer" })
  page: number

  @Column({ type: "integer" })
  attempt: number

  /** HTTP status, or "network_error" */
  @Column({ type: "varchar" })
  status: string

  @Index("IDX_prospector_places_request_at")
  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "preq")
  }
}
