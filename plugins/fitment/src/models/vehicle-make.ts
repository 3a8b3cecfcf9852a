import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/** A vehicle maker. `key` is the normalised name ("mercedesbenz" for "Mercedes-Benz" and "MERCEDES BENZ"). */
@Entity()
export class VehicleMake extends BaseEntity {
  @Column({ type: "varchar" })
  name: string

  @Index("IDX_vehicle_make_handle", { unique: true })
  @Column({ type: "varchar" })
  handle: string

  @Index("IDX_vehicle_make_key", { unique: true })
  @Column({ type: "varchar" })
  key: string

  @Column({ type: "text", array: true, default: () => "'{}'" })
  aliases: string[]

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "vmake")
  }
}
