import fs from "fs"
import { parse } from "csv-parse"
import {
  addPeriods,
  parseSalesRecord,
  SalesRow,
  SkuSeries,
} from "../lib/sales-history"
import { WeatherInput } from "../lib/weather-effects"
import {
  normalizeGovernorate,
  parseGovernorateList,
  parseWeatherCsv,
} from "../lib/weather-csv"
import { Frequency } from "../lib/types"

/** A mistake of the command line's user: its message is printed, the exit code is 1. */
export class CliError extends Error {}

/** Reads and validates a weather file completely: every bad row is reported, nothing is used. */
export function readWeatherFile(
  path: string,
  governorates?: string
): WeatherInput {
  if (!fs.existsSync(path)) {
    throw new CliError(`weather file not found: ${path}`)
  }
  const { rows, errors } = parseWeatherCsv(fs.readFileSync(path, "utf8"))
  if (errors.length) {
    const list = errors
      .slice(0, 20)
      .map(
        (e) =>
          `row ${e.row}${e.column ? `, column "${e.column}"` : ""}: ${e.reason}`
      )
    throw new CliError(
      `${path}: ${errors.length} bad row(s), nothing used:\n  ${list.join("\n  ")}${errors.length > 20 ? "\n  …" : ""}`
    )
  }
  let list: string[] | undefined
  if (governorates) {
    const parsed = parseGovernorateList(governorates)
    if (parsed.bad.length) {
      throw new CliError(
        `--governorate: "${parsed.bad[0]}" is not a governorate of Tunisia`
      )
    }
    for (const n of parsed.governorates) {
      if (!rows.some((r) => r.governorate === n)) {
        throw new CliError(
          `--governorate: ${path} has no row for "${governorates
            .split(",")
            .find((g) => normalizeGovernorate(g) === n)
            ?.trim()}"`
        )
      }
    }
    list = parsed.governorates
  }
  return { days: rows.map(({ row: _row, ...d }) => d), governorates: list }
}

/** Reads and validates `sku,date,qty` row by row (the optional `category` column: see readSalesFile). */
export async function readSales(path: string): Promise<SalesRow[]> {
  return (await readSalesFile(path)).rows
}

/**
 * Reads and validates `sku,date,qty[,category]` row by row. With a category column every sku has one
 * category (a sku given two is an error naming the row); categories is null without the column.
 */
export async function readSalesFile(
  path: string
): Promise<{ rows: SalesRow[]; categories: Map<string, string> | null }> {
  if (!fs.existsSync(path)) {
    throw new CliError(`input file not found: ${path}`)
  }
  const parser = fs.createReadStream(path).pipe(
    parse({
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    })
  )
  const rows: SalesRow[] = []
  let categories: Map<string, string> | null = null
  let line = 1
  let checked = false
  for await (const record of parser) {
    line++
    if (!checked) {
      for (const col of ["sku", "date", "qty"]) {
        if (!(col in record)) {
          throw new CliError(
            `${path}: missing column "${col}" in the header (expected sku,date,qty[,category])`
          )
        }
      }
      categories = "category" in record ? new Map() : null
      checked = true
    }
    try {
      const row = parseSalesRecord(record, line)
      rows.push(row)
      if (categories) {
        const c = String(record.category ?? "").trim()
        const known = categories.get(row.sku)
        if (c && known !== undefined && known !== c) {
          throw new CliError(
            `row ${line}, column "category": sku ${row.sku} is in "${known}" on an earlier row, "${c}" here (one category per sku)`
          )
        }
        if (c) {
          categories.set(row.sku, c)
        }
      }
    } catch (e) {
      throw new CliError(`${path}: ${(e as Error).message}`)
    }
  }
  if (rows.length === 0) {
    throw new CliError(`${path}: no data rows`)
  }
  return { rows, categories }
}

export function alignEnd(series: SkuSeries[], frequency: Frequency): void {
  let end = 0
  for (const s of series) {
    end = Math.max(
      end,
      addPeriods(s.start, s.values.length - 1, frequency).getTime()
    )
  }
  for (const s of series) {
    while (
      addPeriods(s.start, s.values.length - 1, frequency).getTime() < end
    ) {
      s.values.push(0)
    }
  }
}
