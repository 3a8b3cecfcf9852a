/**
 * Offline VIN check (ISO 3779 / ISO 3780, and the North-American check digit of 49 CFR 565).
 *
 * A VIN is WMI (3, maker) + VDS (6, the 9th being the check digit where it is used) + VIS (8, the first
 * being the model year where it is used). European makers are not bound to the check digit nor to the
 * model-year letter, so the check digit is reported as "not_applicable" when it does not match there.
 */

export type CheckDigitStatus = "valid" | "invalid" | "not_applicable"

export type VinRegion =
  "africa" | "asia" | "europe" | "north_america" | "oceania" | "south_america"

export interface VinError {
  field: "vin"
  reason: string
}

export interface DecodedVin {
  valid: true
  vin: string
  wmi: string
  vds: string
  vis: string
  region: VinRegion | null
  /** Make from the WMI table (our canonical names, see normalize.ts), null when the WMI is not in the table. */
  make: string | null
  check_digit: CheckDigitStatus
  /** The check digit computed from the other 16 characters ("0"–"9" or "X"). */
  check_digit_expected: string
  /** Years the model-year character can stand for, oldest first (empty when position 10 holds no year code). */
  model_year_candidates: number[]
  /** Characters 12–17: the serial number. */
  serial: string
}

export interface InvalidVin {
  valid: false
  vin: string
  errors: VinError[]
  /** Set when the structure is right but a mandatory check digit (North America, China) does not match. */
  check_digit?: "invalid"
  check_digit_expected?: string
}

export type VinResult = DecodedVin | InvalidVin

export interface VinOptions {
  /** Reference date for the latest plausible model year (current year + 1). Default: now. */
  now?: Date
  /** Oldest plausible model year. Default 1980 (17-character VINs start in 1981). */
  minYear?: number
}

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
}

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

/** Model-year codes of position 10, in order from 1980 (A) to 2009 (9); the cycle repeats every 30 years. */
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"

/**
 * WMI → make. Three-character entries win over two-character prefixes ("JTH" Lexus before "JT" Toyota).
 * Only codes we are sure of; unknown WMIs give make null rather than a guess.
 */
export const WMI_MAKES: Record<string, string> = {
  // France
  VF3: "Peugeot",
  VR3: "Peugeot",
  VF7: "Citroën",
  VR7: "Citroën",
  VR1: "DS",
  VF1: "Renault",
  VF6: "Renault",
  VF8: "Renault",
  VXK: "Opel",
  VNK: "Toyota",
  // Romania, Morocco
  UU1: "Dacia",
  UU3: "Dacia",
  // Germany
  WVW: "Volkswagen",
  WV1: "Volkswagen",
  WV2: "Volkswagen",
  WV3: "Volkswagen",
  WVG: "Volkswagen",
  WAU: "Audi",
  WA1: "Audi",
  WUA: "Audi",
  WBA: "BMW",
  WBS: "BMW",
  WBY: "BMW",
  WMW: "Mini",
  WDB: "Mercedes-Benz",
  WDD: "Mercedes-Benz",
  WDC: "Mercedes-Benz",
  WDF: "Mercedes-Benz",
  W1K: "Mercedes-Benz",
  W1N: "Mercedes-Benz",
  W1V: "Mercedes-Benz",
  W1W: "Mercedes-Benz",
  WME: "Smart",
  WF0: "Ford",
  W0L: "Opel",
  W0V: "Opel",
  WP0: "Porsche",
  WP1: "Porsche",
  // Spain
  VSS: "SEAT",
  VSK: "Nissan",
  VWA: "Nissan",
  VSA: "Mercedes-Benz",
  VS6: "Ford",
  VS7: "Citroën",
  // Czech Republic, Slovakia, Hungary
  TMB: "Skoda",
  TMA: "Hyundai",
  U5Y: "Kia",
  TSM: "Suzuki",
  TRU: "Audi",
  // Italy
  ZFA: "Fiat",
  ZAR: "Alfa Romeo",
  ZLA: "Lancia",
  ZCF: "Iveco",
  ZAC: "Jeep",
  // United Kingdom
  SJN: "Nissan",
  SB1: "Toyota",
  SAL: "Land Rover",
  SAJ: "Jaguar",
  SHH: "Honda",
  SAR: "MG",
  // Sweden, Russia
  YV1: "Volvo",
  XTA: "Lada",
  // Turkey
  NLH: "Hyundai",
  NMT: "Toyota",
  NM0: "Ford",
  NM4: "Fiat",
  NMB: "Mercedes-Benz",
  // Japan
  JTH: "Lexus",
  JTJ: "Lexus",
  JN1: "Nissan",
  JN6: "Nissan",
  JN8: "Nissan",
  JAA: "Isuzu",
  JAL: "Isuzu",
  JMB: "Mitsubishi",
  JMY: "Mitsubishi",
  JA3: "Mitsubishi",
  JA4: "Mitsubishi",
  JM1: "Mazda",
  JMZ: "Mazda",
  JHM: "Honda",
  JHL: "Honda",
  JF1: "Subaru",
  JF2: "Subaru",
  // Korea
  KNA: "Kia",
  KNC: "Kia",
  KND: "Kia",
  KNE: "Kia",
  KMH: "Hyundai",
  KMF: "Hyundai",
  KMJ: "Hyundai",
  KM8: "Hyundai",
  KPT: "SsangYong",
  KL1: "Chevrolet",
  KLA: "Chevrolet",
  // China
  LVV: "Chery",
  LVU: "Chery",
  LSJ: "MG",
  LGW: "Great Wall",
  LB3: "Geely",
  LGX: "BYD",
  LC0: "BYD",
  LSV: "Volkswagen",
  LFV: "Volkswagen",
  // India, Thailand, South Africa
  MA3: "Suzuki",
  MBH: "Suzuki",
  MA1: "Mahindra",
  MAT: "Tata",
  MAL: "Hyundai",
  MR0: "Toyota",
  MNB: "Ford",
  MNT: "Nissan",
  MMB: "Mitsubishi",
  MPA: "Isuzu",
  AHT: "Toyota",
  AFA: "Ford",
  AAV: "Volkswagen",
  // Americas
  "1FA": "Ford",
  "1FM": "Ford",
  "1FT": "Ford",
  "3FA": "Ford",
  "1G1": "Chevrolet",
  "9BG": "Chevrolet",
  "3VW": "Volkswagen",
  "1VW": "Volkswagen",
  "9BW": "Volkswagen",
  "4T1": "Toyota",
  "4T3": "Toyota",
  "2T1": "Toyota",
  "5NP": "Hyundai",
  "5XY": "Kia",
  "1N4": "Nissan",
  "3N1": "Nissan",
  "5N1": "Nissan",
  "4JG": "Mercedes-Benz",
  "4US": "BMW",
  "5UX": "BMW",
  "1HG": "Honda",
  "1J4": "Jeep",
  "1C4": "Jeep",
  "9BD": "Fiat",
  // two-character prefixes (makers that own the whole range)
  JT: "Toyota",
  JS: "Suzuki",
}

export function vinRegion(firstChar: string): VinRegion | null {
  if (/[A-H]/.test(firstChar)) return "africa"
  if (/[J-R]/.test(firstChar)) return "asia"
  if (/[S-Z]/.test(firstChar)) return "europe"
  if (/[1-5]/.test(firstChar)) return "north_america"
  if (/[67]/.test(firstChar)) return "oceania"
  if (/[89]/.test(firstChar)) return "south_america"
  return null
}

/** Make for a WMI (the first three characters of a VIN), or null. */
export function wmiMake(wmi: string): string | null {
  const code = wmi.toUpperCase()
  return WMI_MAKES[code.slice(0, 3)] ?? WMI_MAKES[code.slice(0, 2)] ?? null
}

/** Check digit ("0"–"9" or "X") of a 17-character VIN made of allowed characters; position 9 is ignored. */
export function computeCheckDigit(vin: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const c = vin[i]
    const value = /\d/.test(c) ? Number(c) : TRANSLITERATION[c]
    if (value === undefined) {
      throw new Error(`character "${c}" at position ${i + 1} has no VIN value`)
    }
    sum += value * WEIGHTS[i]
  }
  const remainder = sum % 11
  return remainder === 10 ? "X" : String(remainder)
}

/**
 * Candidate model years for the character at position 10, within [minYear, now + 1].
 * For North-American VINs, position 7 tells the cycle: a digit means 1980–2009, a letter 2010–2039.
 */
export function modelYearCandidates(
  vin: string,
  options: VinOptions = {}
): number[] {
  const code = vin[9]
  const index = YEAR_CODES.indexOf(code)
  if (index < 0) {
    return []
  }
  const maxYear = (options.now ?? new Date()).getFullYear() + 1
  const minYear = options.minYear ?? 1980
  let years: number[] = []
  for (let year = 1980 + index; year <= maxYear; year += 30) {
    if (year >= minYear) {
      years.push(year)
    }
  }
  if (vinRegion(vin[0]) === "north_america" && vin.length === 17) {
    const secondCycle = /[A-Z]/.test(vin[6])
    years = years.filter((y) =>
      secondCycle ? y >= 2010 && y < 2040 : y < 2010
    )
  }
  return years
}

/** Uppercases and removes spaces, dashes and dots that people type inside a VIN. */
export function cleanVin(input: string): string {
  return input.replace(/[\s\-.]/g, "").toUpperCase()
}

/** Checks and decodes a VIN offline. Never throws on user input: problems come back in `errors`. */
export function decodeVin(input: string, options: VinOptions = {}): VinResult {
  const vin = cleanVin(typeof input === "string" ? input : "")
  const errors: VinError[] = []

  if (!vin) {
    return {
      valid: false,
      vin,
      errors: [{ field: "vin", reason: "VIN is empty" }],
    }
  }
  if (vin.length !== 17) {
    errors.push({
      field: "vin",
      reason: `VIN must have 17 characters, got ${vin.length}`,
    })
  }
  for (let i = 0; i < vin.length; i++) {
    const c = vin[i]
    if (c === "I" || c === "O" || c === "Q") {
      const hint = c === "I" ? "1" : "0"
      errors.push({
        field: "vin",
        reason: `letter ${c} at position ${i + 1} is not allowed in a VIN (I, O and Q are never used; did you mean ${hint}?)`,
      })
    } else if (!/[A-Z0-9]/.test(c)) {
      errors.push({
        field: "vin",
        reason: `character "${c}" at position ${i + 1} is not allowed in a VIN (only A-Z and 0-9)`,
      })
    }
  }
  if (errors.length) {
    return { valid: false, vin, errors }
  }

  const region = vinRegion(vin[0])
  const expected = computeCheckDigit(vin)
  // check digit is mandatory in North America and China; elsewhere only a match means something
  const mandatory = region === "north_america" || vin[0] === "L"
  let checkDigit: CheckDigitStatus
  if (vin[8] === expected) {
    checkDigit = "valid"
  } else if (mandatory) {
    checkDigit = "invalid"
  } else {
    checkDigit = "not_applicable"
  }
  if (checkDigit === "invalid") {
    return {
      valid: false,
      vin,
      check_digit: "invalid",
      check_digit_expected: expected,
      errors: [
        {
          field: "vin",
          reason: `check digit at position 9 is ${vin[8]} but the other characters give ${expected}: the VIN has a typo`,
        },
      ],
    }
  }

  return {
    valid: true,
    vin,
    wmi: vin.slice(0, 3),
    vds: vin.slice(3, 9),
    vis: vin.slice(9),
    region,
    make: wmiMake(vin),
    check_digit: checkDigit,
    check_digit_expected: expected,
    model_year_candidates: modelYearCandidates(vin, options),
    serial: vin.slice(11),
  }
}
