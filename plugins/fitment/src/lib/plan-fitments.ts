/** The plan of a fitments import (see plan.ts). */
import { compactReference } from "@shabou/text"
import { ParsedFile } from "./csv-import"
import { InvalidRow, RowError } from "./csv-table"
import { fitmentLinkKey, FitmentLinkKeyInput, FitmentRow } from "./fitment-row"
import type { Changes, PlanSummary } from "./plan"
import {
  buildVehicleIndex,
  matchVehicles,
  VehicleRecord,
} from "./vehicle-match"

export interface ProductRecord {
  id: string
  handle: string | null
  /** SKUs of the product's variants. */
  skus?: string[] | null
  universal?: boolean | null
}

/** A stored link: what makes it the link it is (fitmentLinkKey), and what an import may update. */
export type LinkRecord = FitmentLinkKeyInput & {
  id: string
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
