/**
 * Parsing a vehicle or fitment CSV into validated rows and row errors. Pure: no database.
 * The plan (create / update / unchanged) against stored records is computed by plan.ts.
 */
import {
  ColumnMap,
  ColumnSpec,
  CsvRow,
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

/** What becomes of a valid row: kept, skipped as a repeat of an earlier row, or refused. */
type Verdict = "keep" | { same_as: number } | { errors: RowError[] }

/**
 * Reads a file of one kind of row: the header checked (`headerErrors` names what it lacks, and stops the
 * reading), then each row validated (`validate` gives the row or its errors) and, when valid, judged against
 * the rows before it (`judge`).
 */
function parseRows<T>(
  kind: ParsedFile<T>["kind"],
  input: Buffer | string,
  specs: ColumnSpec[],
  steps: {
    headerErrors: (columns: ColumnMap) => RowError[]
    validate: (
      record: Record<string, string>,
      line: number,
      headers: Record<string, string>
    ) => T | RowError[]
    judge: (row: T, line: number, headers: Record<string, string>) => Verdict
  }
): ParsedFile<T> {
  const table = readCsv(input)
  const columns = mapColumns(table.headers, specs)
  const result: ParsedFile<T> = {
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
    errors: [...columns.errors, ...steps.headerErrors(columns)],
    duplicates: [],
    cells: new Map(table.rows.map((r) => [r.line, r.cells])),
  }
  if (result.errors.length) {
    return result
  }
  const refuse = (row: CsvRow, errors: RowError[]) => {
    result.invalid.push({ row: row.line, cells: row.cells, errors })
    result.errors.push(...errors)
  }
  for (const row of table.rows) {
    const checked = steps.validate(
      rowRecord(row, columns),
      row.line,
      columns.header
    )
    if (Array.isArray(checked)) {
      refuse(row, checked)
      continue
    }
    const verdict = steps.judge(checked, row.line, columns.header)
    if (verdict === "keep") {
      result.rows.push(checked)
    } else if ("same_as" in verdict) {
      result.duplicates.push({ row: row.line, same_as: verdict.same_as })
    } else {
      refuse(row, verdict.errors)
    }
  }
  return result
}

/** An error of the header (row 1). */
function headerError(column: string, reason: string): RowError {
  return { row: 1, column, value: null, reason }
}

/** Vehicle CSV: make, model, year_from required; see VEHICLE_COLUMNS for every column and alias. */
export function parseVehicleCsv(
  input: Buffer | string,
  options: ParseOptions = {}
): ParsedFile<VehicleRow> {
  const seen = new Map<string, VehicleRow>()
  return parseRows<VehicleRow>("vehicles", input, VEHICLE_COLUMNS, {
    headerErrors: (columns) =>
      REQUIRED_VEHICLE_COLUMNS.filter((f) => !columns.index.has(f)).map(
        (field) =>
          headerError(
            field,
            `required column "${field}" is missing from the header`
          )
      ),
    validate: (record, line, headers) => {
      const checked = validateVehicleRow(record, line, headers, options)
      return checked.ok ? checked.vehicle : checked.errors
    },
    judge: (vehicle, line, headers) => {
      const earlier = seen.get(vehicle.key)
      if (!earlier) {
        seen.set(vehicle.key, vehicle)
        return "keep"
      }
      const differences = VEHICLE_UPDATABLE_FIELDS.filter(
        (f) => vehicle[f] !== earlier[f]
      )
      if (!differences.length) {
        return { same_as: earlier.row }
      }
      return {
        errors: differences.map((f) => ({
          row: line,
          column: headers[f] ?? f,
          value: String(vehicle[f] ?? ""),
          reason: `same vehicle as row ${earlier.row} but ${f} differs: ${vehicle[f] ?? "empty"} here, ${earlier[f] ?? "empty"} there`,
        })),
      }
    },
  })
}

/** Fitment CSV: sku or handle (or product_id), then universal or a vehicle (vehicle_id, ktype or make + model…). */
export function parseFitmentCsv(
  input: Buffer | string,
  options: ParseOptions = {}
): ParsedFile<FitmentRow> {
  const seen = new Map<string, number>()
  return parseRows<FitmentRow>("fitments", input, FITMENT_COLUMNS, {
    headerErrors: (columns) => {
      const has = (field: string) => columns.index.has(field)
      const errors: RowError[] = []
      if (!["sku", "handle", "product_id"].some(has)) {
        errors.push(
          headerError(
            "sku",
            'the header needs a product column: "sku" or "handle"'
          )
        )
      }
      if (!["vehicle_id", "ktype", "make", "universal"].some(has)) {
        errors.push(
          headerError(
            "make",
            'the header needs vehicle columns ("make", "model", …), "vehicle_id", "ktype" or "universal"'
          )
        )
      }
      return errors
    },
    validate: (record, line, headers) => {
      const checked = validateFitmentRow(record, line, headers, options)
      return checked.ok ? checked.fitment : checked.errors
    },
    judge: (fitment, line) => {
      const { row: _line, ...content } = fitment
      const signature = JSON.stringify(content)
      const earlier = seen.get(signature)
      if (earlier !== undefined) {
        return { same_as: earlier }
      }
      seen.set(signature, line)
      return "keep"
    },
  })
}
