/**
 * Price text -> { amount, currency } in minor units (millimes for TND, cents for EUR/USD).
 *
 * TND has 3 decimals: "1.250 DT" is 1 dinar 250 millimes (1250), "1 250,000 DT" is
 * 1250 dinars (1 250 000). For 2-decimal currencies a lone separator followed by
 * exactly 3 digits is a thousands separator ("1.250 €" = 1250 €).
 * Machine values (JSON-LD, microdata content, OpenGraph) use "." as the decimal point.
 */

export type Currency = "TND" | "EUR" | "USD"

export const CURRENCY_DECIMALS: Record<Currency, number> = {
  TND: 3,
  EUR: 2,
  USD: 2,
}

export interface ParsedPrice {
  /** integer, minor units */
  amount: number
  currency: Currency
}

export interface ParsePriceOptions {
  /** currency known from elsewhere (e.g. priceCurrency); must agree with the text */
  currency?: string | null
  /** used when neither the text nor `currency` gives one */
  defaultCurrency?: Currency
  /** machine format: "." is the decimal point, no thousands separators */
  machine?: boolean
}

export class PriceParseError extends Error {
  constructor(
    message: string,
    readonly input: string
  ) {
    super(message)
    this.name = "PriceParseError"
  }
}

const CURRENCY_PATTERNS: Array<[Currency, RegExp]> = [
  ["TND", /(?:^|[^a-z])(?:tnd|dt|dtn|dinars?)(?![a-z])|د\s*\.?\s*ت|دينار/i],
  ["EUR", /€|(?:^|[^a-z])(?:eur|euros?)(?![a-z])/i],
  ["USD", /\$|(?:^|[^a-z])usd(?![a-z])/i],
]

export function normalizeCurrencyCode(
  code: string | null | undefined
): Currency | null {
  if (!code) {
    return null
  }
  const c = code.trim().toUpperCase()
  if (c === "TND" || c === "DT") {
    return "TND"
  }
  if (c === "EUR" || c === "€") {
    return "EUR"
  }
  if (c === "USD" || c === "$") {
    return "USD"
  }
  return null
}

/** Currency named in a text, or null. Throws if two different currencies are named. */
export function detectCurrency(text: string): Currency | null {
  const found = CURRENCY_PATTERNS.filter(([, re]) => re.test(text)).map(
    ([c]) => c
  )
  if (found.length > 1) {
    throw new PriceParseError(
      `ambiguous currency in "${text}": ${found.join(" and ")}`,
      text
    )
  }
  return found[0] ?? null
}

function asciiDigits(s: string): string {
  return s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, ",")
    .replace(/\u066c/g, " ")
}

function checkGroups(groups: string[], input: string): void {
  // groups after the first must have exactly 3 digits
  for (let i = 1; i < groups.length; i++) {
    if (!/^\d{3}$/.test(groups[i])) {
      throw new PriceParseError(
        `malformed thousands grouping in "${input}"`,
        input
      )
    }
  }
  if (!/^\d{1,3}$/.test(groups[0]) && groups.length > 1) {
    throw new PriceParseError(
      `malformed thousands grouping in "${input}"`,
      input
    )
  }
}

/** Splits a human number token into integer and fraction digits. */
function splitHuman(
  token: string,
  decimals: number,
  input: string
): [string, string] {
  const spaced = /[\s\u00a0\u202f']/.test(token.trim())
  const t = token.replace(/[\s\u00a0\u202f']/g, "")
  const lastDot = t.lastIndexOf(".")
  const lastComma = t.lastIndexOf(",")
  if (lastDot < 0 && lastComma < 0) {
    if (spaced) {
      checkGroups(token.trim().split(/[\s\u00a0\u202f']+/), input)
    }
    return [t, ""]
  }
  const decimalSep = lastDot > lastComma ? "." : ","
  const otherSep = decimalSep === "." ? "," : "."
  const count = t.split(decimalSep).length - 1
  const hasOther = t.includes(otherSep)
  if (hasOther) {
    // both present: the last one is the decimal separator
    if (count > 1) {
      throw new PriceParseError(`malformed number in "${input}"`, input)
    }
    const [intPart, frac] = t.split(decimalSep)
    checkGroups(intPart.split(otherSep), input)
    return [intPart.split(otherSep).join(""), frac]
  }
  if (count > 1) {
    // "1.250.000": thousands only
    const groups = t.split(decimalSep)
    checkGroups(groups, input)
    return [groups.join(""), ""]
  }
  const [intPart, frac] = t.split(decimalSep)
  if (frac.length === 3 && decimals !== 3 && !spaced) {
    // "1.250 €": thousands separator for 2-decimal currencies
    checkGroups([intPart, frac], input)
    return [intPart + frac, ""]
  }
  if (spaced && intPart.length > 0) {
    checkGroups(
      token
        .trim()
        .split(/[.,]/)[0]
        .trim()
        .split(/[\s\u00a0\u202f']+/),
      input
    )
  }
  return [intPart, frac]
}

function toMinor(
  intPart: string,
  frac: string,
  decimals: number,
  input: string
): number {
  if (
    !/^\d*$/.test(intPart) ||
    !/^\d*$/.test(frac) ||
    (intPart === "" && frac === "")
  ) {
    throw new PriceParseError(`no number in "${input}"`, input)
  }
  let f = frac
  if (f.length > decimals) {
    if (/^0+$/.test(f.slice(decimals))) {
      f = f.slice(0, decimals)
    } else {
      throw new PriceParseError(
        `"${input}" has more than ${decimals} decimals`,
        input
      )
    }
  }
  const amount = Number((intPart || "0") + f.padEnd(decimals, "0"))
  if (!Number.isSafeInteger(amount)) {
    throw new PriceParseError(`amount too large in "${input}"`, input)
  }
  return amount
}

export function parsePrice(
  input: string | number,
  options: ParsePriceOptions = {}
): ParsedPrice {
  const raw = typeof input === "number" ? String(input) : input
  if (typeof raw !== "string" || !raw.trim()) {
    throw new PriceParseError("empty price", String(raw))
  }
  if (typeof input === "number" && (!Number.isFinite(input) || input < 0)) {
    throw new PriceParseError(`invalid price ${input}`, raw)
  }
  const text = asciiDigits(raw).trim()
  if (!/\d/.test(text)) {
    throw new PriceParseError(`no number in "${raw}"`, raw)
  }

  const fromOption = options.currency
    ? normalizeCurrencyCode(options.currency)
    : null
  if (options.currency && !fromOption) {
    throw new PriceParseError(
      `unsupported currency "${options.currency}" for "${raw}"`,
      raw
    )
  }
  const fromText = detectCurrency(text)
  if (fromOption && fromText && fromOption !== fromText) {
    throw new PriceParseError(
      `"${raw}" is in ${fromText} but the currency given is ${fromOption}`,
      raw
    )
  }
  const currency = fromOption ?? fromText ?? options.defaultCurrency ?? null
  if (!currency) {
    throw new PriceParseError(
      `no currency in "${raw}" and no default currency`,
      raw
    )
  }
  const decimals = CURRENCY_DECIMALS[currency]

  if (/(^|[^\d])-\s*\d/.test(text)) {
    throw new PriceParseError(`negative price "${raw}"`, raw)
  }

  if (options.machine || typeof input === "number") {
    const m = /\d+(?:\.\d+)?(?:e[+-]?\d+)?/i.exec(text)
    if (!m || /\d,\d/.test(text)) {
      throw new PriceParseError(
        `"${raw}" is not a machine-format number (digits with "." as decimal point)`,
        raw
      )
    }
    let value = m[0]
    if (/e/i.test(value)) {
      value = Number(value).toFixed(decimals)
    }
    const [i, f = ""] = value.split(".")
    return { amount: toMinor(i, f, decimals, raw), currency }
  }

  // first number-looking token: digits with separators inside
  const m = /\d(?:[\d.,'\u00a0\u202f]|\s(?=\d))*/.exec(text)
  if (!m) {
    throw new PriceParseError(`no number in "${raw}"`, raw)
  }
  const token = m[0].replace(/[.,'\s\u00a0\u202f]+$/, "")
  const [i, f] = splitHuman(token, decimals, raw)
  return { amount: toMinor(i, f, decimals, raw), currency }
}

export function tryParsePrice(
  input: string | number,
  options: ParsePriceOptions = {}
): ParsedPrice | null {
  try {
    return parsePrice(input, options)
  } catch (e) {
    if (e instanceof PriceParseError) {
      return null
    }
    throw e
  }
}

/** Minor units -> "1 250,000 DT" / "12,50 €" */
export function formatPrice(price: ParsedPrice): string {
  const d = CURRENCY_DECIMALS[price.currency]
  const neg = price.amount < 0
  const abs = Math.abs(price.amount)
  const intPart = Math.floor(abs / 10 ** d)
  const frac = String(abs % 10 ** d).padStart(d, "0")
  const grouped = String(intPart).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")
  const symbol =
    price.currency === "TND" ? "DT" : price.currency === "EUR" ? "€" : "$"
  return `${neg ? "-" : ""}${grouped},${frac} ${symbol}`
}
