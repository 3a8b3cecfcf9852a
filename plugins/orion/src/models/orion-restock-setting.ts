import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

export type SettingScope = "default" | "category" | "brand"

/**
 * Restock settings: target service level per category, lead time per brand/supplier.
 * scope "category" keys on product_category.handle, "brand" on the brand name
 * (the handle of the product's fitment brand, e.g. "bosch"), "default" (key "*") overrides the plugin options.
 */
@Entity()
@Index("IDX_orion_restock_setting_scope_key", ["scope", "key"], {
  unique: true,
})
export class OrionRestockSetting extends BaseEntity {
  @Column({ type: "varchar" })
  scope: SettingScope

  @Column({ type: "varchar" })
  key: string

  /** target cycle service level in (0, 1) */
  @Column({ type: "real", nullable: true })
  service_level: number | null

  @Column({ type: "integer", nullable: true })
  lead_time_days: number | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "orset")
  }
}
