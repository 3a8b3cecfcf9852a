import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { SqlWhere } from "@shabou/sql"
import type { VehicleFields, VehicleJoinRow } from "../lib/fitment-shape"
import { VEHICLE_FIELDS } from "../lib/vehicle-row"
import { Vehicle } from "../models/vehicle"
import type { Pagination } from "../types"

/** A vehicle with its make and model, as `shapeVehicle` (services/fitment) reads it; numeric powers come as text. */
export type VehicleJoinedRow = VehicleJoinRow & {
  natural_key: string
  created_at: Date
  updated_at: Date
}

/** The fields of a vehicle's natural key (lib/vehicle-row vehicleKey), with the key it has now. */
export type VehicleKeyRow = {
  id: string
  natural_key: string
  make: string
  model: string
  generation: string | null
  body: string | null
  year_from: number
  engine: string | null
  engine_code: string | null
  fuel: string | null
}

/** A vehicle's own columns, as written by the admin (checked by lib/vehicle-row). */
export type VehicleValues = VehicleFields & {
  make_id: string
  model_id: string
  natural_key: string
}

export interface VehicleFilter {
  make_id?: string
  model_id?: string
  year?: number
  engine_code?: string
  ktype?: number
  fuel?: string
  q?: string
}

/** Which vehicles to re-key: those of a make, of a model, or these ids. */
export type VehicleScope =
  { make_id: string } | { model_id: string } | { ids: string[] }

/** A model a VIN decodes to: its key, and its generation when the VIN tells it. */
export type VinModelTarget = {
  key: string
  generation?: string
  /** Key of the model stored with its generation in its name ("Passat B6"). */
  generationKey?: string
}

const FROM = `FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id`

const VEHICLE_SELECT = `SELECT v.id AS v_id, v.make_id, mk.name AS make_name, mk.handle AS make_handle, v.model_id,
  md.name AS model_name, md.handle AS model_handle, v.generation, v.body, v.year_from, v.month_from, v.year_to,
  v.month_to, v.engine, v.engine_code AS vehicle_engine_code, v.displacement_cc, v.power_kw, v.power_hp, v.fuel, v.ktype,
  v.natural_key, v.created_at, v.updated_at
  ${FROM}`

const VALUE_COLUMNS = [
  "make_id",
  "model_id",
  ...VEHICLE_FIELDS,
  "natural_key",
] as const

function scopeClause(scope: VehicleScope): [string, unknown[]] {
  if ("make_id" in scope) {
    return [`v.make_id = $1`, [scope.make_id]]
  }
  if ("model_id" in scope) {
    return [`v.model_id = $1`, [scope.model_id]]
  }
  return [`v.id = ANY($1)`, [scope.ids]]
}

export const VehicleRepository = dataSource.getRepository(Vehicle).extend({
  async listFiltered(
    filter: VehicleFilter,
    page: Pagination
  ): Promise<[VehicleJoinedRow[], number]> {
    const where = new SqlWhere()
      .when(filter.make_id || undefined, (p) => `v.make_id = ${p}`)
      .when(filter.model_id || undefined, (p) => `v.model_id = ${p}`)
      .when(
        filter.year,
        (p) =>
          `v.year_from <= ${p} AND (v.year_to IS NULL OR v.year_to >= ${p})`
      )
      .when(
        filter.engine_code || undefined,
        (p) => `upper(v.engine_code) = upper(${p})`
      )
      .when(filter.ktype, (p) => `v.ktype = ${p}`)
      .when(filter.fuel || undefined, (p) => `v.fuel = ${p}`)
      .when(
        filter.q ? `%${filter.q}%` : undefined,
        (p) =>
          `(mk.name || ' ' || md.name || ' ' || coalesce(v.engine, '') || ' ' || coalesce(v.engine_code, '')) ILIKE ${p}`
      )
    const { clause, values: params } = where
    const rows = await this.query(
      `${VEHICLE_SELECT} ${clause} ORDER BY mk.name, md.name, v.year_from, v.engine NULLS FIRST, v.id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.query(
      `SELECT count(*)::int AS count ${FROM} ${clause}`,
      params
    )
    return [rows, count]
  },

  /** Every year covered by one of the vehicles of a model (or make), newest first. */
  async listYears(filter: {
    make_id?: string
    model_id?: string
  }): Promise<number[]> {
    const { clause, values: params } = new SqlWhere()
      .when(filter.make_id || undefined, (p) => `make_id = ${p}`)
      .when(filter.model_id || undefined, (p) => `model_id = ${p}`)
    const rows: Array<{ year: number }> = await this.query(
      `SELECT DISTINCT y::int AS year FROM vehicle, generate_series(year_from, coalesce(year_to, extract(year FROM now())::int)) AS y
       ${clause} ORDER BY year DESC`,
      params
    )
    return rows.map((r) => r.year)
  },

  async findJoined(id: string): Promise<VehicleJoinedRow | null> {
    const [row] = await this.query(`${VEHICLE_SELECT} WHERE v.id = $1`, [id])
    return row ?? null
  },

  /**
   * Up to 200 vehicles of a make built in one of `years` (any year when empty), of one of the `models`
   * when given.
   */
  async listForVin(
    makeId: string,
    years: number[],
    models: VinModelTarget[] | null
  ): Promise<VehicleJoinedRow[]> {
    const params: unknown[] = [makeId]
    const next = (value: unknown): string => {
      params.push(value)
      return `$${params.length}`
    }
    let clause = ""
    if (years.length) {
      clause += ` AND EXISTS (SELECT 1 FROM unnest(${next(years)}::int[]) AS y WHERE v.year_from <= y AND (v.year_to IS NULL OR v.year_to >= y))`
    }
    if (models) {
      const alternatives = models.map((t) =>
        t.generation === undefined
          ? `md.key = ${next(t.key)}`
          : `(md.key = ${next(t.key)} AND upper(v.generation) = ${next(t.generation)}) OR md.key = ${next(t.generationKey)}`
      )
      clause += ` AND (${alternatives.join(" OR ")})`
    }
    return await this.query(
      `${VEHICLE_SELECT} WHERE v.make_id = $1${clause} ORDER BY md.name, v.year_from, v.engine NULLS FIRST, v.id LIMIT 200`,
      params
    )
  },

  /** The vehicle with this natural key, other than `exceptId`. */
  async findByNaturalKey(
    key: string,
    exceptId: string | null = null
  ): Promise<{ id: string } | null> {
    const [row] = await this.query(
      `SELECT id FROM vehicle WHERE natural_key = $1 AND ($2::varchar IS NULL OR id <> $2)`,
      [key, exceptId]
    )
    return row ?? null
  },

  async insertRow(id: string, values: VehicleValues): Promise<void> {
    await this.query(
      `INSERT INTO vehicle (id, ${VALUE_COLUMNS.join(", ")})
       VALUES ($1, ${VALUE_COLUMNS.map((_, i) => `$${i + 2}`).join(", ")})`,
      [id, ...VALUE_COLUMNS.map((c) => values[c])]
    )
  },

  async updateRow(id: string, values: VehicleValues): Promise<void> {
    await this.query(
      `UPDATE vehicle SET ${VALUE_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(", ")}, updated_at = now() WHERE id = $1`,
      [id, ...VALUE_COLUMNS.map((c) => values[c])]
    )
  },

  /** How many vehicles a make or a model has. */
  async countOf(
    scope: { make_id: string } | { model_id: string }
  ): Promise<number> {
    const [where, params] = scopeClause(scope)
    const [{ count }] = await this.query(
      `SELECT count(*)::int AS count FROM vehicle v WHERE ${where}`,
      params
    )
    return count
  },

  /** Links and customer garages that point to a vehicle (a vehicle with either is merged, never deleted). */
  async countUses(id: string): Promise<{ links: number; garages: number }> {
    const [row] = await this.query(
      `SELECT (SELECT count(*)::int FROM fitment WHERE vehicle_id = $1) AS links,
              (SELECT count(*)::int FROM garage_vehicle WHERE vehicle_id = $1) AS garages`,
      [id]
    )
    return row
  },

  async listKeyRows(scope: VehicleScope): Promise<VehicleKeyRow[]> {
    const [where, params] = scopeClause(scope)
    return await this.query(
      `SELECT v.id, v.natural_key, mk.name AS make, md.name AS model, v.generation, v.body, v.year_from, v.engine, v.engine_code, v.fuel
       ${FROM} WHERE ${where}`,
      params
    )
  },

  async setNaturalKey(id: string, key: string): Promise<void> {
    await this.query(
      `UPDATE vehicle SET natural_key = $2, updated_at = now() WHERE id = $1`,
      [id, key]
    )
  },

  /** Moves the vehicles of model `fromModelId` to another model (and its make); answers their ids. */
  async moveModel(
    fromModelId: string,
    toModelId: string,
    toMakeId: string
  ): Promise<string[]> {
    // TypeORM answers UPDATE … RETURNING with [rows, affected count]
    const [rows]: [Array<{ id: string }>, number] = await this.query(
      `UPDATE vehicle SET model_id = $1, make_id = $2, updated_at = now() WHERE model_id = $3 RETURNING id`,
      [toModelId, toMakeId, fromModelId]
    )
    return rows.map((r) => r.id)
  },

  /** Puts the vehicles of a model under another make (the model moved there). */
  async setMakeOfModel(modelId: string, makeId: string): Promise<void> {
    await this.query(
      `UPDATE vehicle SET make_id = $1, updated_at = now() WHERE model_id = $2`,
      [makeId, modelId]
    )
  },

  /** Fills what the survivor does not know yet from the merged vehicle. */
  async fillFrom(survivorId: string, mergedId: string): Promise<void> {
    await this.query(
      `UPDATE vehicle s SET ktype = COALESCE(s.ktype, m.ktype), displacement_cc = COALESCE(s.displacement_cc, m.displacement_cc),
         power_kw = COALESCE(s.power_kw, m.power_kw), power_hp = COALESCE(s.power_hp, m.power_hp), updated_at = now()
       FROM vehicle m WHERE s.id = $1 AND m.id = $2`,
      [survivorId, mergedId]
    )
  },

  async deleteById(id: string): Promise<void> {
    await this.query(`DELETE FROM vehicle WHERE id = $1`, [id])
  },
})

export default VehicleRepository
