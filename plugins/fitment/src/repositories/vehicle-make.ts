import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { SqlWhere } from "@shabou/sql"
import {
  insertNamedSql,
  NamedValues,
  setAliasesSql,
  updateNamesSql,
} from "../lib/named-row-sql"
import { VehicleMake } from "../models/vehicle-make"

/** A make as the admin and store routes show it. */
export type VehicleMakeRow = {
  id: string
  name: string
  handle: string
  key: string
  aliases: string[]
  created_at: Date
  updated_at: Date
}

/** A make in a listing, with how many models it has. */
export type VehicleMakeListRow = Omit<
  VehicleMakeRow,
  "created_at" | "updated_at"
> & { model_count: number }

/** The columns that identify a make by its spellings. */
export type VehicleMakeKeyRow = Omit<
  VehicleMakeRow,
  "created_at" | "updated_at"
>

/** What a make's row holds besides its id. */
export type VehicleMakeValues = NamedValues

export const VehicleMakeRepository = dataSource
  .getRepository(VehicleMake)
  .extend({
    /** `withVehiclesOnly` keeps the makes that have at least one vehicle. */
    async listWithCounts(opts: {
      withVehiclesOnly?: boolean
      q?: string
    }): Promise<VehicleMakeListRow[]> {
      const where = new SqlWhere().when(
        opts.q ? `%${opts.q}%` : undefined,
        (p) => `mk.name ILIKE ${p}`
      )
      if (opts.withVehiclesOnly) {
        where.and(`EXISTS (SELECT 1 FROM vehicle v WHERE v.make_id = mk.id)`)
      }
      const { clause, values: params } = where
      return await this.query(
        `SELECT mk.id, mk.name, mk.handle, mk.key, mk.aliases,
                (SELECT count(*)::int FROM vehicle_model md WHERE md.make_id = mk.id) AS model_count
         FROM vehicle_make mk ${clause} ORDER BY mk.name, mk.id`,
        params
      )
    },

    async findByIdOrHandle(idOrHandle: string): Promise<VehicleMakeRow | null> {
      const [row] = await this.query(
        `SELECT id, name, handle, key, aliases, created_at, updated_at FROM vehicle_make WHERE id = $1 OR handle = $1 LIMIT 1`,
        [idOrHandle]
      )
      return row ?? null
    },

    async listKeys(): Promise<VehicleMakeKeyRow[]> {
      return await this.query(
        `SELECT id, name, handle, key, aliases FROM vehicle_make`
      )
    },

    /** The make with this key, other than `exceptId`. */
    async findByKey(
      key: string,
      exceptId: string | null = null
    ): Promise<{ id: string; name: string } | null> {
      const [row] = await this.query(
        `SELECT id, name FROM vehicle_make WHERE key = $1 AND ($2::varchar IS NULL OR id <> $2)`,
        [key, exceptId]
      )
      return row ?? null
    },

    async insertRow(id: string, values: VehicleMakeValues): Promise<void> {
      await this.query(...insertNamedSql("vehicle_make", { id }, values))
    },

    async updateRow(id: string, values: VehicleMakeValues): Promise<void> {
      await this.query(...updateNamesSql("vehicle_make", id, values))
    },

    async setAliases(id: string, aliases: string[]): Promise<void> {
      await this.query(...setAliasesSql("vehicle_make", id, aliases))
    },

    async deleteById(id: string): Promise<void> {
      await this.query(`DELETE FROM vehicle_make WHERE id = $1`, [id])
    },
  })

export default VehicleMakeRepository
