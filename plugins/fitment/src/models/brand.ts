import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/** A parts brand (Bosch, Valeo, ...). A product has at most one brand (see FitmentProduct). */
@Entity()
export class Brand extends BaseEntity {
  @Column({ type: "varchar" })
  name: string

  @Index("IDX_brand_handle", { unique: true })
  @Column({ type: "varchar" })
  handle: string

  @Column({ type: "varchar", nullable: true })
  logo_url: string | null

  @Column({ type: "varchar", nullable: true })
  country: string | null

  @Column({ type: "text", nullable: true })
  description: string | null

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "brand")
  }
}
