import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { BulkColumn, columnArrays, insertSql, unnestSql } from "@shabou/sql"
import { MakeRecord, ModelRecord, VehicleImportPlan } from "../lib/plan"
import { VehicleRecord } from "../lib/vehicle-match"
import { VehicleRow } from "../lib/vehicle-row"
import { Vehicle } from "../models/vehicle"

/** A vehicle row of an import with the ids it is inserted under. */
export type NewVehicle = {
  id: string
  make_id: string
  model_id: string
  vehicle: VehicleRow
}

type VehicleUpdate = VehicleImportPlan["update"][number]

const FIELD_TYPES = {
  generation: "text",
  body: "text",
  year_from: "int",
  month_from: "int",
  year_to: "int",
  month_to: "int",
  engine: "text",
  engine_code: "text",
  displacement_cc: "int",
  power_kw: "numeric",
  power_hp: "numeric",
  fuel: "text",
  ktype: "int",
} as const

const NEW_COLUMNS: BulkColumn<NewVehicle>[] = [
  { name: "id", type: "text", value: (n) => n.id },
  { name: "make_id", type: "text", value: (n) => n.make_id },
  { name: "model_id", type: "text", value: (n) => n.model_id },
  ...(Object.keys(FIELD_TYPES) as Array<keyof typeof FIELD_TYPES>).map(
    (f): BulkColumn<NewVehicle> => ({
      name: f,
      type: FIELD_TYPES[f],
      value: (n) => n.vehicle[f],
    })
  ),
  { name: "natural_key", type: "text", value: (n) => n.vehicle.key },
]

const UPDATE_COLUMNS: BulkColumn<VehicleUpdate>[] = [
  { name: "id", type: "text", value: (u) => u.id },
  { name: "year_to", type: "int", value: (u) => u.vehicle.year_to },
  { name: "month_from", type: "int", value: (u) => u.vehicle.month_from },
  { name: "month_to", type: "int", value: (u) => u.vehicle.month_to },
  { name: "cc", type: "int", value: (u) => u.vehicle.displacement_cc },
  { name: "hp", type: "numeric", value: (u) => u.vehicle.power_hp },
  { name: "kw", type: "numeric", value: (u) => u.vehicle.power_kw },
  { name: "ktype", type: "int", value: (u) => u.vehicle.ktype },
]

/**
 * What the CSV imports read and write of the vehicle base: the snapshot an
 * import is planned against, and the bulk writes of a vehicles import.
 */
export const FitmentVehicleImportRepository = dataSource
  .getRepository(Vehicle)
  .extend({
    async findRecords(): Promise<VehicleRecord[]> {
      return await this.query(
        `SELECT v.id, mk.name AS make, md.name AS model, v.generation, v.body, v.year_from, v.year_to, v.month_from, v.month_to,
                v.engine, v.engine_code, v.displacement_cc, v.power_hp::float8 AS power_hp, v.power_kw::float8 AS power_kw, v.fuel, v.ktype
         FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id`
      )
    },

    async findMakes(): Promise<Array<MakeRecord & { key: string }>> {
      return await this.query(`SELECT id, name, key, aliases FROM vehicle_make`)
    },

    async findModels(): Promise<ModelRecord[]> {
      return await this.query(
        `SELECT id, make_id, name, aliases FROM vehicle_model`
      )
    },

    async makeHandleTaken(handle: string): Promise<boolean> {
      const rows = await this.query(
        `SELECT 1 FROM vehicle_make WHERE handle = $1`,
        [handle]
      )
      return rows.length > 0
    },

    async insertMake(make: {
      id: string
      name: string
      handle: string
      key: string
    }): Promise<void> {
      await this.query(
        ...insertSql("vehicle_make", {
          id: make.id,
          name: make.name,
          handle: make.handle,
          key: make.key,
        })
      )
    },

    async insertModel(model: {
      id: string
      make_id: string
      name: string
      handle: string
      key: string
    }): Promise<void> {
      await this.query(
        ...insertSql("vehicle_model", {
          id: model.id,
          make_id: model.make_id,
          name: model.name,
          handle: model.handle,
          key: model.key,
        })
      )
    },

    async insertMany(vehicles: NewVehicle[]): Promise<void> {
      await this.query(
        `INSERT INTO vehicle (${NEW_COLUMNS.map((c) => c.name).join(", ")})
         SELECT * FROM ${unnestSql(NEW_COLUMNS)}`,
        columnArrays(vehicles, NEW_COLUMNS)
      )
    },

    /** Fills in what the file adds to stored vehicles (null keeps the stored value). */
    async updateMany(updates: VehicleUpdate[]): Promise<void> {
      await this.query(
        `UPDATE vehicle v SET year_to = COALESCE(u.year_to, v.year_to), month_from = COALESCE(u.month_from, v.month_from),
           month_to = COALESCE(u.month_to, v.month_to), displacement_cc = COALESCE(u.cc, v.displacement_cc),
           power_hp = COALESCE(u.hp, v.power_hp), power_kw = COALESCE(u.kw, v.power_kw), ktype = COALESCE(u.ktype, v.ktype), updated_at = now()
         FROM ${unnestSql(UPDATE_COLUMNS)}
         WHERE v.id = u.id`,
        columnArrays(updates, UPDATE_COLUMNS)
      )
    },
  })

export default FitmentVehicleImportRepository
