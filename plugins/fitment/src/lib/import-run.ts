/**
 * The pure parts of a CSV import run: reading the file (a 400 for a file or
 * header the import cannot read), and the lists and summary it answers with.
 */
import { MedusaError } from "@medusajs/utils"
import { ParsedFile, parseFitmentCsv, parseVehicleCsv } from "./csv-import"
import { CsvFormatError, InvalidRow, RowError } from "./csv-table"
import { FitmentRow } from "./fitment-row"
import { FitmentImportPlan, VehicleImportPlan } from "./plan"
import { VehicleRow } from "./vehicle-row"

export type ImportType = "vehicles" | "fitments"

export type ImportPlan = VehicleImportPlan | FitmentImportPlan

export type ImportProgress = (
  stage: string,
  done: number,
  total: number
) => void

export interface ImportOptions {
  dryRun?: boolean
  skipInvalid?: boolean
  fileName?: string | null
  actor?: string | null
  source?: "import" | "staff" | "supplier"
  /** How many created/updated/unchanged entries to list in the result (the summary always counts all). */
  detailsLimit?: number
  onProgress?: ImportProgress
  now?: Date
  /** The id to log the import under (a background import announces it before it runs). */
  id?: string
}

/** One entry of the created / updated / unchanged lists of a result. */
export type ImportEntry = Record<string, unknown> & { row: number }

export type ImportLists = {
  created: ImportEntry[]
  updated: ImportEntry[]
  unchanged: ImportEntry[]
}

export type ImportSummary = Record<string, number>

export interface ImportResult {
  id: string
  type: ImportType
  file_name: string | null
  dry_run: boolean
  skip_invalid: boolean
  /** True when rows were written. */
  applied: boolean
  /** Why nothing was written, when it was not a dry run. */
  stopped_reason: string | null
  summary: ImportSummary
  delimiter: string
  bom: boolean
  encoding: string
  columns: Record<string, string>
  ignored_columns: string[]
  invalid_rows: Array<{
    row: number
    errors: Array<{
      column: string | null
      value: string | null
      reason: string
    }>
  }>
  duplicates: Array<{ row: number; same_as: number }>
  created: ImportEntry[]
  updated: ImportEntry[]
  unchanged: ImportEntry[]
  truncated: boolean
  invalid_rows_csv_url: string | null
  duration_ms: number
}

export type ParsedImport = ParsedFile<VehicleRow> | ParsedFile<FitmentRow>

/** Reads an import file; an unreadable file or a bad header is a 400 naming the line or column. */
export function parseImportFile(
  type: ImportType,
  input: Buffer | string,
  now?: Date
): ParsedImport {
  if (type !== "vehicles" && type !== "fitments") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `type: must be "vehicles" or "fitments", got "${type}"`
    )
  }
  let parsed: ParsedImport
  try {
    parsed =
      type === "vehicles"
        ? parseVehicleCsv(input, { now })
        : parseFitmentCsv(input, { now })
  } catch (e) {
    if (e instanceof CsvFormatError) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `file${e.line ? ` line ${e.line}` : ""}: ${e.message}`
      )
    }
    throw e
  }
  const headerErrors = parsed.errors.filter((e) => e.row === 1)
  if (headerErrors.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      headerErrors
        .map((e) => `header, column ${e.column}: ${e.reason}`)
        .join("; ")
    )
  }
  return parsed
}

/** The plan's counts, with what a vehicles import adds (makes, models) or a fitments import (links, universal). */
export function importSummary(
  type: ImportType,
  plan: ImportPlan
): ImportSummary {
  const summary: ImportSummary = { ...plan.summary }
  if (type === "vehicles") {
    const p = plan as VehicleImportPlan
    summary.makes_created = p.makes_to_create.length
    summary.models_created = p.models_to_create.length
  } else {
    const p = plan as FitmentImportPlan
    summary.links_created = p.create.length
    summary.universal_set = p.universal.set.length
  }
  return summary
}

/** The created / updated / unchanged lists of a plan, each cut to `limit` entries (`truncated` when one was). */
export function importLists(
  type: ImportType,
  plan: ImportPlan,
  limit: number
): ImportLists & { truncated: boolean } {
  const lists =
    type === "vehicles"
      ? vehicleLists(plan as VehicleImportPlan)
      : fitmentLists(plan as FitmentImportPlan)
  return {
    created: lists.created.slice(0, limit),
    updated: lists.updated.slice(0, limit),
    unchanged: lists.unchanged.slice(0, limit),
    truncated:
      lists.created.length > limit ||
      lists.updated.length > limit ||
      lists.unchanged.length > limit,
  }
}

export function shapeInvalid(
  r: InvalidRow
): ImportResult["invalid_rows"][number] {
  return {
    row: r.row,
    errors: r.errors.map((e: RowError) => ({
      column: e.column,
      value: e.value,
      reason: e.reason,
    })),
  }
}

function vehicleLists(plan: VehicleImportPlan): ImportLists {
  return {
    created: plan.create.map((c) => ({
      row: c.row,
      make: c.vehicle.make,
      model: c.vehicle.model,
      year_from: c.vehicle.year_from,
      year_to: c.vehicle.year_to,
      engine: c.vehicle.engine,
      engine_code: c.vehicle.engine_code,
    })),
    updated: plan.update.map((u) => ({
      row: u.row,
      id: u.id,
      changes: u.changes,
    })),
    unchanged: plan.unchanged.map((u) => ({ row: u.row, id: u.id })),
  }
}

function fitmentLists(plan: FitmentImportPlan): ImportLists {
  return {
    created: [
      ...plan.create.map((l) => ({
        row: l.row,
        product_id: l.product_id,
        vehicle_id: l.vehicle_id,
        position: l.position,
        engine_code: l.engine_code,
      })),
      ...plan.universal.set.map((u) => ({
        row: u.row,
        product_id: u.product_id,
        universal: true,
      })),
    ],
    updated: plan.update.map((u) => ({
      row: u.link.row,
      id: u.id,
      changes: u.changes,
    })),
    unchanged: [
      ...plan.unchanged.map((u) => ({ row: u.row, id: u.id })),
      ...plan.universal.unchanged.map((u) => ({
        row: u.row,
        product_id: u.product_id,
        universal: true,
      })),
    ],
  }
}
