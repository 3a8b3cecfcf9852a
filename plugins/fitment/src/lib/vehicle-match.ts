/**
 * Which stored vehicles a fitment row's vehicle selector names.
 */
import {
  canonicalMake,
  normalizeBody,
  normalizeKey,
  parseModel,
} from "./normalize"
import { VehicleSelector } from "./fitment-row"
import { vehicleKey } from "./vehicle-row"

/** A vehicle as stored (plain object from the database). */
export interface VehicleRecord {
  id: string
  make: string
  model: string
  generation?: string | null
  body?: string | null
  year_from: number
  year_to?: number | null
  month_from?: number | null
  month_to?: number | null
  engine?: string | null
  engine_code?: string | null
  displacement_cc?: number | null
  power_hp?: number | null
  power_kw?: number | null
  fuel?: string | null
  ktype?: number | null
}

interface IndexedVehicle {
  record: VehicleRecord
  make_key: string
  model_key: string
  generation_key: string
  body: string
  engine_key: string
  engine_code_key: string
}

export interface VehicleIndex {
  byId: Map<string, VehicleRecord>
  byKey: Map<string, VehicleRecord>
  byKtype: Map<number, VehicleRecord[]>
  byMakeModel: Map<string, IndexedVehicle[]>
}

export function buildVehicleIndex(vehicles: VehicleRecord[]): VehicleIndex {
  const index: VehicleIndex = {
    byId: new Map(),
    byKey: new Map(),
    byKtype: new Map(),
    byMakeModel: new Map(),
  }
  for (const v of vehicles) {
    const model = parseModel(v.model)
    const entry: IndexedVehicle = {
      record: v,
      make_key: canonicalMake(v.make).key,
      model_key: model.key,
      generation_key: normalizeKey(v.generation ?? model.generation ?? ""),
      body: v.body
        ? (normalizeBody(v.body) ?? normalizeKey(v.body))
        : (model.body ?? ""),
      engine_key: normalizeKey(v.engine ?? ""),
      engine_code_key: normalizeKey(v.engine_code ?? ""),
    }
    index.byId.set(v.id, v)
    index.byKey.set(vehicleKey(v), v)
    if (v.ktype) {
      const list = index.byKtype.get(v.ktype) ?? []
      list.push(v)
      index.byKtype.set(v.ktype, list)
    }
    const mm = `${entry.make_key}|${entry.model_key}`
    const list = index.byMakeModel.get(mm) ?? []
    list.push(entry)
    index.byMakeModel.set(mm, list)
  }
  return index
}

/**
 * Vehicles named by a selector:
 * - `vehicle_id`: that vehicle; `ktype`: the vehicles with that KType;
 * - otherwise make + model, narrowed by generation, body, fuel and engine label when given; years keep the
 *   vehicles whose production overlaps [year_from, year_to]; an engine code keeps vehicles with that code or
 *   with no code recorded (the link then carries the code as a qualifier).
 * Other columns narrow further when given together with vehicle_id or ktype, so a wrong id is not silently accepted.
 */
export function matchVehicles(
  selector: VehicleSelector,
  index: VehicleIndex,
  now: Date = new Date()
): VehicleRecord[] {
  let candidates: IndexedVehicle[]
  if (selector.vehicle_id) {
    const v = index.byId.get(selector.vehicle_id)
    candidates = v ? [indexed(v, index)] : []
  } else if (selector.ktype !== null) {
    candidates = (index.byKtype.get(selector.ktype) ?? []).map((v) =>
      indexed(v, index)
    )
  } else if (selector.make_key && selector.model_key) {
    candidates =
      index.byMakeModel.get(`${selector.make_key}|${selector.model_key}`) ?? []
  } else {
    return []
  }
  const currentYear = now.getFullYear()
  const generation = selector.generation
    ? normalizeKey(selector.generation)
    : null
  const engine = selector.engine ? normalizeKey(selector.engine) : null
  const code = selector.engine_code ? normalizeKey(selector.engine_code) : null
  return candidates
    .filter((v) => {
      if (selector.make_key && v.make_key !== selector.make_key) return false
      if (selector.model_key && v.model_key !== selector.model_key) return false
      if (generation && v.generation_key !== generation) return false
      if (selector.body && v.body !== selector.body) return false
      if (selector.fuel && v.record.fuel !== selector.fuel) return false
      if (engine && v.engine_key !== engine) return false
      // with vehicle_id the vehicle is named exactly: the engine code is then only the link's qualifier (a staff
      // link may hold for another engine code than the vehicle's, and the export writes it back that way)
      if (
        code &&
        !selector.vehicle_id &&
        v.engine_code_key &&
        v.engine_code_key !== code
      )
        return false
      const vFrom = v.record.year_from
      const vTo = v.record.year_to ?? currentYear + 1
      if (selector.year_from !== null && vTo < selector.year_from) return false
      if (selector.year_to !== null && vFrom > selector.year_to) return false
      return true
    })
    .map((v) => v.record)
}

function indexed(v: VehicleRecord, index: VehicleIndex): IndexedVehicle {
  const model = parseModel(v.model)
  const list =
    index.byMakeModel.get(`${canonicalMake(v.make).key}|${model.key}`) ?? []
  return list.find((e) => e.record === v) as IndexedVehicle
}
