import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

export type LeadStatus = "new" | "contacted" | "qualified" | "won" | "lost"
export type LeadKind = "lead" | "competitor"

/**
 * A garage/mechanic/body shop (kind "lead") or an auto-parts seller (kind
 * "competitor") found through Places. `place_id` is kept forever; the other
 * Google fields are a cache refreshed with `fetched_at` (Google's terms).
 */
@Entity({ name: "prospector_lead" })
export class ProspectorLead extends BaseEntity {
  @Index("IDX_prospector_lead_place_id", { unique: true })
  @Column({ type: "varchar" })
  place_id: string

  @Column({ type: "varchar", nullable: true })
  moved_place_id: string | null

  /** other place ids merged into this lead (dedupe by phone or name, moved places) */
  @Column({ type: "text", array: true, default: "{}" })
  merged_place_ids: string[]

  @Column({ type: "varchar" })
  name: string

  @Column({ type: "varchar" })
  name_folded: string

  @Index("IDX_prospector_lead_phone")
  @Column({ type: "varchar", nullable: true })
  phone: string | null

  @Column({ type: "varchar", nullable: true })
  website: string | null

  @Column({ type: "text", nullable: true })
  address: string | null

  @Column({ type: "varchar", nullable: true })
  city: string | null

  @Column({ type: "varchar", nullable: true })
  governorate: string | null

  @Column({ type: "varchar", nullable: true })
  area: string | null

  @Column({ type: "double precision", nullable: true })
  latitude: number | null

  @Column({ type: "double precision", nullable: true })
  longitude: number | null

  @Column({ type: "text", array: true, default: "{}" })
  types: string[]

  @Column({ type: "varchar", nullable: true })
  primary_type: string | null

  @Column({ type: "real", nullable: true })
  rating: number | null

  @Column({ type: "integer", nullable: true })
  review_count: number | null

  @Column({ type: "varchar", nullable: true })
  business_status: string | null

  @Column({ type: "varchar", nullable: true })
  maps_url: string | null

  @Column({ type: "timestamptz" })
  first_seen_at: Date

  @Column({ type: "timestamptz" })
  last_seen_at: Date

  @Column({ type: "timestamptz" })
  fetched_at: Date

  @Column({ type: "integer" })
  score: number

  @Column({ type: "varchar" })
  score_band: string

  @Column({ type: "jsonb" })
  score_breakdown: Array<{
    signal: string
    points: number
    max: number
    reason: string
  }>

  @Column({ type: "varchar" })
  kind: LeadKind

  @Column({ type: "varchar", default: "new" })
  status: LeadStatus

  @Column({ type: "text", nullable: true })
  notes: string | null

  @Column({ type: "varchar", nullable: true })
  assignee: string | null

  @Column({ type: "varchar", nullable: true })
  last_run_id: string | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "plead")
  }
}
