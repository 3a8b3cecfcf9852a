import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { SqlWhere } from "@shabou/sql"
import {
  insertNamedSql,
  NamedValues,
  setAliasesSql,
  updateNamesSql,
} from "../lib/named-row-sql"
import { VehicleModel } from "../models/vehicle-model"

/** A model with the name of its make. */
export type VehicleModelRow = {
  id: string
  make_id: string
  name: string
  handle: string
  key: string
  aliases: string[]
  created_at: Date
  updated_at: Date
  make_name: string
}

/** A model in a listing: the years its vehicles cover (`year_to` null: still built) and how many there are. */
export type VehicleModelListRow = Omit<
  VehicleModelRow,
  "created_at" | "updated_at" | "make_name"
> & {
  year_from: number | null
  year_to: number | null
  vehicle_count: number
}

/** What a model's row holds besides its id and make. */
export type VehicleModelValues = NamedValues

export const VehicleModelRepository = dataSource
  .getRepository(VehicleModel)
  .extend({
    async listWithStats(opts: {
      make_id?: string
      withVehiclesOnly?: boolean
      q?: string
    }): Promise<VehicleModelListRow[]> {
      const where = new SqlWhere().when(
        opts.make_id || undefined,
        (p) => `md.make_id = ${p}`
      )
      if (opts.withVehiclesOnly) {
        where.and(`EXISTS (SELECT 1 FROM vehicle v WHERE v.model_id = md.id)`)
      }
      where.when(
        opts.q ? `%${opts.q}%` : undefined,
        (p) => `md.name ILIKE ${p}`
      )
      const { clause, values: params } = where
      return await this.query(
        `SELECT md.id, md.make_id, md.name, md.handle, md.key, md.aliases,
                (SELECT min(v.year_from) FROM vehicle v WHERE v.model_id = md.id) AS year_from,
                (SELECT CASE WHEN bool_or(v.year_to IS NULL) THEN NULL ELSE max(v.year_to) END FROM vehicle v WHERE v.model_id = md.id) AS year_to,
                (SELECT count(*)::int FROM vehicle v WHERE v.model_id = md.id) AS vehicle_count
         FROM vehicle_model md ${clause} ORDER BY md.name, md.id`,
        params
      )
    },

    async findWithMake(id: string): Promise<VehicleModelRow | null> {
      const [row] = await this.query(
        `SELECT md.id, md.make_id, md.name, md.handle, md.key, md.aliases, md.created_at, md.updated_at, mk.name AS make_name
         FROM vehicle_model md JOIN vehicle_make mk ON mk.id = md.make_id WHERE md.id = $1`,
        [id]
      )
      return row ?? null
    },

    /** The model of make `makeId` with this key, other than `exceptId`. */
    async findByKey(
      makeId: string,
      key: string,
      exceptId: string | null = null
    ): Promise<{ id: string; name: string } | null> {
      const [row] = await this.query(
        `SELECT id, name FROM vehicle_model WHERE make_id = $1 AND key = $2 AND ($3::varchar IS NULL OR id <> $3)`,
        [makeId, key, exceptId]
      )
      return row ?? null
    },

    async listOfMake(
      makeId: string
    ): Promise<Array<{ id: string; key: string; name: string }>> {
      return await this.query(
        `SELECT id, key, name FROM vehicle_model WHERE make_id = $1`,
        [makeId]
      )
    },

    async countOfMake(makeId: string): Promise<number> {
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM vehicle_model WHERE make_id = $1`,
        [makeId]
      )
      return count
    },

    async insertRow(
      id: string,
      makeId: string,
      values: VehicleModelValues
    ): Promise<void> {
      await this.query(
        ...insertNamedSql("vehicle_model", { id, make_id: makeId }, values)
      )
    },

    async updateRow(id: string, values: VehicleModelValues): Promise<void> {
      await this.query(...updateNamesSql("vehicle_model", id, values))
    },

    async setAliases(id: string, aliases: string[]): Promise<void> {
      await this.query(...setAliasesSql("vehicle_model", id, aliases))
    },

    /** Moves a model to another make, with the handle it takes there. */
    async moveToMake(
      id: string,
      makeId: string,
      handle: string
    ): Promise<void> {
      await this.query(
        `UPDATE vehicle_model SET make_id = $1, handle = $2, updated_at = now() WHERE id = $3`,
        [makeId, handle, id]
      )
    },

    async deleteById(id: string): Promise<void> {
      await this.query(`DELETE FROM vehicle_model WHERE id = $1`, [id])
    },
  })

export default VehicleModelRepository
