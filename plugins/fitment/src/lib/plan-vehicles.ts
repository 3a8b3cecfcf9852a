/** The plan of a vehicles import (see plan.ts). */
import { ParsedFile } from "./csv-import"
import { InvalidRow, RowError } from "./csv-table"
import { canonicalMake, parseModel, slugify } from "./normalize"
import type { Changes, PlanSummary } from "./plan"
import { VehicleRecord } from "./vehicle-match"
import { VEHICLE_UPDATABLE_FIELDS, vehicleKey, VehicleRow } from "./vehicle-row"

export interface MakeRecord {
  id: string
  name: string
  /** Extra spellings stored in the database (added by staff), on top of the built-in table. */
  aliases?: string[] | null
}

export interface ModelRecord {
  id: string
  make_id: string
  name: string
  aliases?: string[] | null
}

export interface VehicleSnapshot {
  makes: MakeRecord[]
  models: ModelRecord[]
  /** Stored vehicles with their make and model names. */
  vehicles: VehicleRecord[]
}

export interface VehicleImportPlan {
  makes_to_create: Array<{
    key: string
    name: string
    handle: string
    row: number
  }>
  models_to_create: Array<{
    make_key: string
    key: string
    name: string
    handle: string
    row: number
  }>
  /** Rows to create; make_id / model_id are set when the make / model already exists. */
  create: Array<{
    row: number
    vehicle: VehicleRow
    make_id: string | null
    model_id: string | null
  }>
  update: Array<{
    row: number
    id: string
    vehicle: VehicleRow
    changes: Changes
  }>
  unchanged: Array<{ row: number; id: string }>
  invalid: InvalidRow[]
  errors: RowError[]
  duplicates: Array<{ row: number; same_as: number }>
  summary: PlanSummary
}

export function planVehicleImport(
  parsed: ParsedFile<VehicleRow>,
  snapshot: VehicleSnapshot
): VehicleImportPlan {
  // make key (any spelling known to the DB or the built-in table) → stored make
  const makeByKey = new Map<string, MakeRecord>()
  for (const make of snapshot.makes) {
    for (const spelling of [make.name, ...(make.aliases ?? [])]) {
      makeByKey.set(canonicalMake(spelling).key, make)
    }
  }
  const modelByKey = new Map<string, ModelRecord>()
  for (const model of snapshot.models) {
    for (const spelling of [model.name, ...(model.aliases ?? [])]) {
      modelByKey.set(`${model.make_id}|${parseModel(spelling).key}`, model)
    }
  }
  const stored = new Map<string, VehicleRecord>()
  for (const v of snapshot.vehicles) {
    stored.set(resolvedKey(v, makeByKey), v)
  }

  const plan: VehicleImportPlan = {
    makes_to_create: [],
    models_to_create: [],
    create: [],
    update: [],
    unchanged: [],
    invalid: parsed.invalid,
    errors: parsed.errors,
    duplicates: parsed.duplicates,
    summary: {
      created: 0,
      updated: 0,
      unchanged: 0,
      invalid: parsed.invalid.length,
      duplicates: parsed.duplicates.length,
      total_rows: parsed.total_rows,
    },
  }
  const newMakes = new Set<string>()
  const newModels = new Set<string>()
  for (const row of parsed.rows) {
    const make = makeByKey.get(row.make_key)
    // a stored alias wins over the built-in name: the row joins the stored make
    const vehicle: VehicleRow = make
      ? { ...row, make: make.name, make_key: canonicalMake(make.name).key }
      : row
    if (make) {
      vehicle.key = vehicleKey(vehicle)
    }
    const model = make
      ? modelByKey.get(`${make.id}|${vehicle.model_key}`)
      : undefined
    if (model && model.name !== vehicle.model) {
      vehicle.model = parseModel(model.name).model
      vehicle.model_key = parseModel(model.name).key
      vehicle.key = vehicleKey(vehicle)
    }
    const existing = stored.get(vehicle.key)
    if (!existing) {
      if (!make && !newMakes.has(vehicle.make_key)) {
        newMakes.add(vehicle.make_key)
        plan.makes_to_create.push({
          key: vehicle.make_key,
          name: vehicle.make,
          handle: slugify(vehicle.make),
          row: row.row,
        })
      }
      const modelKey = `${vehicle.make_key}|${vehicle.model_key}`
      if (!model && !newModels.has(modelKey)) {
        newModels.add(modelKey)
        plan.models_to_create.push({
          make_key: vehicle.make_key,
          key: vehicle.model_key,
          name: vehicle.model,
          handle: slugify(`${vehicle.make} ${vehicle.model}`),
          row: row.row,
        })
      }
      plan.create.push({
        row: row.row,
        vehicle,
        make_id: make?.id ?? null,
        model_id: model?.id ?? null,
      })
      continue
    }
    const changes: Changes = {}
    for (const field of VEHICLE_UPDATABLE_FIELDS) {
      const to = vehicle[field]
      const from = existing[field] ?? null
      if (to !== null && to !== from) {
        changes[field] = { from, to }
      }
    }
    if (Object.keys(changes).length) {
      plan.update.push({ row: row.row, id: existing.id, vehicle, changes })
    } else {
      plan.unchanged.push({ row: row.row, id: existing.id })
    }
  }
  plan.summary.created = plan.create.length
  plan.summary.updated = plan.update.length
  plan.summary.unchanged = plan.unchanged.length
  return plan
}

function resolvedKey(
  v: VehicleRecord,
  makeByKey: Map<string, MakeRecord>
): string {
  const make = makeByKey.get(canonicalMake(v.make).key)
  return vehicleKey({ ...v, make: make ? make.name : v.make })
}
