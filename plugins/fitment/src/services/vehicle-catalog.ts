import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { cleanText } from "@shabou/text"
import {
  canonicalMake,
  normalizeKey,
  parseModel,
  slugify,
} from "../lib/normalize"
import { decodeVin } from "../lib/vin"
import { decodeVinDetails } from "../lib/vin-model"
import { validateVehicleRow, vehicleKey, VehicleRow } from "../lib/vehicle-row"
import { Pagination, Row } from "../types"
import { shapeVehicle } from "./fitment"

type InjectedDependencies = { manager: EntityManager }

const VEHICLE_SELECT = `SELECT v.id AS v_id, v.make_id, mk.name AS make_name, mk.handle AS make_handle, v.model_id,
  md.name AS model_name, md.handle AS model_handle, v.generation, v.body, v.year_from, v.month_from, v.year_to,
  v.month_to, v.engine, v.engine_code AS vehicle_engine_code, v.displacement_cc, v.power_kw, v.power_hp, v.fuel, v.ktype,
  v.natural_key, v.created_at, v.updated_at
  FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id`

export interface VehicleInput {
  make_id?: string
  model_id?: string
  generation?: string | null
  body?: string | null
  year_from?: number | string
  month_from?: number | string | null
  year_to?: number | string | null
  month_to?: number | string | null
  engine?: string | null
  engine_code?: string | null
  displacement_cc?: number | string | null
  power_kw?: number | string | null
  power_hp?: number | string | null
  fuel?: string | null
  ktype?: number | string | null
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

const VEHICLE_INPUT_FIELDS = [
  "generation",
  "body",
  "year_from",
  "month_from",
  "year_to",
  "month_to",
  "engine",
  "engine_code",
  "displacement_cc",
  "power_kw",
  "power_hp",
  "fuel",
  "ktype",
] as const

/** The vehicle base (make → model → vehicle): listings for the cascading selector, CRUD, VIN decode and merges. */
export default class VehicleCatalogService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
  }

  // ------------------------------------------------------------------ makes

  /** Makes; `withVehiclesOnly` keeps only makes that have at least one vehicle (store selector). */
  async listMakes(
    opts: { withVehiclesOnly?: boolean; q?: string } = {}
  ): Promise<Row[]> {
    const where: string[] = []
    const params: unknown[] = []
    if (opts.withVehiclesOnly) {
      where.push(`EXISTS (SELECT 1 FROM vehicle v WHERE v.make_id = mk.id)`)
    }
    if (opts.q) {
      params.push(`%${opts.q}%`)
      where.push(`mk.name ILIKE $${params.length}`)
    }
    return await this.activeManager_.query(
      `SELECT mk.id, mk.name, mk.handle, mk.key, mk.aliases,
              (SELECT count(*)::int FROM vehicle_model md WHERE md.make_id = mk.id) AS model_count
       FROM vehicle_make mk ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY mk.name, mk.id`,
      params
    )
  }

  async retrieveMake(idOrHandle: string): Promise<Row> {
    const rows = await this.activeManager_.query(
      `SELECT id, name, handle, key, aliases, created_at, updated_at FROM vehicle_make WHERE id = $1 OR handle = $1 LIMIT 1`,
      [idOrHandle]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Vehicle make ${idOrHandle} was not found`
      )
    }
    return rows[0]
  }

  /** Finds the make by any spelling (built-in aliases and stored aliases), or null. */
  async findMake(name: string): Promise<Row | null> {
    const key = canonicalMake(name).key
    const rows: Row[] = await this.activeManager_.query(
      `SELECT id, name, handle, key, aliases FROM vehicle_make`
    )
    return (
      rows.find((r) => r.key === key) ??
      rows.find((r) =>
        (r.aliases ?? []).some(
          (a: string) =>
            canonicalMake(a).key === key ||
            normalizeKey(a) === normalizeKey(name)
        )
      ) ??
      null
    )
  }

  async createMake(input: { name?: string; aliases?: string[] }): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const name = cleanText(String(input.name ?? ""))
      if (!name) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "name: is required"
        )
      }
      const make = canonicalMake(name)
      const existing = await manager.query(
        `SELECT id, name FROM vehicle_make WHERE key = $1`,
        [make.key]
      )
      if (existing.length) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `name: "${name}" is the same make as "${existing[0].name}" (${existing[0].id})`
        )
      }
      const id = generateEntityId(undefined, "vmake")
      await manager.query(
        `INSERT INTO vehicle_make (id, name, handle, key, aliases) VALUES ($1, $2, $3, $4, $5)`,
        [id, make.name, make.handle, make.key, cleanAliases(input.aliases)]
      )
      return await this.withTransaction(manager).retrieveMake(id)
    })
  }

  async updateMake(
    id: string,
    input: { name?: string; aliases?: string[] }
  ): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const current = await self.retrieveMake(id)
      const name =
        input.name !== undefined ? cleanText(String(input.name)) : current.name
      if (!name) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "name: must not be empty"
        )
      }
      // the same key as createMake and the imports: "VW" is Volkswagen
      const make = canonicalMake(name)
      const clash = await manager.query(
        `SELECT id, name FROM vehicle_make WHERE key = $1 AND id <> $2`,
        [make.key, current.id]
      )
      if (clash.length) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `name: "${name}" is the same make as "${clash[0].name}" (${clash[0].id}); merge them instead`
        )
      }
      await manager.query(
        `UPDATE vehicle_make SET name = $2, handle = $3, key = $4, aliases = $5, updated_at = now() WHERE id = $1`,
        [
          current.id,
          make.name,
          make.handle,
          make.key,
          input.aliases !== undefined
            ? cleanAliases(input.aliases)
            : current.aliases,
        ]
      )
      if (make.name !== current.name) {
        await self.rekeyVehicles(`v.make_id = $1`, [current.id])
      }
      return await self.retrieveMake(current.id)
    })
  }

  async deleteMake(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const make = await this.withTransaction(manager).retrieveMake(id)
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM vehicle_model WHERE make_id = $1`,
        [make.id]
      )
      if (count > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Make ${make.name} still has ${count} model(s): delete or merge them first`
        )
      }
      await manager.query(`DELETE FROM vehicle_make WHERE id = $1`, [make.id])
    })
  }

  // ------------------------------------------------------------------ models

  async listModels(
    opts: { make_id?: string; withVehiclesOnly?: boolean; q?: string } = {}
  ): Promise<Row[]> {
    const where: string[] = []
    const params: unknown[] = []
    if (opts.make_id) {
      params.push(opts.make_id)
      where.push(`md.make_id = $${params.length}`)
    }
    if (opts.withVehiclesOnly) {
      where.push(`EXISTS (SELECT 1 FROM vehicle v WHERE v.model_id = md.id)`)
    }
    if (opts.q) {
      params.push(`%${opts.q}%`)
      where.push(`md.name ILIKE $${params.length}`)
    }
    return await this.activeManager_.query(
      `SELECT md.id, md.make_id, md.name, md.handle, md.key, md.aliases,
              (SELECT min(v.year_from) FROM vehicle v WHERE v.model_id = md.id) AS year_from,
              (SELECT CASE WHEN bool_or(v.year_to IS NULL) THEN NULL ELSE max(v.year_to) END FROM vehicle v WHERE v.model_id = md.id) AS year_to,
              (SELECT count(*)::int FROM vehicle v WHERE v.model_id = md.id) AS vehicle_count
       FROM vehicle_model md ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY md.name, md.id`,
      params
    )
  }

  async retrieveModel(id: string): Promise<Row> {
    const rows = await this.activeManager_.query(
      `SELECT md.id, md.make_id, md.name, md.handle, md.key, md.aliases, md.created_at, md.updated_at, mk.name AS make_name
       FROM vehicle_model md JOIN vehicle_make mk ON mk.id = md.make_id WHERE md.id = $1`,
      [id]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Vehicle model ${id} was not found`
      )
    }
    return rows[0]
  }

  async createModel(input: {
    make_id?: string
    name?: string
    aliases?: string[]
  }): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      if (!input.make_id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "make_id: is required"
        )
      }
      const make = await this.withTransaction(manager).retrieveMake(
        input.make_id
      )
      const name = cleanText(String(input.name ?? ""))
      const parsed = parseModel(name)
      if (!parsed.key) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `name: "${input.name ?? ""}" is not a model name`
        )
      }
      const clash = await manager.query(
        `SELECT id, name FROM vehicle_model WHERE make_id = $1 AND key = $2`,
        [make.id, parsed.key]
      )
      if (clash.length) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `name: "${name}" is the same model as "${clash[0].name}" (${clash[0].id})`
        )
      }
      const id = generateEntityId(undefined, "vmodel")
      await manager.query(
        `INSERT INTO vehicle_model (id, make_id, name, handle, key, aliases) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          id,
          make.id,
          parsed.model,
          slugify(`${make.name} ${parsed.model}`),
          parsed.key,
          cleanAliases(input.aliases),
        ]
      )
      return await this.withTransaction(manager).retrieveModel(id)
    })
  }

  async updateModel(
    id: string,
    input: { name?: string; aliases?: string[] }
  ): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const current = await self.retrieveModel(id)
      const name =
        input.name !== undefined ? cleanText(String(input.name)) : current.name
      const parsed = parseModel(name)
      if (!parsed.key) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `name: "${name}" is not a model name`
        )
      }
      const clash = await manager.query(
        `SELECT id, name FROM vehicle_model WHERE make_id = $1 AND key = $2 AND id <> $3`,
        [current.make_id, parsed.key, current.id]
      )
      if (clash.length) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `name: "${name}" is the same model as "${clash[0].name}" (${clash[0].id}); merge them instead`
        )
      }
      await manager.query(
        `UPDATE vehicle_model SET name = $2, handle = $3, key = $4, aliases = $5, updated_at = now() WHERE id = $1`,
        [
          current.id,
          parsed.model,
          slugify(`${current.make_name} ${parsed.model}`),
          parsed.key,
          input.aliases !== undefined
            ? cleanAliases(input.aliases)
            : current.aliases,
        ]
      )
      if (parsed.model !== current.name) {
        await self.rekeyVehicles(`v.model_id = $1`, [current.id])
      }
      return await self.retrieveModel(current.id)
    })
  }

  async deleteModel(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const model = await this.withTransaction(manager).retrieveModel(id)
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM vehicle WHERE model_id = $1`,
        [model.id]
      )
      if (count > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Model ${model.name} still has ${count} vehicle(s): delete or merge them first`
        )
      }
      await manager.query(`DELETE FROM vehicle_model WHERE id = $1`, [model.id])
    })
  }

  // ------------------------------------------------------------------ vehicles

  async listVehicles(
    filter: VehicleFilter,
    page: Pagination
  ): Promise<[Row[], number]> {
    const where: string[] = []
    const params: unknown[] = []
    const add = (sql: string, value: unknown) => {
      params.push(value)
      where.push(sql.replace(/\?/g, `$${params.length}`))
    }
    if (filter.make_id) add(`v.make_id = ?`, filter.make_id)
    if (filter.model_id) add(`v.model_id = ?`, filter.model_id)
    if (filter.year !== undefined)
      add(
        `v.year_from <= ? AND (v.year_to IS NULL OR v.year_to >= ?)`,
        filter.year
      )
    if (filter.engine_code)
      add(`upper(v.engine_code) = upper(?)`, filter.engine_code)
    if (filter.ktype !== undefined) add(`v.ktype = ?`, filter.ktype)
    if (filter.fuel) add(`v.fuel = ?`, filter.fuel)
    if (filter.q)
      add(
        `(mk.name || ' ' || md.name || ' ' || coalesce(v.engine, '') || ' ' || coalesce(v.engine_code, '')) ILIKE ?`,
        `%${filter.q}%`
      )
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const rows = await this.activeManager_.query(
      `${VEHICLE_SELECT} ${clause} ORDER BY mk.name, md.name, v.year_from, v.engine NULLS FIRST, v.id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id ${clause}`,
      params
    )
    return [rows.map(shapeVehicle), count]
  }

  /** Years offered for a model (or make): every year covered by one of its vehicles, newest first. */
  async listYears(filter: {
    make_id?: string
    model_id?: string
  }): Promise<number[]> {
    const params: unknown[] = []
    const where: string[] = []
    if (filter.make_id) {
      params.push(filter.make_id)
      where.push(`make_id = $${params.length}`)
    }
    if (filter.model_id) {
      params.push(filter.model_id)
      where.push(`model_id = $${params.length}`)
    }
    const rows = await this.activeManager_.query(
      `SELECT DISTINCT y::int AS year FROM vehicle, generate_series(year_from, coalesce(year_to, extract(year FROM now())::int)) AS y
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY year DESC`,
      params
    )
    return rows.map((r: Row) => r.year)
  }

  async retrieveVehicle(id: string): Promise<Row> {
    const rows = await this.activeManager_.query(
      `${VEHICLE_SELECT} WHERE v.id = $1`,
      [id]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Vehicle with id: ${id} was not found`
      )
    }
    return {
      ...shapeVehicle(rows[0]),
      natural_key: rows[0].natural_key,
      created_at: rows[0].created_at,
      updated_at: rows[0].updated_at,
    }
  }

  /** Validates admin input with the same rules as the CSV import (lib/vehicle-row). */
  private checkVehicle(
    makeName: string,
    modelName: string,
    input: VehicleInput,
    base: Row | null
  ): VehicleRow {
    const record: Record<string, string> = { make: makeName, model: modelName }
    for (const field of VEHICLE_INPUT_FIELDS) {
      const value =
        field in input
          ? (input as Record<string, unknown>)[field]
          : base?.[field]
      record[field] = value === null || value === undefined ? "" : String(value)
    }
    const headers = Object.fromEntries(Object.keys(record).map((k) => [k, k]))
    const result = validateVehicleRow(record, 0, headers, { derivePower: true })
    if (!result.ok) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        result.errors.map((e) => `${e.column}: ${e.reason}`).join("; ")
      )
    }
    return result.vehicle
  }

  async createVehicle(input: VehicleInput): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      if (!input.model_id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "model_id: is required"
        )
      }
      const model = await self.retrieveModel(input.model_id)
      if (input.make_id && input.make_id !== model.make_id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `make_id: model ${model.id} belongs to make ${model.make_id}, not ${input.make_id}`
        )
      }
      const v = self.checkVehicle(model.make_name, model.name, input, null)
      const key = vehicleKey({
        ...v,
        make: model.make_name,
        model: model.name,
        generation: v.generation,
        body: v.body,
      })
      const clash = await manager.query(
        `SELECT id FROM vehicle WHERE natural_key = $1`,
        [key]
      )
      if (clash.length) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `This vehicle already exists: ${clash[0].id}`
        )
      }
      const id = generateEntityId(undefined, "veh")
      await manager.query(
        `INSERT INTO vehicle (id, make_id, model_id, generation, body, year_from, month_from, year_to, month_to, engine, engine_code,
           displacement_cc, power_kw, power_hp, fuel, ktype, natural_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          id,
          model.make_id,
          model.id,
          v.generation,
          v.body,
          v.year_from,
          v.month_from,
          v.year_to,
          v.month_to,
          v.engine,
          v.engine_code,
          v.displacement_cc,
          v.power_kw,
          v.power_hp,
          v.fuel,
          v.ktype,
          key,
        ]
      )
      return await self.retrieveVehicle(id)
    })
  }

  async updateVehicle(id: string, input: VehicleInput): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const current = await self.retrieveVehicle(id)
      const model = await self.retrieveModel(input.model_id ?? current.model.id)
      const base: Row = { ...current, engine_code: current.engine_code }
      // derived power is recomputed from what is given: drop the stored pair when one side changes
      if ("power_hp" in input && !("power_kw" in input)) base.power_kw = null
      if ("power_kw" in input && !("power_hp" in input)) base.power_hp = null
      const v = self.checkVehicle(model.make_name, model.name, input, base)
      const key = vehicleKey({ ...v, make: model.make_name, model: model.name })
      const clash = await manager.query(
        `SELECT id FROM vehicle WHERE natural_key = $1 AND id <> $2`,
        [key, id]
      )
      if (clash.length) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `Another vehicle is identical after this change: ${clash[0].id}; merge them instead`
        )
      }
      await manager.query(
        `UPDATE vehicle SET make_id = $2, model_id = $3, generation = $4, body = $5, year_from = $6, month_from = $7, year_to = $8,
           month_to = $9, engine = $10, engine_code = $11, displacement_cc = $12, power_kw = $13, power_hp = $14, fuel = $15, ktype = $16,
           natural_key = $17, updated_at = now() WHERE id = $1`,
        [
          id,
          model.make_id,
          model.id,
          v.generation,
          v.body,
          v.year_from,
          v.month_from,
          v.year_to,
          v.month_to,
          v.engine,
          v.engine_code,
          v.displacement_cc,
          v.power_kw,
          v.power_hp,
          v.fuel,
          v.ktype,
          key,
        ]
      )
      return await self.retrieveVehicle(id)
    })
  }

  /** Deletes a vehicle without links; a vehicle with links must be merged into another one (links are never dropped). */
  async deleteVehicle(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      await this.withTransaction(manager).retrieveVehicle(id)
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM fitment WHERE vehicle_id = $1`,
        [id]
      )
      if (count > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Vehicle ${id} has ${count} fitment link(s): merge it into another vehicle instead of deleting it`
        )
      }
      const [{ garages }] = await manager.query(
        `SELECT count(*)::int AS garages FROM garage_vehicle WHERE vehicle_id = $1`,
        [id]
      )
      if (garages > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Vehicle ${id} is in ${garages} customer garage(s): merge it into another vehicle instead of deleting it`
        )
      }
      await manager.query(`DELETE FROM vehicle WHERE id = $1`, [id])
    })
  }

  /**
   * Recomputes natural keys after a make/model rename or move. Two vehicles that become identical are merged
   * (the older one survives) so no link is lost.
   */
  async rekeyVehicles(
    where: string,
    params: unknown[],
    actor: string | null = null
  ): Promise<number> {
    const rows = await this.activeManager_.query(
      `SELECT v.id, v.natural_key, mk.name AS make, md.name AS model, v.generation, v.body, v.year_from, v.engine, v.engine_code, v.fuel
       FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id WHERE ${where}`,
      params
    )
    let merged = 0
    for (const r of rows) {
      const key = vehicleKey(r)
      if (key === r.natural_key) {
        continue
      }
      const twin = await this.activeManager_.query(
        `SELECT id FROM vehicle WHERE natural_key = $1 AND id <> $2`,
        [key, r.id]
      )
      if (twin.length) {
        await this.mergeVehicles(twin[0].id, r.id, actor)
        merged++
      } else {
        await this.activeManager_.query(
          `UPDATE vehicle SET natural_key = $2, updated_at = now() WHERE id = $1`,
          [r.id, key]
        )
      }
    }
    return merged
  }

  // ------------------------------------------------------------------ merges

  /**
   * Folds vehicle `mergedId` into `survivorId`: every link moves to the survivor; a link identical to one the
   * survivor already has is folded into it (its notes fill empty notes of the survivor's link, the larger
   * quantity wins) and kept in the audit row. The merged vehicle is then deleted; the merge is recorded.
   */
  async mergeVehicles(
    survivorId: string,
    mergedId: string,
    actor: string | null = null
  ): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      if (survivorId === mergedId) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "merge_id: a vehicle cannot be merged into itself"
        )
      }
      const self = this.withTransaction(manager)
      const survivor = await self.retrieveVehicle(survivorId)
      const merged = await self.retrieveVehicle(mergedId)
      const twins = `m.vehicle_id = $2 AND s.vehicle_id = $1 AND s.product_id = m.product_id
        AND s.variant_id IS NOT DISTINCT FROM m.variant_id AND s.position IS NOT DISTINCT FROM m.position
        AND upper(s.engine_code) IS NOT DISTINCT FROM upper(m.engine_code)
        AND s.from_ym IS NOT DISTINCT FROM m.from_ym AND s.to_ym IS NOT DISTINCT FROM m.to_ym`
      const folded: Row[] = await manager.query(
        `SELECT m.*, s.id AS survivor_link_id FROM fitment m JOIN fitment s ON ${twins}`,
        [survivorId, mergedId]
      )
      await manager.query(
        `UPDATE fitment s SET note_fr = COALESCE(s.note_fr, m.note_fr), note_ar = COALESCE(s.note_ar, m.note_ar),
           quantity = GREATEST(s.quantity, m.quantity), updated_at = now()
         FROM fitment m WHERE ${twins}`,
        [survivorId, mergedId]
      )
      if (folded.length) {
        await manager.query(`DELETE FROM fitment WHERE id = ANY($1)`, [
          folded.map((f) => f.id),
        ])
      }
      // TypeORM answers UPDATE/DELETE … RETURNING with [rows, affected count], not with the rows
      const [moved]: [Row[], number] = await manager.query(
        `UPDATE fitment SET vehicle_id = $1, updated_at = now() WHERE vehicle_id = $2 RETURNING id`,
        [survivorId, mergedId]
      )
      // fill what the survivor does not know yet
      await manager.query(
        `UPDATE vehicle s SET ktype = COALESCE(s.ktype, m.ktype), displacement_cc = COALESCE(s.displacement_cc, m.displacement_cc),
           power_kw = COALESCE(s.power_kw, m.power_kw), power_hp = COALESCE(s.power_hp, m.power_hp), updated_at = now()
         FROM vehicle m WHERE s.id = $1 AND m.id = $2`,
        [survivorId, mergedId]
      )
      // customers' garages follow their vehicle
      await manager.query(
        `UPDATE garage_vehicle SET vehicle_id = $1, updated_at = now() WHERE vehicle_id = $2`,
        [survivorId, mergedId]
      )
      await manager.query(`DELETE FROM vehicle WHERE id = $1`, [mergedId])
      const record = await self.recordMerge(
        "vehicle",
        survivorId,
        mergedId,
        moved.length + folded.length,
        actor,
        {
          merged_vehicle: merged,
          moved_link_ids: moved.map((r: Row) => r.id),
          folded_links: folded,
        }
      )
      return {
        merge: record,
        survivor: await self.retrieveVehicle(survivor.id),
      }
    })
  }

  /** Moves every vehicle of model `mergedId` to `survivorId` (same make or not), then deletes the merged model. */
  async mergeModels(
    survivorId: string,
    mergedId: string,
    actor: string | null = null
  ): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      if (survivorId === mergedId) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "merge_id: a model cannot be merged into itself"
        )
      }
      const self = this.withTransaction(manager)
      const survivor = await self.retrieveModel(survivorId)
      const merged = await self.retrieveModel(mergedId)
      const [{ links }] = await manager.query(
        `SELECT count(*)::int AS links FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id WHERE v.model_id = $1`,
        [mergedId]
      )
      // TypeORM answers UPDATE … RETURNING with [rows, affected count]
      const [vehicles]: [Row[], number] = await manager.query(
        `UPDATE vehicle SET model_id = $1, make_id = $2, updated_at = now() WHERE model_id = $3 RETURNING id`,
        [survivorId, survivor.make_id, mergedId]
      )
      const foldedVehicles = await self.rekeyVehicles(
        `v.id = ANY($1)`,
        [vehicles.map((v: Row) => v.id)],
        actor
      )
      const aliases = Array.from(
        new Set([
          ...(survivor.aliases ?? []),
          merged.name,
          ...(merged.aliases ?? []),
        ])
      ).filter((a) => a !== survivor.name)
      await manager.query(
        `UPDATE vehicle_model SET aliases = $2, updated_at = now() WHERE id = $1`,
        [survivorId, aliases]
      )
      await manager.query(`DELETE FROM vehicle_model WHERE id = $1`, [mergedId])
      const record = await self.recordMerge(
        "model",
        survivorId,
        mergedId,
        links,
        actor,
        {
          merged_model: merged,
          moved_vehicle_ids: vehicles.map((v: Row) => v.id),
          vehicles_folded: foldedVehicles,
        }
      )
      return { merge: record, survivor: await self.retrieveModel(survivorId) }
    })
  }

  /** Moves every model of make `mergedId` to `survivorId`; models with the same key are merged too. */
  async mergeMakes(
    survivorId: string,
    mergedId: string,
    actor: string | null = null
  ): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      if (survivorId === mergedId) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "merge_id: a make cannot be merged into itself"
        )
      }
      const self = this.withTransaction(manager)
      const survivor = await self.retrieveMake(survivorId)
      const merged = await self.retrieveMake(mergedId)
      const [{ links }] = await manager.query(
        `SELECT count(*)::int AS links FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id WHERE v.make_id = $1`,
        [mergedId]
      )
      const models: Row[] = await manager.query(
        `SELECT id, key, name FROM vehicle_model WHERE make_id = $1`,
        [mergedId]
      )
      const modelsMerged: string[] = []
      for (const model of models) {
        const twin = await manager.query(
          `SELECT id FROM vehicle_model WHERE make_id = $1 AND key = $2`,
          [survivorId, model.key]
        )
        if (twin.length) {
          await self.mergeModels(twin[0].id, model.id, actor)
          modelsMerged.push(model.id)
        } else {
          await manager.query(
            `UPDATE vehicle_model SET make_id = $1, handle = $2, updated_at = now() WHERE id = $3`,
            [survivorId, slugify(`${survivor.name} ${model.name}`), model.id]
          )
          await manager.query(
            `UPDATE vehicle SET make_id = $1, updated_at = now() WHERE model_id = $2`,
            [survivorId, model.id]
          )
        }
      }
      const aliases = Array.from(
        new Set([
          ...(survivor.aliases ?? []),
          merged.name,
          ...(merged.aliases ?? []),
        ])
      ).filter((a) => a !== survivor.name)
      await manager.query(
        `UPDATE vehicle_make SET aliases = $2, updated_at = now() WHERE id = $1`,
        [survivorId, aliases]
      )
      await self.rekeyVehicles(`v.make_id = $1`, [survivorId], actor)
      await manager.query(`DELETE FROM vehicle_make WHERE id = $1`, [mergedId])
      const record = await self.recordMerge(
        "make",
        survivorId,
        mergedId,
        links,
        actor,
        { merged_make: merged, models_merged: modelsMerged }
      )
      return { merge: record, survivor: await self.retrieveMake(survivorId) }
    })
  }

  /**
   * What a merge would do, without doing it: the merge runs in a transaction that is rolled back, so the
   * preview is exactly what the real merge writes. `{ dry_run: true, entity, survivor, merged, moves }` where
   * `moves` counts the links moved and folded, the vehicles and models moved or folded, and lists up to 20 of
   * the products whose links move.
   */
  async previewMerge(
    entity: "vehicle" | "model" | "make",
    survivorId: string,
    mergedId: string
  ): Promise<Row> {
    const rollback = new Error("fitment merge preview: rolled back")
    let preview: Row | null = null
    try {
      await this.manager_.transaction(async (manager) => {
        const self = this.withTransaction(manager)
        const column =
          entity === "vehicle"
            ? "f.vehicle_id"
            : entity === "model"
              ? "v.model_id"
              : "v.make_id"
        const survivor =
          entity === "vehicle"
            ? await self.retrieveVehicle(survivorId)
            : entity === "model"
              ? await self.retrieveModel(survivorId)
              : await self.retrieveMake(survivorId)
        const merged =
          entity === "vehicle"
            ? await self.retrieveVehicle(mergedId)
            : entity === "model"
              ? await self.retrieveModel(mergedId)
              : await self.retrieveMake(mergedId)
        const [before] = await manager.query(
          `SELECT count(*)::int AS links, count(DISTINCT f.product_id)::int AS products FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id WHERE ${column} = $1`,
          [mergedId]
        )
        const products = await manager.query(
          `SELECT p.id, p.title, count(*)::int AS links FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id JOIN product p ON p.id = f.product_id
           WHERE ${column} = $1 GROUP BY p.id, p.title ORDER BY p.title, p.id LIMIT 20`,
          [mergedId]
        )
        const [counts] = await manager.query(
          `SELECT (SELECT count(*)::int FROM vehicle WHERE ${entity === "make" ? "make_id" : "model_id"} = $1) AS vehicles,
                  (SELECT count(*)::int FROM vehicle_model WHERE make_id = $1) AS models`,
          [entity === "vehicle" ? (merged.model?.id ?? null) : mergedId]
        )
        const [linksBefore] = await manager.query(
          `SELECT count(*)::int AS n FROM fitment`
        )
        const [vehiclesBefore] = await manager.query(
          `SELECT count(*)::int AS n FROM vehicle`
        )
        const [modelsBefore] = await manager.query(
          `SELECT count(*)::int AS n FROM vehicle_model`
        )
        if (entity === "vehicle") {
          await self.mergeVehicles(survivorId, mergedId)
        } else if (entity === "model") {
          await self.mergeModels(survivorId, mergedId)
        } else {
          await self.mergeMakes(survivorId, mergedId)
        }
        const [linksAfter] = await manager.query(
          `SELECT count(*)::int AS n FROM fitment`
        )
        const [vehiclesAfter] = await manager.query(
          `SELECT count(*)::int AS n FROM vehicle`
        )
        const [modelsAfter] = await manager.query(
          `SELECT count(*)::int AS n FROM vehicle_model`
        )
        const folded = linksBefore.n - linksAfter.n
        preview = {
          dry_run: true,
          entity,
          survivor,
          merged,
          moves: {
            links: before.links,
            links_moved: before.links - folded,
            links_folded: folded,
            products: before.products,
            vehicles: entity === "vehicle" ? 1 : counts.vehicles,
            vehicles_folded:
              entity === "vehicle" ? 1 : vehiclesBefore.n - vehiclesAfter.n,
            models:
              entity === "make" ? counts.models : entity === "model" ? 1 : 0,
            models_folded:
              entity === "vehicle" ? 0 : modelsBefore.n - modelsAfter.n,
          },
          products: products,
        }
        throw rollback
      })
    } catch (e) {
      if (e !== rollback) {
        throw e
      }
    }
    return preview as unknown as Row
  }

  private async recordMerge(
    entity: string,
    survivorId: string,
    mergedId: string,
    moved: number,
    actor: string | null,
    details: Row
  ): Promise<Row> {
    const id = generateEntityId(undefined, "fmerge")
    const [row] = await this.activeManager_.query(
      `INSERT INTO fitment_merge (id, entity, survivor_id, merged_id, moved_links, details, actor) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, entity, survivor_id, merged_id, moved_links, actor, created_at`,
      [id, entity, survivorId, mergedId, moved, JSON.stringify(details), actor]
    )
    return row
  }

  async listMerges(
    filter: { entity?: string; survivor_id?: string },
    page: Pagination
  ): Promise<[Row[], number]> {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.entity) {
      params.push(filter.entity)
      where.push(`entity = $${params.length}`)
    }
    if (filter.survivor_id) {
      params.push(filter.survivor_id)
      where.push(`survivor_id = $${params.length}`)
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const rows = await this.activeManager_.query(
      `SELECT * FROM fitment_merge ${clause} ORDER BY created_at DESC, id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM fitment_merge ${clause}`,
      params
    )
    return [rows, count]
  }

  // ------------------------------------------------------------------ VIN

  /**
   * Offline VIN decode: make and model years, then model, body and engine where the maker's pattern allows it
   * (lib/vin-model.ts, table lib/data/vin-patterns.json), and the vehicles of our base that match: the decoded
   * model(s) when its confidence is "probable", further the decoded engine code when some of them have it;
   * make + model years otherwise. Throws 400 when malformed.
   */
  async decode(vin: string): Promise<Row> {
    const decoded = decodeVin(vin ?? "")
    if (!decoded.valid) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `vin: ${decoded.errors.map((e) => e.reason).join("; ")}`
      )
    }
    const details = decodeVinDetails(decoded)
    let make: Row | null = null
    let vehicles: Row[] = []
    let modelMatched: boolean | null = null
    let engineMatched: boolean | null = null
    if (decoded.make) {
      make = await this.findMake(decoded.make)
      if (make) {
        const years = decoded.model_year_candidates
        const params: unknown[] = [make.id]
        let yearClause = ""
        if (years.length) {
          params.push(years)
          yearClause = `AND EXISTS (SELECT 1 FROM unnest($2::int[]) AS y WHERE v.year_from <= y AND (v.year_to IS NULL OR v.year_to >= y))`
        }
        const select = async (
          extra: string,
          extraParams: unknown[]
        ): Promise<Row[]> =>
          (
            await this.activeManager_.query(
              `${VEHICLE_SELECT} WHERE v.make_id = $1 ${yearClause} ${extra} ORDER BY md.name, v.year_from, v.engine NULLS FIRST, v.id LIMIT 200`,
              [...params, ...extraParams]
            )
          ).map(shapeVehicle)
        if (details.model && details.model.confidence !== "possible") {
          const modelParams: unknown[] = []
          const next = (value: unknown): string => {
            modelParams.push(value)
            return `$${params.length + modelParams.length}`
          }
          const alternatives = details.model.targets.map((t) => {
            if (!t.generation) {
              return `md.key = ${next(normalizeKey(t.model))}`
            }
            // "Golf" + generation "IV", or a model stored with its generation in the name ("Passat B6")
            return `(md.key = ${next(normalizeKey(t.model))} AND upper(v.generation) = ${next(t.generation.toUpperCase())}) OR md.key = ${next(
              normalizeKey(`${t.model} ${t.generation}`)
            )}`
          })
          vehicles = await select(
            `AND (${alternatives.join(" OR ")})`,
            modelParams
          )
          modelMatched = vehicles.length > 0
        }
        if (!vehicles.length) {
          vehicles = await select("", [])
        }
        if (details.engine) {
          const code = normalizeKey(details.engine.code)
          const withEngine = vehicles.filter(
            (v) => engineCodeKey(v.engine_code) === code
          )
          engineMatched = withEngine.length > 0
          if (engineMatched) {
            vehicles = withEngine
          }
        }
      }
    }
    let narrowedBy = "none"
    if (make) {
      const parts = [
        modelMatched ? "model" : null,
        engineMatched ? "engine" : null,
      ].filter(Boolean)
      narrowedBy = parts.length
        ? parts.join("_")
        : decoded.model_year_candidates.length
          ? "make_year"
          : "make"
    }
    return {
      vin: decoded.vin,
      valid: true,
      wmi: decoded.wmi,
      region: decoded.region,
      check_digit: decoded.check_digit,
      make_name: decoded.make,
      make: make ? { id: make.id, name: make.name, handle: make.handle } : null,
      model_years: decoded.model_year_candidates,
      model: details.model
        ? {
            code: details.model.code,
            positions: details.model.positions,
            names: details.model.names,
            body: details.model.body,
            confidence: details.model.confidence,
            source: details.model.source,
            matched: modelMatched,
          }
        : null,
      engine: details.engine
        ? { ...details.engine, matched: engineMatched }
        : null,
      plant: details.plant,
      positions: details.positions,
      narrowed_by: narrowedBy,
      vehicles,
      count: vehicles.length,
    }
  }
}

/** "KFV (TU3JP)" → "kfv": the engine type code a VIN carries is the first word of our engine code. */
function engineCodeKey(engineCode: string | null): string {
  return engineCode ? normalizeKey(engineCode.trim().split(/[\s(]/)[0]) : ""
}

function cleanAliases(aliases: unknown): string[] {
  if (aliases === undefined || aliases === null) {
    return []
  }
  if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== "string")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "aliases: must be a list of strings"
    )
  }
  return Array.from(new Set(aliases.map((a) => cleanText(a)).filter(Boolean)))
}
