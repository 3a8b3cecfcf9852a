/**
 * Parsing a vehicle or fitment CSV into validated rows and row errors. Pure: no database.
 * The plan (create / update / unchanged) against stored records is computed by plan.ts.
 */
import {
  ColumnMap,
  CsvTable,
  Delimiter,
  InvalidRow,
  mapColumns,
  readCsv,
  rowRecord,
  RowError,
} from "./csv-table"
import { FITMENT_COLUMNS, FitmentRow, validateFitmentRow } from "./fitment-row"
import {
  REQUIRED_VEHICLE_COLUMNS,
  VEHICLE_COLUMNS,
  VEHICLE_UPDATABLE_FIELDS,
  VehicleRow,
  validateVehicleRow,
} from "./vehicle-row"

export interface ParsedFile<T> {
  kind: "vehicles" | "fitments"
  delimiter: Delimiter
  bom: boolean
  encoding: CsvTable["encoding"]
  headers: string[]
  /** field → header as written in the file */
  columns: Record<string, string>
  /** Headers that match no known column; they are ignored. */
  ignored_columns: string[]
  /** Data rows read (blank lines excluded). */
  total_rows: number
  rows: T[]
  invalid: InvalidRow[]
  /** Every error: file-level ones (row 1) first, then by row. */
  errors: RowError[]
  /** Rows that repeat an earlier row exactly; they are skipped. */
  duplicates: Array<{ row: number; same_as: number }>
  /** Cells of every data row by line, to write invalid rows back out (invalidRowsToCsv). */
  cells: Map<number, string[]>
}

export interface ParseOptions {
  now?: Date
  /** Vehicles: fill kW from hp and the reverse (default true). */
  derivePower?: boolean
}

function start<T>(
  kind: ParsedFile<T>["kind"],
  table: CsvTable,
  columns: ColumnMap
): ParsedFile<T> {
  return {
    kind,
    delimiter: table.delimiter,
    bom: table.bom,
    encoding: table.encoding,
    headers: table.headers,
    columns: columns.header,
    ignored_columns: columns.ignored,
    total_rows: table.rows.length,
    rows: [],
    invalid: [],
    errors: [...columns.errors],
    duplicates: [],
    cells: new Map(table.rows.map((r) => [r.line, r.cells])),
  }
}

/** Vehicle CSV: make, model, year_from required; see VEHICLE_COLUMNS for every column and alias. */
export function parseVehicleCsv(
  input: Buffer | string,
  options: ParseOptions = {}
): ParsedFile<VehicleRow> {
  const table = readCsv(input)
  const columns = mapColumns(table.headers, VEHICLE_COLUMNS)
  const result = start<VehicleRow>("vehicles", table, columns)
  for (const field of REQUIRED_VEHICLE_COLUMNS) {
    if (!columns.index.has(field)) {
      result.errors.push({
        row: 1,
        column: field,
        value: null,
        reason: `required column "${field}" is missing from the header`,
      })
    }
  }
  if (result.errors.length) {
    return result
  }

  const seen = new Map<string, VehicleRow>()
  for (const row of table.rows) {
    const checked = validateVehicleRow(
      rowRecord(row, columns),
      row.line,
      columns.header,
      options
    )
    if (!checked.ok) {
      reject(result, row.cells, row.line, checked.errors)
      continue
    }
    const vehicle = checked.vehicle
    const earlier = seen.get(vehicle.key)
    if (!earlier) {
      seen.set(vehicle.key, vehicle)
      result.rows.push(vehicle)
      continue
    }
    const differences = VEHICLE_UPDATABLE_FIELDS.filter(
      (f) => vehicle[f] !== earlier[f]
    )
    if (!differences.length) {
      result.duplicates.push({ row: row.line, same_as: earlier.row })
      continue
    }
    reject(
      result,
      row.cells,
      row.line,
      differences.map((f) => ({
        row: row.line,
        column: columns.header[f] ?? f,
        value: String(vehicle[f] ?? ""),
        reason: `same vehicle as row ${earlier.row} but ${f} differs: ${vehicle[f] ?? "empty"} here, ${earlier[f] ?? "empty"} there`,
      }))
    )
  }
  return result
}

/** Fitment CSV: sku or handle (or product_id), then universal or a vehicle (vehicle_id, ktype or make + model…). */
export function parseFitmentCsv(
  input: Buffer | string,
  options: ParseOptions = {}
): ParsedFile<FitmentRow> {
  const table = readCsv(input)
  const columns = mapColumns(table.headers, FITMENT_COLUMNS)
  const result = start<FitmentRow>("fitments", table, columns)
  if (
    !columns.index.has("sku") &&
    !columns.index.has("handle") &&
    !columns.index.has("product_id")
  ) {
    result.errors.push({
      row: 1,
      column: "sku",
      value: null,
      reason: 'the header needs a product column: "sku" or "handle"',
    })
  }
  const names = ["vehicle_id", "ktype", "make", "universal"]
  if (!names.some((f) => columns.index.has(f))) {
    result.errors.push({
      row: 1,
      column: "make",
      value: null,
      reason:
        'the header needs vehicle columns ("make", "model", …), "vehicle_id", "ktype" or "universal"',
    })
  }
  if (result.errors.length) {
    return result
  }
  const seen = new Map<string, number>()
  for (const row of table.rows) {
    const checked = validateFitmentRow(
      rowRecord(row, columns),
      row.line,
      columns.header,
      options
    )
    if (!checked.ok) {
      reject(result, row.cells, row.line, checked.errors)
      continue
    }
    const { row: _line, ...content } = checked.fitment
    const signature = JSON.stringify(content)
    const earlier = seen.get(signature)
    if (earlier !== undefined) {
      result.duplicates.push({ row: row.line, same_as: earlier })
      continue
    }
    seen.set(signature, row.line)
    result.rows.push(checked.fitment)
  }
  return result
}

function reject<T>(
  result: ParsedFile<T>,
  cells: string[],
  line: number,
  errors: RowError[]
): void {
  result.invalid.push({ row: line, cells, errors })
  result.errors.push(...errors)
}
