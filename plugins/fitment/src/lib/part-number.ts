/**
 * OE and cross-reference part numbers.
 *
 * The same number is written many ways: "000 094 69 04", "A 000 094 69 04", "A0000946904" (Mercedes),
 * "PSA 1609.412.480", "OE: 16 094 124 80", "Bosch 0 986 494 199". Lookups use the normalised form:
 * the letters-and-digits key of @shabou/text (upper case, no separators), without a leading maker/brand/"OE" prefix.
 */
import { referenceTokens } from "@shabou/text"
import { MAKES, normalizeKey } from "./normalize"

/** Words that introduce a number without being part of it. */
const REFERENCE_WORDS = [
  "OEM",
  "OE",
  "REF",
  "REFERENCE",
  "REFERENCES",
  "NUM",
  "NUMERO",
  "PN",
  "ART",
  "ARTICLE",
]

/** "N°", "No.", "Nr." before a number; a bare "N" is kept because VAG standard parts start with it ("N 0138492"). */
const NUMBER_SIGN_RE = /^\s*(?:N°|Nº|No\.|Nr\.?)\s*/i

/** Vehicle makers' and groups' prefixes, plus the common parts brands seen in Tunisian catalogues. */
const BRAND_PREFIXES: string[] = [
  "PSA",
  "Stellantis",
  "Renault Group",
  "VAG",
  "VW Group",
  "GM",
  "Mopar",
  "Motorcraft",
  "Toyota Genuine",
  "Mobis",
  "Hyundai Mobis",
  "Bosch",
  "Valeo",
  "TRW",
  "Brembo",
  "Febi",
  "Febi Bilstein",
  "Bilstein",
  "Mann",
  "Mann-Filter",
  "Mahle",
  "Knecht",
  "Purflux",
  "Sachs",
  "LuK",
  "SKF",
  "Gates",
  "Dayco",
  "Contitech",
  "Continental",
  "INA",
  "FAG",
  "NGK",
  "NTK",
  "Denso",
  "Delphi",
  "Ferodo",
  "Textar",
  "Jurid",
  "ATE",
  "Hella",
  "Champion",
  "Monroe",
  "KYB",
  "Kayaba",
  "Lemförder",
  "Meyle",
  "Corteco",
  "Elring",
  "Victor Reinz",
  "Reinz",
  "Magneti Marelli",
  "Pierburg",
  "Nissens",
  "Behr",
  "Mecafilter",
  "Fram",
  "UFI",
  "Sogefi",
  "Hengst",
  "Wix",
  "Blue Print",
  "Herth+Buss",
  "Topran",
  "Swag",
  "Dolz",
  "Metelli",
  "Ruville",
  "SNR",
  "Exedy",
  "Aisin",
  "Nipparts",
  "Japanparts",
]

interface Prefix {
  /** Upper-case words of the prefix. */
  words: string[]
  /** Compact upper-case form ("MANNFILTER"). */
  compact: string
}

const PREFIXES: Prefix[] = [
  ...BRAND_PREFIXES,
  ...MAKES.flatMap((m) => [m.name, ...m.aliases]),
]
  .map((name) => {
    const words = referenceTokens(name)
    return { words, compact: words.join("") }
  })
  .filter((p) => p.compact.length > 0)
  // longest first so "Febi Bilstein" wins over "Febi", "Mercedes Benz" over "Mercedes"
  .sort((a, b) => b.compact.length - a.compact.length)

/** Prefixes that may be glued to the number ("PSA1609412480", "OE1609412480"). */
const GLUED_PREFIXES = ["PSA", "OEM", "OE"]

export interface ParsedPartNumber {
  /** As given, trimmed. */
  raw: string
  /** Upper case, separators and prefixes removed: the lookup key. */
  normalized: string
  /** Brand or maker written before the number, when one was removed ("PSA", "BOSCH"). */
  prefix: string | null
}

export interface PartNumberOptions {
  /** Make of the vehicle or brand of the part, when known: enables "A0000946904" → "0000946904" for Mercedes-Benz. */
  make?: string
}

/**
 * Normalises one OE or cross-reference number.
 * Returns an empty `normalized` when the text holds no number (callers treat that as invalid).
 */
export function parsePartNumber(
  raw: string,
  options: PartNumberOptions = {}
): ParsedPartNumber {
  const trimmed = raw.trim()
  let tokens = referenceTokens(trimmed.replace(NUMBER_SIGN_RE, ""))
  let prefix: string | null = null

  // leading reference words and brand names, e.g. "OE: PSA 1609 412 480", "Réf. Bosch 0 986 494 199"
  let stripped = true
  while (stripped && tokens.length > 1) {
    stripped = false
    if (REFERENCE_WORDS.includes(tokens[0]) && hasDigit(tokens.slice(1))) {
      tokens = tokens.slice(1)
      stripped = true
      continue
    }
    for (const p of PREFIXES) {
      if (
        p.words.length < tokens.length &&
        p.words.every((w, i) => tokens[i] === w) &&
        hasDigit(tokens.slice(p.words.length))
      ) {
        prefix = prefix ?? p.compact
        tokens = tokens.slice(p.words.length)
        stripped = true
        break
      }
    }
  }

  let normalized = tokens.join("")

  // glued prefix: "PSA1609412480", "OE1609412480" (only when a digit follows)
  for (const glued of GLUED_PREFIXES) {
    if (
      normalized.startsWith(glued) &&
      /^\d/.test(normalized.slice(glued.length)) &&
      normalized.length > glued.length + 3
    ) {
      prefix = prefix ?? glued
      normalized = normalized.slice(glued.length)
      break
    }
  }

  // Mercedes-Benz writes "A 000 094 69 04": the A is a prefix, the number is 10 digits (sometimes more)
  const mercedesSpaced =
    tokens.length > 1 &&
    tokens[0] === "A" &&
    /^\d{10,13}$/.test(tokens.slice(1).join(""))
  const mercedesGlued =
    isMercedes(options.make ?? prefix ?? "") && /^A\d{10,13}$/.test(normalized)
  if (mercedesSpaced || mercedesGlued) {
    normalized = normalized.slice(1)
  }

  return { raw: trimmed, normalized, prefix }
}

/** The lookup key of a part number ("PSA 1609.412.480" → "1609412480"). */
export function normalizePartNumber(
  raw: string,
  options: PartNumberOptions = {}
): string {
  return parsePartNumber(raw, options).normalized
}

/** True when both numbers normalise to the same non-empty key. */
export function samePartNumber(
  a: string,
  b: string,
  options: PartNumberOptions = {}
): boolean {
  const left = normalizePartNumber(a, options)
  return left.length > 0 && left === normalizePartNumber(b, options)
}

/**
 * Splits a cell that lists several numbers ("1609412480, 4254.A1 / 16 094 124 80") and dedupes them by key.
 * Separators between numbers: comma, semicolon, pipe, newline, and " / " with spaces around it.
 */
export function parsePartNumberList(
  cell: string,
  options: PartNumberOptions = {}
): ParsedPartNumber[] {
  const seen = new Set<string>()
  const out: ParsedPartNumber[] = []
  for (const piece of cell.split(/[,;|\n]+|\s+\/\s+/)) {
    if (!piece.trim()) {
      continue
    }
    const parsed = parsePartNumber(piece, options)
    if (parsed.normalized && !seen.has(parsed.normalized)) {
      seen.add(parsed.normalized)
      out.push(parsed)
    }
  }
  return out
}

function hasDigit(tokens: string[]): boolean {
  return tokens.some((t) => /\d/.test(t))
}

function isMercedes(make: string): boolean {
  const key = normalizeKey(make)
  return ["mercedesbenz", "mercedes", "mb", "merc", "daimlerbenz"].includes(key)
}
