/**
 * Cell parsers shared by the vehicle and fitment rows. Each returns `{ value }` or `{ error }` (a reason
 * without row/column; the row validator adds where). Empty cells give `{ value: null }`.
 */
import { normalizeWords } from "./normalize"

export type Parsed<T> =
  { value: T; error?: undefined } | { value?: undefined; error: string }

export const MIN_YEAR = 1950

export function maxYear(now: Date = new Date()): number {
  return now.getFullYear() + 1
}

const STILL_PRODUCED = new Set([
  "",
  "-",
  "--",
  "...",
  "…",
  "en cours",
  "encours",
  "aujourd hui",
  "a ce jour",
  "present",
  "now",
  "today",
  "current",
])

/**
 * A year cell, optionally with a month: "2014", "2014-03", "03/2014", "201403" (TecDoc style), "3.2014".
 * Years outside 1950..now+1 are refused.
 */
export function parseYearMonth(
  cell: string,
  options: { now?: Date; allowOpen?: boolean } = {}
): Parsed<{ year: number; month: number | null } | null> {
  const text = cell.trim()
  if (
    options.allowOpen
      ? STILL_PRODUCED.has(normalizeWords(text)) || text === "-"
      : text === ""
  ) {
    return { value: null }
  }
  let year: number
  let month: number | null = null
  let m: RegExpMatchArray | null
  if ((m = text.match(/^(\d{4})$/))) {
    year = Number(m[1])
  } else if ((m = text.match(/^(\d{4})[-/.](\d{1,2})$/))) {
    year = Number(m[1])
    month = Number(m[2])
  } else if ((m = text.match(/^(\d{1,2})[-/.](\d{4})$/))) {
    year = Number(m[2])
    month = Number(m[1])
  } else if ((m = text.match(/^(\d{4})(\d{2})$/))) {
    year = Number(m[1])
    month = Number(m[2])
  } else if ((m = text.match(/^(\d{2})$/))) {
    return {
      error: `"${text}" is a two-digit year; write the full year (e.g. ${Number(m[1]) > 30 ? "19" : "20"}${m[1]})`,
    }
  } else {
    return {
      error: `"${text}" is not a year (expected e.g. 2014, 2014-03 or 03/2014)`,
    }
  }
  const max = maxYear(options.now)
  if (year < MIN_YEAR || year > max) {
    return { error: `year ${year} is outside ${MIN_YEAR}..${max}` }
  }
  if (month !== null && (month < 1 || month > 12)) {
    return { error: `month ${month} is not between 1 and 12` }
  }
  return { value: { year, month } }
}

/** A month 1..12 ("3", "03", "mars", "march"). */
export function parseMonth(cell: string): Parsed<number | null> {
  const text = normalizeWords(cell)
  if (!text) {
    return { value: null }
  }
  if (/^\d{1,2}$/.test(text)) {
    const month = Number(text)
    return month >= 1 && month <= 12
      ? { value: month }
      : { error: `month ${month} is not between 1 and 12` }
  }
  const index = MONTH_NAMES.findIndex((names) => names.includes(text))
  return index >= 0
    ? { value: index + 1 }
    : { error: `"${cell.trim()}" is not a month (1-12)` }
}

const MONTH_NAMES = [
  ["janvier", "jan", "january"],
  ["fevrier", "fev", "feb", "february"],
  ["mars", "mar", "march"],
  ["avril", "avr", "apr", "april"],
  ["mai", "may"],
  ["juin", "jun", "june"],
  ["juillet", "juil", "jul", "july"],
  ["aout", "aug", "august"],
  ["septembre", "sep", "sept", "september"],
  ["octobre", "oct", "october"],
  ["novembre", "nov", "november"],
  ["decembre", "dec", "december"],
]

/**
 * A positive number. Accepts "1 598", "1598cc", "55,5" (decimal comma), "110 ch" when the unit is one of `units`.
 * `integer` refuses decimals; `min`/`max` bound the value.
 */
export function parseNumber(
  cell: string,
  options: {
    integer?: boolean
    min?: number
    max?: number
    units?: string[]
  } = {}
): Parsed<number | null> {
  let text = cell.trim().toLowerCase()
  if (!text) {
    return { value: null }
  }
  for (const unit of options.units ?? []) {
    if (text.endsWith(unit)) {
      text = text.slice(0, -unit.length).trim()
      break
    }
  }
  text = text.replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/g, "$1")
  if (/^-\s*\d/.test(text)) {
    return { error: `"${cell.trim()}" is negative` }
  }
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) {
    return { error: `"${cell.trim()}" is not a number` }
  }
  const value = Number(text.replace(",", "."))
  if (options.integer && !Number.isInteger(value)) {
    return { error: `"${cell.trim()}" must be a whole number` }
  }
  if (options.min !== undefined && value < options.min) {
    return { error: `${value} is below the minimum ${options.min}` }
  }
  if (options.max !== undefined && value > options.max) {
    return { error: `${value} is above the maximum ${options.max}` }
  }
  return { value }
}

export const HP_TO_KW = 0.7355

export function kwFromHp(hp: number): number {
  return Math.round(hp * HP_TO_KW)
}

export function hpFromKw(kw: number): number {
  return Math.round(kw / HP_TO_KW)
}

/**
 * True when kW and hp describe the same engine. Tolerance: 3 % or 1.5 kW, whichever is larger, so metric
 * hp (0.7355) and rounding pass, and mechanical hp (0.7457) on small engines passes too.
 */
export function powerConsistent(hp: number, kw: number): boolean {
  const expected = hp * HP_TO_KW
  return Math.abs(kw - expected) <= Math.max(1.5, expected * 0.03)
}

export const FUELS = [
  "petrol",
  "diesel",
  "hybrid",
  "plug_in_hybrid",
  "electric",
  "lpg",
  "petrol_lpg",
  "cng",
  "flex",
] as const
export type Fuel = (typeof FUELS)[number]

/** Spellings in French, English, German, Arabic and Tunisian usage (keys are normalizeWords form). */
const FUEL_ALIASES: Record<string, Fuel> = {
  petrol: "petrol",
  essence: "petrol",
  gasoline: "petrol",
  gas: "petrol",
  benzin: "petrol",
  benzine: "petrol",
  super: "petrol",
  "sans plomb": "petrol",
  e: "petrol",
  es: "petrol",
  بنزين: "petrol",
  diesel: "diesel",
  gazole: "diesel",
  gasoil: "diesel",
  "gas oil": "diesel",
  gazoil: "diesel",
  mazout: "diesel",
  d: "diesel",
  ديزل: "diesel",
  مازوت: "diesel",
  قازوال: "diesel",
  hybrid: "hybrid",
  hybride: "hybrid",
  hev: "hybrid",
  "full hybrid": "hybrid",
  "mild hybrid": "hybrid",
  mhev: "hybrid",
  "hybride essence": "hybrid",
  "petrol hybrid": "hybrid",
  "gasoline hybrid": "hybrid",
  "diesel hybrid": "hybrid",
  "hybrid electric": "hybrid",
  "hybride diesel": "hybrid",
  "essence hybride": "hybrid",
  "diesel hybride": "hybrid",
  "plug in hybrid": "plug_in_hybrid",
  "plug in": "plug_in_hybrid",
  phev: "plug_in_hybrid",
  "hybride rechargeable": "plug_in_hybrid",
  "plug in hybrid electric": "plug_in_hybrid",
  electric: "electric",
  electrique: "electric",
  ev: "electric",
  bev: "electric",
  elektro: "electric",
  electricity: "electric",
  "battery electric": "electric",
  "full electric": "electric",
  كهرباء: "electric",
  كهربائي: "electric",
  lpg: "lpg",
  gpl: "lpg",
  autogas: "lpg",
  "liquefied petroleum gas": "lpg",
  "essence gpl": "petrol_lpg",
  "essence et gpl": "petrol_lpg",
  "petrol lpg": "petrol_lpg",
  bicarburation: "petrol_lpg",
  "bi carburation": "petrol_lpg",
  bifuel: "petrol_lpg",
  "bi fuel": "petrol_lpg",
  cng: "cng",
  gnv: "cng",
  "gaz naturel": "cng",
  "natural gas": "cng",
  "compressed natural gas": "cng",
  "gaz naturel vehicule": "cng",
  // flex-fuel: petrol engines that also run on ethanol (E85); kept apart, their fuel system parts differ
  flex: "flex",
  "flex fuel": "flex",
  flexfuel: "flex",
  ffv: "flex",
  ethanol: "flex",
  bioethanol: "flex",
  e85: "flex",
  superethanol: "flex",
  "superethanol e85": "flex",
  "essence ethanol": "flex",
  "gasoline ethanol": "flex",
  "petrol ethanol": "flex",
}

/** Canonical fuel for a cell ("Gazole" → diesel, "Essence/GPL" → petrol_lpg), or an error listing what is accepted. */
export function parseFuel(cell: string): Parsed<Fuel | null> {
  const words = normalizeWords(cell)
  if (!words) {
    return { value: null }
  }
  const fuel =
    FUEL_ALIASES[words] ??
    ((FUELS as readonly string[]).includes(words.replace(/ /g, "_"))
      ? (words.replace(/ /g, "_") as Fuel)
      : undefined)
  if (!fuel) {
    return {
      error: `unknown fuel "${cell.trim()}" (accepted: essence/petrol/gasoline, diesel/gazole, hybride/hybrid, hybride rechargeable/plug-in hybrid, électrique/electric, GPL/LPG, essence/GPL, GNV/natural gas, flex/ethanol)`,
    }
  }
  return { value: fuel }
}

export const POSITIONS = [
  "front",
  "rear",
  "left",
  "right",
  "front_left",
  "front_right",
  "rear_left",
  "rear_right",
] as const
export type Position = (typeof POSITIONS)[number]

const AXLE: Record<string, "front" | "rear"> = {
  front: "front",
  avant: "front",
  av: "front",
  f: "front",
  rear: "rear",
  arriere: "rear",
  ar: "rear",
  r: "rear",
  back: "rear",
}
const SIDE: Record<string, "left" | "right"> = {
  left: "left",
  gauche: "left",
  g: "left",
  l: "left",
  lh: "left",
  right: "right",
  droite: "right",
  droit: "right",
  d: "right",
  rh: "right",
}
/** Glued French abbreviations seen in parts catalogues. */
const GLUED_POSITIONS: Record<string, Position> = {
  avg: "front_left",
  avd: "front_right",
  arg: "rear_left",
  ard: "rear_right",
  fl: "front_left",
  fr: "front_right",
  rl: "rear_left",
  rr: "rear_right",
}

/** Position: front/rear/left/right and combinations; French avant/arrière/gauche/droite, AV/AR, AVG/ARD. */
export function parsePosition(cell: string): Parsed<Position | null> {
  const words = normalizeWords(cell)
    .replace(/\b(essieu|axle|cote|side|cote)\b/g, "")
    .trim()
  if (!words) {
    return { value: null }
  }
  if (GLUED_POSITIONS[words.replace(/ /g, "")]) {
    return { value: GLUED_POSITIONS[words.replace(/ /g, "")] }
  }
  let axle: "front" | "rear" | undefined
  let side: "left" | "right" | undefined
  for (const word of words.split(" ")) {
    if (AXLE[word] && !axle) {
      axle = AXLE[word]
    } else if (SIDE[word] && !side) {
      side = SIDE[word]
    } else {
      return {
        error: `unknown position "${cell.trim()}" (accepted: front, rear, left, right, front left…, or avant, arrière, gauche, droite)`,
      }
    }
  }
  if (axle && side) {
    return { value: `${axle}_${side}` as Position }
  }
  return { value: (axle ?? side) as Position }
}

const TRUE_WORDS = new Set([
  "true",
  "1",
  "oui",
  "yes",
  "y",
  "o",
  "vrai",
  "x",
  "universal",
  "universel",
  "universelle",
])
const FALSE_WORDS = new Set(["false", "0", "non", "no", "n", "faux"])

/** Boolean cell: true/1/oui/yes/x and false/0/non/no; empty is false. */
export function parseBoolean(cell: string): Parsed<boolean> {
  const words = normalizeWords(cell)
  if (!words || FALSE_WORDS.has(words)) {
    return { value: false }
  }
  if (TRUE_WORDS.has(words)) {
    return { value: true }
  }
  return {
    error: `"${cell.trim()}" is not a yes/no value (accepted: true/1/oui/yes or false/0/non/no)`,
  }
}
