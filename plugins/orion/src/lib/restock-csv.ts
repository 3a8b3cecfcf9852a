/**
 * The order suggestions of the Réassort screen as a CSV for a French Excel: UTF-8 with BOM,
 * semicolon-separated, CRLF, amounts in dinars with a decimal comma and 3 decimals, text cells
 * that Excel would run as a formula (= + - @ at the start) prefixed with an apostrophe.
 */
import { stringify } from "csv-stringify/sync"

export type RestockCsvRow = {
  sku: string | null
  title: string | null
  brand: string | null
  category: string | null
  stock: number | null
  on_order: number | null
  reorder_point: number | null
  suggested_quantity: number | null
  stockout_date: string | null
  order_by: string | null
  unit_price: number | null
  value: number | null
}

export const RESTOCK_CSV_HEADER = [
  "Référence",
  "Produit",
  "Marque",
  "Catégorie",
  "Stock",
  "En commande",
  "Seuil de commande",
  "À commander",
  "Rupture prévue le",
  "Commander avant le",
  "Prix unitaire HT (DT)",
  "Valeur HT (DT)",
]

/** 12345 millimes → "12,345" (empty for null). */
export function dinars(millimes: number | null): string {
  if (
    millimes === null ||
    millimes === undefined ||
    !Number.isFinite(millimes)
  ) {
    return ""
  }
  const sign = millimes < 0 ? "-" : ""
  const abs = Math.abs(Math.round(millimes))
  return `${sign}${Math.floor(abs / 1000)},${String(abs % 1000).padStart(3, "0")}`
}

/** "2026-03-12" → "12/03/2026". */
function frenchDate(iso: string | null): string {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
    : ""
}

function safeText(value: string | null): string {
  const text = value ?? ""
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

const count = (n: number | null) =>
  n === null || n === undefined ? "" : String(n)

export function restockCsv(rows: RestockCsvRow[], withHeader = true): string {
  const body = stringify(
    rows.map((r) => [
      safeText(r.sku),
      safeText(r.title),
      safeText(r.brand),
      safeText(r.category),
      count(r.stock),
      count(r.on_order),
      count(r.reorder_point),
      count(r.suggested_quantity),
      frenchDate(r.stockout_date),
      frenchDate(r.order_by),
      dinars(r.unit_price),
      dinars(r.value),
    ]),
    { delimiter: ";", record_delimiter: "\r\n" }
  )
  return withHeader
    ? `\ufeff${stringify([RESTOCK_CSV_HEADER], { delimiter: ";", record_delimiter: "\r\n" })}${body}`
    : body
}
