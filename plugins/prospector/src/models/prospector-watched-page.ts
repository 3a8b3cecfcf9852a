import { BeforeInsert, Column, Entity } from "typeorm"
import { SoftDeletableEntity, generateEntityId } from "@medusajs/medusa"

/** A supplier's or competitor's product page whose price is watched. */
@Entity({ name: "prospector_watched_page" })
export class ProspectorWatchedPage extends SoftDeletableEntity {
  @Column({ type: "varchar" })
  url: string

  @Column({ type: "varchar" })
  supplier: string

  @Column({ type: "varchar", default: "supplier" })
  kind: "supplier" | "competitor"

  /** our variant this page corresponds to (its TND price is "our price") */
  @Column({ type: "varchar", nullable: true })
  variant_id: string | null

  /** our SKU, used to find the variant when variant_id is not given */
  @Column({ type: "varchar", nullable: true })
  sku: string | null

  /** identifiers of the product on the supplier page (to pick one of several offers) */
  @Column({ type: "varchar", nullable: true })
  offer_sku: string | null

  @Column({ type: "varchar", nullable: true })
  offer_mpn: string | null

  @Column({ type: "varchar", nullable: true })
  offer_gtin: string | null

  @Column({ type: "varchar", nullable: true })
  selector: string | null

  @Column({ type: "varchar", nullable: true })
  stock_selector: string | null

  @Column({ type: "boolean", default: false })
  needs_js: boolean

  @Column({ type: "varchar", default: "TND" })
  currency: string

  @Column({ type: "real", nullable: true })
  threshold_percent: number | null

  @Column({ type: "real", nullable: true })
  margin_percent: number | null

  @Column({ type: "boolean", default: true })
  active: boolean

  @Column({ type: "varchar", nullable: true })
  etag: string | null

  @Column({ type: "varchar", nullable: true })
  last_modified: string | null

  @Column({ type: "timestamptz", nullable: true })
  last_checked_at: Date | null

  /** ok | not_modified | disallowed | no_price | error */
  @Column({ type: "varchar", nullable: true })
  last_status: string | null

  @Column({ type: "text", nullable: true })
  last_error: string | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "pwp")
  }
}
