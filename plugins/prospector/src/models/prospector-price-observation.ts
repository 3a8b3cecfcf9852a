import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
} from "typeorm"
import { generateEntityId } from "@medusajs/medusa"

/** A price seen on a watched page at a time (amount in minor units: millimes for TND). */
@Entity({ name: "prospector_price_observation" })
export class ProspectorPriceObservation {
  @PrimaryColumn({ type: "varchar" })
  id: string

  @Index("IDX_prospector_price_observation_page")
  @Column({ type: "varchar" })
  watched_page_id: string

  @Column({ type: "timestamptz" })
  observed_at: Date

  @Column({
    type: "bigint",
    transformer: {
      to: (v: number) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  amount: number

  @Column({ type: "varchar" })
  currency: string

  @Column({ type: "boolean", nullable: true })
  in_stock: boolean | null

  /** json-ld | opengraph | microdata | selector | not_modified (304, previous price still valid) */
  @Column({ type: "varchar" })
  method: string

  @Column({ type: "varchar", nullable: true })
  matched_by: string | null

  @Column({ type: "varchar" })
  via: string

  @Column({ type: "varchar", nullable: true })
  run_id: string | null

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "pobs")
  }
}
