/**
 * One vehicle per CSV row: column names, validation, and the natural key used to dedupe vehicles
 * within a file and against the database.
 */
import { cleanText } from "@shabou/text"
import { RowError, rowCells } from "./csv-table"
import {
  Body,
  canonicalMake,
  normalizeBody,
  normalizeKey,
  parseModel,
} from "./normalize"
import {
  Fuel,
  hpFromKw,
  kwFromHp,
  parseFuel,
  parseMonth,
  parseNumber,
  parseYearMonth,
  powerConsistent,
} from "./values"

export { REQUIRED_VEHICLE_COLUMNS, VEHICLE_COLUMNS } from "./vehicle-columns"

export interface VehicleRow {
  /** Line in the file (header = 1). */
  row: number
  make: string
  make_key: string
  model: string
  model_key: string
  generation: string | null
  body: Body | null
  year_from: number
  year_to: number | null
  month_from: number | null
  month_to: number | null
  engine: string | null
  engine_code: string | null
  displacement_cc: number | null
  power_hp: number | null
  power_kw: number | null
  fuel: Fuel | null
  ktype: number | null
  /** Natural key, see vehicleKey(). */
  key: string
}

/**
 * A vehicle's own fields, as the admin writes them and the vehicle table stores them (besides make and model),
 * in the order of the export's columns (lib/fitment-export).
 */
export const VEHICLE_FIELDS = [
  "generation",
  "body",
  "year_from",
  "month_from",
  "year_to",
  "month_to",
  "engine",
  "engine_code",
  "displacement_cc",
  "power_hp",
  "power_kw",
  "fuel",
  "ktype",
] as const

/** Fields that can change on an existing vehicle without making it another vehicle. */
export const VEHICLE_UPDATABLE_FIELDS = [
  "year_to",
  "month_from",
  "month_to",
  "displacement_cc",
  "power_hp",
  "power_kw",
  "ktype",
] as const

export interface VehicleKeyInput {
  make: string
  model: string
  generation?: string | null
  body?: string | null
  year_from: number
  engine?: string | null
  engine_code?: string | null
  fuel?: string | null
}

/**
 * Natural key: make key + model key + generation + body + year_from + engine code + engine label + fuel.
 * Make aliases and body/generation words in the model name are resolved first, so "VW Golf VII Variant"
 * and "Volkswagen | golf | VII | estate" give the same key.
 */
export function vehicleKey(v: VehicleKeyInput): string {
  const model = parseModel(v.model)
  const body = v.body
    ? (normalizeBody(v.body) ?? normalizeKey(v.body))
    : (model.body ?? "")
  const generation = v.generation
    ? normalizeKey(v.generation)
    : normalizeKey(model.generation ?? "")
  return [
    canonicalMake(v.make).key,
    model.key,
    generation,
    body,
    v.year_from,
    normalizeKey(v.engine_code ?? ""),
    normalizeKey(v.engine ?? ""),
    v.fuel ?? "",
  ].join("|")
}

export interface VehicleRowOptions {
  now?: Date
  /** Fill power_kw from power_hp and the reverse when only one is given (default true). */
  derivePower?: boolean
}

export type VehicleRowResult =
  { ok: true; vehicle: VehicleRow } | { ok: false; errors: RowError[] }

/**
 * Validates one row given as field → cell. `headers` maps fields to the header as written (for error messages).
 */
export function validateVehicleRow(
  record: Record<string, string>,
  row: number,
  headers: Record<string, string>,
  options: VehicleRowOptions = {}
): VehicleRowResult {
  const { errors, fail, cell, take } = rowCells(record, row, headers)

  const makeText = cell("make")
  if (!makeText) {
    fail("make", "make is missing")
  }
  const modelText = cell("model")
  if (!modelText) {
    fail("model", "model is missing")
  }
  const parsedModel = modelText ? parseModel(modelText) : null
  if (modelText && parsedModel && !parsedModel.key) {
    fail("model", `model "${modelText}" has no letters or digits`)
  }

  let body: Body | null = parsedModel?.body ?? null
  if (cell("body")) {
    const b = normalizeBody(cell("body"))
    if (!b) {
      fail(
        "body",
        `unknown body "${cell("body")}" (accepted e.g. berline, citadine, break/SW, coupé, cabriolet, SUV/4x4, monospace, fourgon/van, pick-up, minibus)`
      )
    } else {
      body = b
    }
  }

  let yearFrom: number | null = null
  let monthFrom: number | null = null
  if (!cell("year_from")) {
    fail("year_from", "year_from is missing")
  } else {
    const y = parseYearMonth(cell("year_from"), { now: options.now })
    if (y.error !== undefined) {
      fail("year_from", y.error)
    } else if (y.value) {
      yearFrom = y.value.year
      monthFrom = y.value.month
    }
  }
  let yearTo: number | null = null
  let monthTo: number | null = null
  const yt = parseYearMonth(cell("year_to"), {
    now: options.now,
    allowOpen: true,
  })
  if (yt.error !== undefined) {
    fail("year_to", yt.error)
  } else if (yt.value) {
    yearTo = yt.value.year
    monthTo = yt.value.month
  }
  for (const [field, current, set] of [
    ["month_from", monthFrom, (m: number) => (monthFrom = m)],
    ["month_to", monthTo, (m: number) => (monthTo = m)],
  ] as const) {
    if (!cell(field)) {
      continue
    }
    const m = parseMonth(cell(field))
    if (m.error !== undefined) {
      fail(field, m.error)
    } else if (m.value !== null) {
      if (current !== null && current !== m.value) {
        fail(
          field,
          `month ${m.value} contradicts the month written in the year column (${current})`
        )
      } else {
        set(m.value)
      }
    }
  }
  if (yearFrom !== null && yearTo !== null) {
    const from = yearFrom * 100 + (monthFrom ?? 1)
    const to = yearTo * 100 + (monthTo ?? 12)
    if (to < from) {
      fail(
        "year_to",
        `year_to ${yearTo}${monthTo ? `-${pad(monthTo)}` : ""} is before year_from ${yearFrom}${monthFrom ? `-${pad(monthFrom)}` : ""}`
      )
    }
  }

  const number = (field: string, opts: Parameters<typeof parseNumber>[1]) =>
    take(field, parseNumber(cell(field), opts))
  const cc = number("displacement_cc", {
    integer: true,
    min: 50,
    max: 20000,
    units: ["cm3", "cm³", "cc"],
  })
  let hp = number("power_hp", {
    min: 1,
    max: 2000,
    units: ["bhp", "hp", "ch", "ps", "cv"],
  })
  let kw = number("power_kw", { min: 1, max: 1500, units: ["kw"] })
  if (hp !== null && kw !== null && !powerConsistent(hp, kw)) {
    fail(
      "power_kw",
      `power_kw ${kw} does not match power_hp ${hp} (expected about ${kwFromHp(hp)} kW; 1 hp = 0.7355 kW)`
    )
  }
  if (options.derivePower !== false) {
    if (hp !== null && kw === null) {
      kw = kwFromHp(hp)
    } else if (kw !== null && hp === null) {
      hp = hpFromKw(kw)
    }
  }
  const ktype = number("ktype", { integer: true, min: 1, max: 999999999 })

  let fuel: Fuel | null = null
  const f = parseFuel(cell("fuel"))
  if (f.error !== undefined) {
    fail("fuel", f.error)
  } else {
    fuel = f.value
  }

  if (errors.length || !parsedModel || yearFrom === null) {
    return { ok: false, errors }
  }

  const make = canonicalMake(makeText)
  const generation = cell("generation")
    ? cell("generation")
    : (parsedModel.generation ?? null)
  const engine = cell("engine") || null
  const engineCode = cell("engine_code")
    ? cell("engine_code").toUpperCase()
    : null
  const vehicle: VehicleRow = {
    row,
    make: make.name,
    make_key: make.key,
    model: parsedModel.model,
    model_key: parsedModel.key,
    generation,
    body,
    year_from: yearFrom,
    year_to: yearTo,
    month_from: monthFrom,
    month_to: monthTo,
    engine: engine ? tidyEngine(engine) : null,
    engine_code: engineCode,
    displacement_cc: cc,
    power_hp: hp,
    power_kw: kw,
    fuel,
    ktype,
    key: "",
  }
  vehicle.key = vehicleKey(vehicle)
  return { ok: true, vehicle }
}

/** "1.5 DCI" stays readable; only collapses spaces (engine labels are mixed-case on purpose: "1.6 HDi"). */
function tidyEngine(value: string): string {
  return cleanText(value)
}

function pad(n: number): string {
  return String(n).padStart(2, "0")
}
