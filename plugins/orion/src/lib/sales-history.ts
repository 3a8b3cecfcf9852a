import { Frequency } from "./types"

export type SalesRow = { sku: string; date: Date; qty: number }

export class SalesInputError extends Error {
  constructor(
    message: string,
    public row: number,
    public column?: string
  ) {
    super(message)
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Validates one CSV record (row is the 1-based line number in the file). */
export function parseSalesRecord(
  record: Record<string, string>,
  row: number
): SalesRow {
  const sku = (record.sku ?? "").trim()
  if (!sku) {
    throw new SalesInputError(`row ${row}, column "sku": empty sku`, row, "sku")
  }
  const rawDate = (record.date ?? "").trim()
  const m = DATE_RE.exec(rawDate)
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null
  if (
    !m ||
    !date ||
    date.getUTCDate() !== +m[3] ||
    date.getUTCMonth() !== +m[2] - 1
  ) {
    throw new SalesInputError(
      `row ${row}, column "date": "${rawDate}" is not a valid YYYY-MM-DD date`,
      row,
      "date"
    )
  }
  const rawQty = (record.qty ?? "").trim()
  const qty = Number(rawQty)
  if (rawQty === "" || !Number.isFinite(qty) || qty < 0) {
    throw new SalesInputError(
      `row ${row}, column "qty": "${rawQty}" is not a non-negative number`,
      row,
      "qty"
    )
  }
  return { sku, date, qty }
}

/** Start of the period (UTC) containing a date: first of the month, or the Monday of the ISO week. */
export function periodStart(date: Date, frequency: Frequency): Date {
  if (frequency === "month") {
    return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1))
  }
  const dow = (date.getUTCDay() + 6) % 7
  return new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - dow)
  )
}

export function addPeriods(start: Date, k: number, frequency: Frequency): Date {
  if (frequency === "month") {
    return new Date(
      Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1)
    )
  }
  return new Date(start.getTime() + k * 7 * 86400000)
}

function periodIndex(start: Date, date: Date, frequency: Frequency): number {
  if (frequency === "month") {
    return (
      (date.getUTCFullYear() - start.getUTCFullYear()) * 12 +
      date.getUTCMonth() -
      start.getUTCMonth()
    )
  }
  return Math.round((date.getTime() - start.getTime()) / (7 * 86400000))
}

export type SkuSeries = { sku: string; start: Date; values: number[] }

/**
 * Aggregates rows per sku into consecutive periods from the sku's first to its
 * last sale period; missing periods are zero. Skus keep first-seen order.
 */
export function buildSeries(
  rows: SalesRow[],
  frequency: Frequency
): SkuSeries[] {
  const map = new Map<string, Map<number, number>>()
  for (const r of rows) {
    const t = periodStart(r.date, frequency).getTime()
    let m = map.get(r.sku)
    if (!m) {
      m = new Map()
      map.set(r.sku, m)
    }
    m.set(t, (m.get(t) ?? 0) + r.qty)
  }
  const out: SkuSeries[] = []
  for (const [sku, m] of map) {
    const times = [...m.keys()]
    const start = new Date(Math.min(...times))
    const end = new Date(Math.max(...times))
    const n = periodIndex(start, end, frequency) + 1
    const values = new Array(n).fill(0)
    for (const [t, q] of m) {
      values[periodIndex(start, new Date(t), frequency)] += q
    }
    out.push({ sku, start, values })
  }
  return out
}
