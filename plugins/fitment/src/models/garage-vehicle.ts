import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/**
 * A vehicle a customer owns ("Mon garage"): a vehicle of the base, the name the customer gives it, its VIN when
 * known. At most one per customer is the current one (partial unique index, see the migration).
 */
@Entity()
export class GarageVehicle extends BaseEntity {
  @Index("IDX_garage_vehicle_customer_id")
  @Column({ type: "varchar" })
  customer_id: string

  @Index("IDX_garage_vehicle_vehicle_id")
  @Column({ type: "varchar" })
  vehicle_id: string

  @Column({ type: "varchar", nullable: true })
  name: string | null

  @Column({ type: "varchar", nullable: true })
  vin: string | null

  @Column({ type: "boolean", default: false })
  is_current: boolean

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "gveh")
  }
}
