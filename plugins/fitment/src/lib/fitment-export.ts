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

export const VEHICLE_EXPORT_HEADERS = [
  "make",
  "model",
  "generation",
  "body",
  "year_from",
  "month_from",
  "year_to",
  "month_to",
  "engine",
  "engine_code",
  "displacement_cc",
  "power_hp",
  "power_kw",
  "fuel",
  "ktype",
] as const

export const FITMENT_EXPORT_HEADERS = [
  "sku",
  "handle",
  "universal",
  "vehicle_id",
  "vehicle",
  "position",
  "quantity",
  "engine_code",
  "month_from",
  "month_to",
  "note_fr",
  "note_ar",
] as const

export interface ExportVehicle {
  make: string
  model: string
  generation: string | null
  body: string | null
  year_from: number
  month_from: number | null
  year_to: number | null
  month_to: number | null
  engine: string | null
  engine_code: string | null
  displacement_cc: number | null
  power_hp: number | string | null
  power_kw: number | string | null
  fuel: string | null
  ktype: number | null
}

export interface ExportLink {
  sku: string | null
  handle: string
  vehicle_id: string
  vehicle_label: string
  position: string | null
  quantity: number
  engine_code: string | null
  from_ym: number | null
  to_ym: number | null
  note_fr: string | null
  note_ar: string | null
}

/** 66.20 (numeric from PostgreSQL as "66.20") → "66.2"; null → "". */
function num(v: number | string | null): string {
  if (v === null || v === undefined || v === "") return ""
  return String(Number(v))
}

const text = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? "" : String(v)

export function vehicleCells(v: ExportVehicle): string[] {
  return [
    v.make,
    v.model,
    text(v.generation),
    text(v.body),
    String(v.year_from),
    text(v.month_from),
    text(v.year_to),
    text(v.month_to),
    text(v.engine),
    text(v.engine_code),
    text(v.displacement_cc),
    num(v.power_hp),
    num(v.power_kw),
    text(v.fuel),
    text(v.ktype),
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
