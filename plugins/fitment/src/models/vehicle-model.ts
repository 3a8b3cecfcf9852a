import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/** A model of a make ("208", "Clio"); unique per make on its normalised key. */
@Entity()
@Index("IDX_vehicle_model_make_key", ["make_id", "key"], { unique: true })
export class VehicleModel extends BaseEntity {
  @Column({ type: "varchar" })
  make_id: string

  @Column({ type: "varchar" })
  name: string

  @Column({ type: "varchar" })
  handle: string

  @Column({ type: "varchar" })
  key: string

  @Column({ type: "text", array: true, default: () => "'{}'" })
  aliases: string[]

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "vmodel")
  }
}
