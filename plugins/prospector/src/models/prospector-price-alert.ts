import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
} from "typeorm"
import { generateEntityId } from "@medusajs/medusa"

/** An alert on a watched page: price_move, below_our_price or back_in_stock. */
@Entity({ name: "prospector_price_alert" })
export class ProspectorPriceAlert {
  @PrimaryColumn({ type: "varchar" })
  id: string

  @Index("IDX_prospector_price_alert_page")
  @Column({ type: "varchar" })
  watched_page_id: string

  @Column({ type: "varchar" })
  observation_id: string

  @Column({ type: "varchar" })
  kind: string

  @Column({ type: "text" })
  message: string

  @Column({ type: "jsonb", default: {} })
  details: Record<string, unknown>

  @Column({ type: "timestamptz", nullable: true })
  acknowledged_at: Date | null

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "palert")
  }
}
