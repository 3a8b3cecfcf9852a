/**
 * Reading an uploaded CSV into header + rows with file line numbers, and matching its headers to fields.
 * UTF-8 with or without BOM; comma, semicolon or tab separated (detected from the header line).
 */
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import { cleanText } from "@shabou/text"
import { normalizeWords } from "./normalize"
import type { Parsed } from "./values"

export type Delimiter = "," | ";" | "\t"

/** Where and why a row (or the file, row 1 = header) was refused. */
export interface RowError {
  /** Line in the file, the header being line 1. */
  row: number
  /** Header as written in the file, or the expected field name when the column is missing; null for the whole row. */
  column: string | null
  value: string | null
  reason: string
}

export interface CsvRow {
  /** Line where the record starts (header = 1). */
  line: number
  cells: string[]
}

export interface CsvTable {
  delimiter: Delimiter
  bom: boolean
  /** "utf-8", or "windows-1252" when the bytes were not valid UTF-8 (Excel "CSV (séparateur: point-virgule)"). */
  encoding: "utf-8" | "windows-1252"
  headers: string[]
  rows: CsvRow[]
}

export class CsvFormatError extends Error {
  constructor(
    message: string,
    public readonly line: number | null
  ) {
    super(message)
    this.name = "CsvFormatError"
  }
}

/** Counts delimiters outside quotes in the header line; the most frequent wins (comma on a tie). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 }
  let quoted = false
  for (const c of headerLine) {
    if (c === '"') {
      quoted = !quoted
    } else if (!quoted && (c === "," || c === ";" || c === "\t")) {
      counts[c]++
    }
  }
  let best: Delimiter = ","
  for (const d of [";", "\t"] as Delimiter[]) {
    if (counts[d] > counts[best]) {
      best = d
    }
  }
  return best
}

/** Parses the whole file. Throws CsvFormatError (with the line) for an empty file or a broken quote. */
export function readCsv(input: Buffer | string): CsvTable {
  const { text: decoded, encoding } = decode(input)
  let text = decoded
  const bom = text.charCodeAt(0) === 0xfeff
  if (bom) {
    text = text.slice(1)
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ""
  if (!firstLine.trim()) {
    throw new CsvFormatError(
      "the file is empty or its first line (the header) is blank",
      1
    )
  }
  const delimiter = detectDelimiter(firstLine)

  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: false,
    }) as Array<{ record: string[]; info: { lines: number } }>
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string }
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      const line = unclosedQuoteLine(text, delimiter)
      throw new CsvFormatError(
        `the CSV cannot be read: a quote opened on line ${line} is never closed`,
        line
      )
    }
    throw new CsvFormatError(
      `the CSV cannot be read: ${e.message}`,
      e.lines ?? null
    )
  }

  const [header, ...body] = records
  const rows: CsvRow[] = []
  for (const { record, info } of body) {
    if (record.every((cell) => cell.trim() === "")) {
      continue
    }
    // info.lines is the line where the record ends; quoted newlines move the start back
    const inner = record.reduce(
      (n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0),
      0
    )
    rows.push({ line: info.lines - inner, cells: record })
  }
  return {
    delimiter,
    bom,
    encoding,
    headers: header.record.map((h) => h.trim()),
    rows,
  }
}

/** Line where the last quoted field that never closes starts. */
function unclosedQuoteLine(text: string, delimiter: Delimiter): number {
  let line = 1
  let quoted = false
  let openedAt = 1
  let fieldStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          i++
        } else {
          quoted = false
        }
      } else if (c === "\n") {
        line++
      }
      continue
    }
    if (c === '"' && fieldStart) {
      quoted = true
      openedAt = line
    } else if (c === "\n") {
      line++
    }
    fieldStart =
      c === delimiter || c === "\n" || (c === "\r" && text[i + 1] === "\n")
  }
  return openedAt
}

function decode(input: Buffer | string): {
  text: string
  encoding: CsvTable["encoding"]
} {
  if (typeof input === "string") {
    return { text: input, encoding: "utf-8" }
  }
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(
        input
      ),
      encoding: "utf-8",
    }
  } catch {
    // not UTF-8: French Excel saves CSV as Windows-1252
    return {
      text: new TextDecoder("windows-1252").decode(input),
      encoding: "windows-1252",
    }
  }
}

export interface ColumnSpec {
  field: string
  /** Other header spellings (normalised like headers: lowercase, no accents, words joined by "_"). */
  aliases: string[]
}

export interface ColumnMap {
  /** field → column index */
  index: Map<string, number>
  /** field → header as written in the file */
  header: Record<string, string>
  /** Headers that match no field, as written. */
  ignored: string[]
  errors: RowError[]
}

/** "Année début" → "annee_debut", "Power (HP)" → "power_hp". */
export function headerKey(header: string): string {
  return normalizeWords(header).replace(/ /g, "_")
}

export function mapColumns(headers: string[], specs: ColumnSpec[]): ColumnMap {
  const lookup = new Map<string, string>()
  for (const spec of specs) {
    for (const name of [spec.field, ...spec.aliases]) {
      lookup.set(headerKey(name), spec.field)
    }
  }
  const index = new Map<string, number>()
  const header: Record<string, string> = {}
  const ignored: string[] = []
  const errors: RowError[] = []
  headers.forEach((raw, i) => {
    const field = lookup.get(headerKey(raw))
    if (!field) {
      if (raw.trim()) {
        ignored.push(raw)
      }
      return
    }
    if (index.has(field)) {
      errors.push({
        row: 1,
        column: raw,
        value: raw,
        reason: `column "${raw}" means the same as column "${header[field]}" (${field}); keep only one`,
      })
      return
    }
    index.set(field, i)
    header[field] = raw
  })
  return { index, header, ignored, errors }
}

/** Undoes the formula escape of our exports (lib/fitment-export): "'=x" → "=x", only before =, +, -, @, tab or CR. */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell
}

/** Cells of a row by field; missing columns and short rows give "". */
export function rowRecord(
  row: CsvRow,
  columns: ColumnMap
): Record<string, string> {
  const record: Record<string, string> = {}
  for (const [field, i] of columns.index) {
    // a cell the export protected against formula injection ("'=…", "'-…") is read as written before
    record[field] = unescapeFormula(row.cells[i] ?? "")
  }
  return record
}

/**
 * Reading one row's cells for a row validator: `cell(field)` is the cell's cleaned text, `fail(field, reason)`
 * adds an error naming the header as written (`headers`: field → header), `take(field, parsed)` gives a parsed
 * value, or null after failing with its error.
 */
export function rowCells(
  record: Record<string, string>,
  row: number,
  headers: Record<string, string>
) {
  const errors: RowError[] = []
  const fail = (field: string, reason: string) =>
    errors.push({
      row,
      column: headers[field] ?? field,
      value: record[field] ?? null,
      reason,
    })
  const cell = (field: string) => cleanText(record[field] ?? "")
  const take = <T>(field: string, parsed: Parsed<T>): T | null => {
    if (parsed.error !== undefined) {
      fail(field, parsed.error)
      return null
    }
    return parsed.value as T
  }
  return { errors, fail, cell, take }
}

export interface InvalidRow {
  row: number
  /** The row as read, by header as written, so it can be written back out for correction. */
  cells: string[]
  errors: RowError[]
}

/**
 * The invalid rows as a CSV to fix and re-upload: the original columns, then `row` and `errors`
 * (every reason of the row, "column: reason" joined with " | "). Same delimiter as the upload, with a BOM
 * so spreadsheet software opens it as UTF-8.
 */
export function invalidRowsToCsv(
  headers: string[],
  invalid: InvalidRow[],
  delimiter: Delimiter = ","
): string {
  const records = invalid.map((r) => [
    ...headers.map((_, i) => r.cells[i] ?? ""),
    String(r.row),
    r.errors
      .map((e) => (e.column ? `${e.column}: ${e.reason}` : e.reason))
      .join(" | "),
  ])
  return (
    "\ufeff" +
    stringify([[...headers, "row", "errors"], ...records], { delimiter })
  )
}
