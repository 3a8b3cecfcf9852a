import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/**
 * One vehicle configuration: make + model + generation/body + production period + engine.
 * `year_to` NULL means still produced. `natural_key` (lib/vehicle-row vehicleKey) dedupes imports.
 */
@Entity()
export class Vehicle extends BaseEntity {
  @Index("IDX_vehicle_make_id")
  @Column({ type: "varchar" })
  make_id: string

  @Index("IDX_vehicle_model_id")
  @Column({ type: "varchar" })
  model_id: string

  @Column({ type: "varchar", nullable: true })
  generation: string | null

  @Column({ type: "varchar", nullable: true })
  body: string | null

  @Column({ type: "int" })
  year_from: number

  @Column({ type: "int", nullable: true })
  month_from: number | null

  @Column({ type: "int", nullable: true })
  year_to: number | null

  @Column({ type: "int", nullable: true })
  month_to: number | null

  @Column({ type: "varchar", nullable: true })
  engine: string | null

  @Index("IDX_vehicle_engine_code")
  @Column({ type: "varchar", nullable: true })
  engine_code: string | null

  @Column({ type: "int", nullable: true })
  displacement_cc: number | null

  @Column({ type: "numeric", nullable: true })
  power_kw: number | null

  @Column({ type: "numeric", nullable: true })
  power_hp: number | null

  @Column({ type: "varchar", nullable: true })
  fuel: string | null

  @Index("IDX_vehicle_ktype")
  @Column({ type: "int", nullable: true })
  ktype: number | null

  @Index("IDX_vehicle_natural_key", { unique: true })
  @Column({ type: "varchar" })
  natural_key: string

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "veh")
  }
}
