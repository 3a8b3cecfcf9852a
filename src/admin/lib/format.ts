/**
 * Formatting shared by every admin screen: French (Tunisia) numbers and dates, amounts stored in
 * minor units (TND millimes) shown with the currency's own decimals (3 for TND).
 */

const DIGITS: Record<string, number> = {
  tnd: 3,
  bhd: 3,
  jod: 3,
  kwd: 3,
  lyd: 3,
  omr: 3,
  iqd: 3,
  jpy: 0,
  krw: 0,
}

/** Decimal digits of a currency (ISO 4217): 3 for TND, 2 for most. */
export function currencyDigits(currencyCode = "tnd"): number {
  return DIGITS[currencyCode.toLowerCase()] ?? 2
}

/** 12345 millimes → "12,345 DT" (fr-TN: decimal comma, narrow spaces for thousands). */
export function formatAmount(
  amount: number | null | undefined,
  currencyCode = "tnd"
): string {
  if (amount === null || amount === undefined || Number.isNaN(Number(amount))) {
    return "—"
  }
  const digits = currencyDigits(currencyCode)
  const value = Number(amount) / 10 ** digits
  const text = new Intl.NumberFormat("fr-FR", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value)
  return currencyCode.toLowerCase() === "tnd"
    ? `${text} DT`
    : `${text} ${currencyCode.toUpperCase()}`
}

/** "12,345" or "12.345" → 12345 millimes; null when the text is not an amount. */
export function parseAmount(text: string, currencyCode = "tnd"): number | null {
  const clean = text
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/DT$/i, "")
    .replace(",", ".")
  if (!/^-?\d+(\.\d+)?$/.test(clean)) {
    return null
  }
  const digits = currencyDigits(currencyCode)
  const [whole, frac = ""] = clean.split(".")
  if (frac.length > digits) {
    return null
  }
  const sign = whole.startsWith("-") ? -1 : 1
  return (
    sign *
    (Math.abs(Number(whole)) * 10 ** digits +
      Number((frac + "0".repeat(digits)).slice(0, digits) || 0))
  )
}

/** 2026-03-12T… → "12/03/2026" (or with the time: "12/03/2026 14:05"). */
export function formatDate(
  value: string | Date | null | undefined,
  withTime = false
): string {
  if (!value) {
    return "—"
  }
  const d = typeof value === "string" ? new Date(value) : value
  return new Intl.DateTimeFormat("fr-FR", {
    dateStyle: "short",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Africa/Tunis",
  }).format(d)
}

/** Integers with French grouping: 20000 → "20 000". */
export function formatNumber(
  value: number | null | undefined,
  digits = 0
): string {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return "—"
  }
  return new Intl.NumberFormat("fr-FR", {
    maximumFractionDigits: digits,
  }).format(Number(value))
}

/** Arabic script in a text: such text is shown right-to-left (dir="rtl"). */
export function isArabic(text: string | null | undefined): boolean {
  return !!text && /[\u0600-\u06FF]/.test(text)
}
