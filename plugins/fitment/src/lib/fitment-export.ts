/**
 * Export of the vehicle base and the part ↔ vehicle links as CSV, in the columns the importer reads
 * (lib/vehicle-row VEHICLE_COLUMNS, lib/fitment-row FITMENT_COLUMNS), so that export → edit in a spreadsheet →
 * import changes nothing that was not edited.
 *
 * - Semicolon separated, UTF-8 with BOM, CRLF: French Excel opens it as is.
 * - Months are written YYYYMM (201403), a number Excel keeps, never a date it would rewrite.
 * - Cells starting with =, +, -, @, tab or CR get a leading ' (formula injection); the importer removes it.
 * - Links name their vehicle by `vehicle_id` (exact, whatever the vehicle's engine code), with a readable
 *   `vehicle` column the importer ignores; products by `sku` (their first SKU) or, without SKU, `handle`.
 */
import { stringify } from "csv-stringify/sync"
import { LINK_QUALIFIER_COLUMNS } from "./fitment-row"
import type { LinkFields, VehicleFields } from "./fitment-shape"
import { VEHICLE_FIELDS } from "./vehicle-row"

export const VEHICLE_EXPORT_HEADERS = [
  "make",
  "model",
  ...VEHICLE_FIELDS,
] as const

export const FITMENT_EXPORT_HEADERS = [
  "sku",
  "handle",
  "universal",
  "vehicle_id",
  "vehicle",
  ...LINK_QUALIFIER_COLUMNS,
] as const

/** A vehicle of the export: its make and model by name; powers as numbers or as PostgreSQL's numeric text. */
export type ExportVehicle = VehicleFields<number | string> & {
  make: string
  model: string
}

export type ExportLink = LinkFields & {
  sku: string | null
  handle: string
  vehicle_id: string
  vehicle_label: string
}

/** 66.20 (numeric from PostgreSQL as "66.20") → "66.2"; null → "". */
function num(v: number | string | null): string {
  if (v === null || v === undefined || v === "") return ""
  return String(Number(v))
}

const text = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? "" : String(v)

/** The cells of VEHICLE_EXPORT_HEADERS. */
export function vehicleCells(v: ExportVehicle): string[] {
  return [
    v.make,
    v.model,
    ...VEHICLE_FIELDS.map((field) =>
      field === "power_hp" || field === "power_kw"
        ? num(v[field])
        : text(v[field])
    ),
  ]
}

export function linkCells(l: ExportLink): string[] {
  return [
    text(l.sku),
    l.sku ? "" : l.handle,
    "",
    l.vehicle_id,
    l.vehicle_label,
    text(l.position),
    String(l.quantity),
    text(l.engine_code),
    text(l.from_ym),
    text(l.to_ym),
    text(l.note_fr),
    text(l.note_ar),
  ]
}

/** A universal product: one row, no vehicle. */
export function universalCells(p: {
  sku: string | null
  handle: string
}): string[] {
  return [
    text(p.sku),
    p.sku ? "" : p.handle,
    "oui",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
  ]
}

/** CSV text of some records (no header unless `header` is given), as the export writes it. */
export function csvLines(
  records: string[][],
  header?: readonly string[]
): string {
  return stringify(header ? [[...header], ...records] : records, {
    delimiter: ";",
    record_delimiter: "windows",
    escape_formulas: true,
  })
}

/** The BOM that opens every export (spreadsheets then read UTF-8). */
export const CSV_BOM = "\ufeff"
