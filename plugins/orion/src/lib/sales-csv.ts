/**
 * Parses an uploaded `sku,date,qty` file completely and reports every bad row
 * (row = line number in the file, header is row 1), so an import is either
 * entirely valid or rejected with the full list of what to fix.
 */
import { parse } from "csv-parse/sync"
import { parseSalesRecord, SalesInputError, SalesRow } from "./sales-history"

export type RowError = { row: number; column: string | null; reason: string }

export type ParsedSales = {
  rows: (SalesRow & { row: number })[]
  errors: RowError[]
}

export const REQUIRED_COLUMNS = ["sku", "date", "qty"] as const

export type CsvRecord = {
  record: Record<string, string>
  info: { lines: number }
}

/**
 * The records of a CSV file whose header names at least `required` (lower-cased, trimmed), each with
 * its line number; or the one error that makes the whole file unreadable (not CSV, a missing column,
 * no rows).
 */
export function readCsvRecords(
  text: string,
  required: readonly string[]
): { records: CsvRecord[] } | { error: RowError } {
  let records: CsvRecord[]
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      info: true,
      relax_column_count: false,
    }) as CsvRecord[]
  } catch (e) {
    const err = e as Error & { lines?: number }
    return {
      error: {
        row: err.lines ?? 0,
        column: null,
        reason: `not a valid CSV file: ${err.message}`,
      },
    }
  }
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? ""
  const columns = header.split(",").map((h) => h.trim().toLowerCase())
  const missing = required.filter((c) => !columns.includes(c))
  if (missing.length) {
    return {
      error: {
        row: 1,
        column: null,
        reason: `header must name the columns ${required.join(",")}; missing ${missing.join(", ")} (got "${header}")`,
      },
    }
  }
  if (records.length === 0) {
    return {
      error: {
        row: 2,
        column: null,
        reason: "the file has a header but no rows",
      },
    }
  }
  return { records }
}

export function parseSalesCsv(
  text: string,
  opts: { maxErrors?: number } = {}
): ParsedSales {
  const maxErrors = opts.maxErrors ?? 200
  const errors: RowError[] = []
  const read = readCsvRecords(text, REQUIRED_COLUMNS)
  if ("error" in read) {
    return { rows: [], errors: [read.error] }
  }
  const { records } = read
  const rows: ParsedSales["rows"] = []
  for (const { record, info } of records) {
    try {
      const r = parseSalesRecord(record, info.lines)
      rows.push({ ...r, row: info.lines })
    } catch (e) {
      if (!(e instanceof SalesInputError)) {
        throw e
      }
      if (errors.length < maxErrors) {
        errors.push({
          row: e.row,
          column: e.column ?? null,
          reason: e.message.replace(/^row \d+, column "[^"]+": /, ""),
        })
      }
    }
  }
  return { rows, errors }
}
