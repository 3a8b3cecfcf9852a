/**
 * Import plans: what an import would create, update or leave unchanged, given the parsed file and a snapshot
 * of stored records (plain objects). A dry run returns the plan; a real run applies the same plan, so both
 * share one code path. Re-importing a file that was applied gives only "unchanged".
 *
 * Empty cells never erase stored values: an import adds and corrects, it does not delete.
 */
import { compactReference } from "@shabou/text"
import { ParsedFile } from "./csv-import"
import { InvalidRow, RowError } from "./csv-table"
import { fitmentLinkKey, FitmentRow } from "./fitment-row"
import { canonicalMake, parseModel, slugify } from "./normalize"
import {
  buildVehicleIndex,
  matchVehicles,
  VehicleRecord,
} from "./vehicle-match"
import { VEHICLE_UPDATABLE_FIELDS, vehicleKey, VehicleRow } from "./vehicle-row"

export type Changes = Record<string, { from: unknown; to: unknown }>

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

export interface PlanSummary {
  created: number
  updated: number
  unchanged: number
  invalid: number
  duplicates: number
  /** Rows read (blank lines excluded). */
  total_rows: number
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

// ---------------------------------------------------------------------------
// Fitments
// ---------------------------------------------------------------------------

export interface ProductRecord {
  id: string
  handle: string | null
  /** SKUs of the product's variants. */
  skus?: string[] | null
  universal?: boolean | null
}

export interface LinkRecord {
  id: string
  product_id: string
  vehicle_id: string
  position?: string | null
  engine_code?: string | null
  month_from?: number | null
  month_to?: number | null
  quantity?: number | null
  note_fr?: string | null
  note_ar?: string | null
}

export interface FitmentSnapshot {
  products: ProductRecord[]
  vehicles: VehicleRecord[]
  links: LinkRecord[]
}

export interface PlannedLink {
  key: string
  product_id: string
  vehicle_id: string
  position: string | null
  engine_code: string | null
  month_from: number | null
  month_to: number | null
  quantity: number | null
  note_fr: string | null
  note_ar: string | null
  /** Row that asked for the link. */
  row: number
}

export const LINK_UPDATABLE_FIELDS = ["quantity", "note_fr", "note_ar"] as const

export interface FitmentImportPlan {
  create: PlannedLink[]
  update: Array<{ id: string; link: PlannedLink; changes: Changes }>
  unchanged: Array<{ id: string; row: number }>
  /** Products to mark universal, and those already universal. */
  universal: {
    set: Array<{ product_id: string; row: number }>
    unchanged: Array<{ product_id: string; row: number }>
  }
  invalid: InvalidRow[]
  errors: RowError[]
  duplicates: Array<{ row: number; same_as: number }>
  summary: PlanSummary & { rows_valid: number }
}

export interface FitmentPlanOptions {
  now?: Date
}

/**
 * Resolves products (sku, then handle, then id) and vehicles (see matchVehicles), expands each row into links
 * and compares them with the stored links by fitmentLinkKey. Rows whose product or vehicle cannot be found
 * become invalid rows with the reason; a row that gives an existing link different notes or quantity than an
 * earlier row of the same file is invalid too (the file contradicts itself).
 */
export function planFitmentImport(
  parsed: ParsedFile<FitmentRow>,
  snapshot: FitmentSnapshot,
  options: FitmentPlanOptions = {}
): FitmentImportPlan {
  const bySku = new Map<string, ProductRecord>()
  const byHandle = new Map<string, ProductRecord>()
  const byId = new Map<string, ProductRecord>()
  for (const p of snapshot.products) {
    byId.set(p.id, p)
    if (p.handle) byHandle.set(p.handle.toLowerCase(), p)
    for (const sku of p.skus ?? []) bySku.set(compactReference(sku), p)
  }
  const vehicles = buildVehicleIndex(snapshot.vehicles)
  const stored = new Map<string, LinkRecord>()
  for (const l of snapshot.links) stored.set(fitmentLinkKey(l), l)

  const plan: FitmentImportPlan = {
    create: [],
    update: [],
    unchanged: [],
    universal: { set: [], unchanged: [] },
    invalid: [...parsed.invalid],
    errors: [...parsed.errors],
    duplicates: parsed.duplicates,
    summary: {
      created: 0,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      duplicates: parsed.duplicates.length,
      total_rows: parsed.total_rows,
      rows_valid: 0,
    },
  }
  const planned = new Map<string, PlannedLink>()
  const universalSeen = new Set<string>()
  const header = (field: string) => parsed.columns[field] ?? field

  for (const row of parsed.rows) {
    const errors: RowError[] = []
    const product = findProduct(row)
    if (!product) {
      const field = row.product.sku
        ? "sku"
        : row.product.handle
          ? "handle"
          : "product_id"
      const value =
        row.product.sku ?? row.product.handle ?? row.product.product_id
      errors.push({
        row: row.row,
        column: header(field),
        value,
        reason: `no product with ${field} "${value}"`,
      })
    }
    if (product && row.universal) {
      if (!universalSeen.has(product.id)) {
        universalSeen.add(product.id)
        ;(product.universal
          ? plan.universal.unchanged
          : plan.universal.set
        ).push({ product_id: product.id, row: row.row })
      }
      plan.summary.rows_valid++
      continue
    }
    const matches = row.vehicle
      ? matchVehicles(row.vehicle, vehicles, options.now)
      : []
    if (row.vehicle && !matches.length) {
      errors.push({
        row: row.row,
        column: vehicleColumn(row),
        value: describe(row),
        reason: `no vehicle matches ${describe(row)}`,
      })
    }
    if (errors.length || !product) {
      reportInvalid(row.row, errors)
      continue
    }
    const rowLinks: PlannedLink[] = []
    for (const vehicle of matches) {
      const link: PlannedLink = {
        key: "",
        product_id: product.id,
        vehicle_id: vehicle.id,
        position: row.position,
        engine_code: row.engine_code,
        month_from: row.month_from,
        month_to: row.month_to,
        quantity: row.quantity,
        note_fr: row.note_fr,
        note_ar: row.note_ar,
        row: row.row,
      }
      link.key = fitmentLinkKey(link)
      const earlier = planned.get(link.key)
      if (earlier) {
        const conflict = LINK_UPDATABLE_FIELDS.find(
          (f) => earlier[f] !== link[f]
        )
        if (conflict) {
          errors.push({
            row: row.row,
            column: header(conflict),
            value: String(link[conflict] ?? ""),
            reason: `row ${earlier.row} gives the same link (vehicle ${vehicle.id}) with ${conflict} ${earlier[conflict] ?? "empty"}`,
          })
          break
        }
        continue
      }
      rowLinks.push(link)
    }
    if (errors.length) {
      reportInvalid(row.row, errors)
      continue
    }
    plan.summary.rows_valid++
    for (const link of rowLinks) {
      planned.set(link.key, link)
      const existing = stored.get(link.key)
      if (!existing) {
        plan.create.push(link)
        continue
      }
      const changes: Changes = {}
      for (const field of LINK_UPDATABLE_FIELDS) {
        const from = existing[field] ?? null
        if (link[field] !== null && link[field] !== from) {
          changes[field] = { from, to: link[field] }
        }
      }
      if (Object.keys(changes).length) {
        plan.update.push({ id: existing.id, link, changes })
      } else {
        plan.unchanged.push({ id: existing.id, row: row.row })
      }
    }
  }
  plan.invalid.sort((a, b) => a.row - b.row)
  plan.summary.created = plan.create.length + plan.universal.set.length
  plan.summary.updated = plan.update.length
  plan.summary.unchanged =
    plan.unchanged.length + plan.universal.unchanged.length
  plan.summary.invalid = plan.invalid.length
  return plan

  function findProduct(row: FitmentRow): ProductRecord | undefined {
    if (row.product.sku) return bySku.get(compactReference(row.product.sku))
    if (row.product.handle)
      return byHandle.get(row.product.handle.toLowerCase())
    return row.product.product_id ? byId.get(row.product.product_id) : undefined
  }

  function reportInvalid(line: number, errors: RowError[]) {
    plan.invalid.push({
      row: line,
      cells: parsed.cells.get(line) ?? [],
      errors,
    })
    plan.errors.push(...errors)
  }

  function vehicleColumn(row: FitmentRow): string {
    if (row.vehicle?.vehicle_id) return header("vehicle_id")
    if (
      row.vehicle?.ktype !== null &&
      row.vehicle?.ktype !== undefined &&
      !row.vehicle.make
    )
      return header("ktype")
    return header("model")
  }
}

function describe(row: FitmentRow): string {
  const v = row.vehicle
  if (!v) return "no vehicle"
  if (v.vehicle_id) return `vehicle_id ${v.vehicle_id}`
  const parts = [
    v.ktype !== null ? `ktype ${v.ktype}` : null,
    v.make,
    v.model,
    v.generation,
    v.body,
    v.year_from !== null || v.year_to !== null
      ? `${v.year_from ?? "…"}-${v.year_to ?? "…"}`
      : null,
    v.engine,
    v.engine_code,
    v.fuel,
  ].filter(Boolean)
  return parts.join(" ")
}
