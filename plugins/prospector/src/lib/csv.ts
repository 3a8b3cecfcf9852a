/**
 * Excel-friendly CSV (csv-stringify): UTF-8 with BOM, CRLF, "," or ";" delimiter,
 * French/Arabic text intact, and CSV formula injection neutralised: every cell
 * starting with =, +, -, @, tab or CR gets a leading ' (csv-stringify escape_formulas;
 * negative numbers stay numbers).
 * Works on arrays and (async) iterables and streams the output.
 */

import { Readable } from "stream"

import { stringify } from "csv-stringify"

export interface CsvColumn<T> {
  header: string
  /** property name or a function computing the cell */
  value: keyof T | ((row: T) => unknown)
}

export interface CsvOptions {
  delimiter?: "," | ";"
  /** default true */
  bom?: boolean
}

function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) {
    return null
  }
  if (v instanceof Date) {
    return v.toISOString()
  }
  if (typeof v === "number" || typeof v === "string") {
    return v
  }
  if (typeof v === "boolean") {
    return v ? "oui" : "non"
  }
  if (Array.isArray(v)) {
    return v.join(" | ")
  }
  return JSON.stringify(v)
}

/** A readable stream of CSV text for the rows. */
export function csvStream<T>(
  rows: Iterable<T> | AsyncIterable<T>,
  columns: CsvColumn<T>[],
  options: CsvOptions = {}
): Readable {
  if (columns.length === 0) {
    throw new Error("csvStream: at least one column is required")
  }
  const stringifier = stringify({
    bom: options.bom ?? true,
    delimiter: options.delimiter ?? ",",
    record_delimiter: "windows",
    escape_formulas: true,
    header: true,
    columns: columns.map((c) => c.header),
    cast: { boolean: (b) => (b ? "oui" : "non"), date: (d) => d.toISOString() },
  })
  const source = Readable.from(
    (async function* () {
      let n = 0
      for await (const row of rows as AsyncIterable<T>) {
        n += 1
        try {
          yield columns.map((c) =>
            cell(
              typeof c.value === "function"
                ? c.value(row)
                : (row as any)[c.value]
            )
          )
        } catch (e) {
          throw new Error(`CSV row ${n}: ${e?.message ?? e}`)
        }
      }
    })()
  )
  source.on("error", (e) => stringifier.destroy(e))
  return source.pipe(stringifier)
}

/** The whole CSV as a string (small exports, tests). */
export async function csvString<T>(
  rows: Iterable<T> | AsyncIterable<T>,
  columns: CsvColumn<T>[],
  options: CsvOptions = {}
): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of csvStream(rows, columns, options)) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  }
  return Buffer.concat(chunks).toString("utf8")
}

/** Row shape for the leads export (what the lead service will hand over). */
export interface LeadCsvRow {
  name: string
  phone?: string | null
  website?: string | null
  address?: string | null
  city?: string | null
  governorate?: string | null
  score?: number | null
  status?: string | null
  rating?: number | null
  review_count?: number | null
  business_status?: string | null
  maps_url?: string | null
  assignee?: string | null
  notes?: string | null
  first_seen_at?: Date | string | null
  last_seen_at?: Date | string | null
}

export const LEAD_CSV_COLUMNS: CsvColumn<LeadCsvRow>[] = [
  { header: "Nom", value: "name" },
  { header: "Téléphone", value: "phone" },
  { header: "Ville", value: "city" },
  { header: "Gouvernorat", value: "governorate" },
  { header: "Adresse", value: "address" },
  { header: "Score", value: "score" },
  { header: "Statut", value: "status" },
  { header: "Note Google", value: "rating" },
  { header: "Avis", value: "review_count" },
  { header: "État", value: "business_status" },
  { header: "Site web", value: "website" },
  { header: "Google Maps", value: "maps_url" },
  { header: "Responsable", value: "assignee" },
  { header: "Notes", value: "notes" },
  { header: "Vu la première fois", value: "first_seen_at" },
  { header: "Vu la dernière fois", value: "last_seen_at" },
]

export function leadsCsvStream(
  rows: Iterable<LeadCsvRow> | AsyncIterable<LeadCsvRow>,
  options: CsvOptions = {}
): Readable {
  return csvStream(rows, LEAD_CSV_COLUMNS, options)
}
