/**
 * Converts CSV prices (major units, "12.5") to stored amounts (minor units) and back, with the
 * number of decimals of each currency (ISO 4217: TND 3 → millimes, EUR 2 → cents, JPY 0).
 * Medusa's own converters (computerizeAmount/humanizeAmount) assume 2 decimals for every currency
 * that is not zero-decimal, which is wrong for TND.
 */

/** Decimal digits per upper-case currency code, e.g. `{ TND: 3 }`. */
export type CurrencyDigitsTable = Record<
  string,
  { decimal_digits: number } | undefined
>

/**
 * The number of decimals of a currency: from `table` when it knows the code (Medusa's currency
 * table, the one its admin uses to enter prices), otherwise from ICU (`Intl.NumberFormat`).
 * Throws a RangeError for a code that is not a currency code.
 */
export function currencyDigits(
  code: string,
  table: CurrencyDigitsTable = {}
): number {
  const upper = String(code ?? "")
    .trim()
    .toUpperCase()
  if (!/^[A-Z]{3}$/.test(upper)) {
    throw new RangeError(
      `"${code}" is not a currency code (3 letters, ISO 4217)`
    )
  }
  const known = table[upper]
  if (
    known &&
    Number.isInteger(known.decimal_digits) &&
    known.decimal_digits >= 0
  ) {
    return known.decimal_digits
  }
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency: upper,
  }).resolvedOptions().maximumFractionDigits as number
}

/**
 * A major-unit amount (12.5) as an integer of minor units (12500 with 3 digits). The product is
 * rounded to 15 significant digits first so binary noise (1.0005 * 1000 = 1000.4999…) does not
 * flip the rounding. Throws a RangeError for a value that is not a finite number.
 */
export function toMinorUnits(amount: number, digits: number): number {
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    throw new RangeError(`"${amount}" is not a number`)
  }
  const scaled = Number((amount * 10 ** digits).toPrecision(15))
  const minor = Math.round(scaled)
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`${amount} is too large`)
  }
  return minor === 0 ? 0 : minor // no -0
}

/** Minor units (12500) as a major-unit decimal string with exactly `digits` decimals ("12.500"). */
export function fromMinorUnits(amount: number, digits: number): string {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`"${amount}" is not an integer amount of minor units`)
  }
  const sign = amount < 0 ? "-" : ""
  const abs = String(Math.abs(amount))
  if (digits === 0) {
    return sign + abs
  }
  const padded = abs.padStart(digits + 1, "0")
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`
}
