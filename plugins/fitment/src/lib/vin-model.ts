/**
 * What a VIN says beyond its maker and model year: the model (and body) from the VDS, the engine where the
 * maker writes it there (PSA), the plant, position by position, each with how sure it is. Offline, from the
 * table in ./data/vin-patterns.json (every row names its public source).
 */
import patterns from "./data/vin-patterns.json"
import { DecodedVin } from "./vin"

/** certain: fixed by ISO 3779/3780 or the WMI; probable: from the table, used to narrow; possible: shown only. */
export type VinConfidence = "certain" | "probable" | "possible"

export type VinPart =
  | "wmi"
  | "model"
  | "engine"
  | "vds"
  | "check_digit"
  | "model_year"
  | "plant"
  | "serial"

export interface VinPosition {
  /** "1-3", "4-5", "9"… (1-based, inclusive) */
  positions: string
  part: VinPart
  value: string
  /** What the characters mean, in French; null when not decoded. */
  meaning: string | null
  /** null when the characters were not decoded. */
  confidence: VinConfidence | null
  source: string | null
}

export interface ModelTarget {
  model: string
  generation?: string | null
}

export interface VinModel {
  code: string
  positions: string
  /** Readable names, "Golf IV", "Bora". */
  names: string[]
  targets: ModelTarget[]
  body: string | null
  confidence: VinConfidence
  source: string
}

export interface VinEngine {
  code: string
  positions: string
  meaning: string
  confidence: VinConfidence
  source: string
}

export interface VinPlant {
  code: string
  name: string | null
  confidence: VinConfidence | null
  source: string | null
}

export interface VinDetails {
  model: VinModel | null
  engine: VinEngine | null
  plant: VinPlant
  positions: VinPosition[]
}

interface MakerRule {
  make: string
  wmi: string[]
  model_positions: string
  engine_positions: string | null
  engine_meaning: string | null
  model_year: "certain" | "probable"
  check_digit: "used" | "not_used" | "north_america_only"
  source: string
}

interface ModelRow {
  make: string
  wmi?: string[]
  codes: string[]
  models: ModelTarget[]
  body: string | null
  confidence: VinConfidence
  source: string
}

interface PlantRow {
  make: string
  code: string
  plant: string
  confidence: VinConfidence
  source: string
}

export const VIN_MAKERS = patterns.makers as MakerRule[]
export const VIN_MODELS = patterns.models as ModelRow[]
export const VIN_PLANTS = patterns.plants as PlantRow[]

const STRUCTURE_SOURCE =
  "ISO 3779 / ISO 3780 VIN structure (WMI 1-3, VDS 4-9, VIS 10-17), as summarised in Wikipedia 'Vehicle identification number'"
const CHECK_DIGIT_SOURCE =
  "49 CFR 565.15 (NHTSA): check digit in position 9, weights 8-7-6-5-4-3-2-10-0-9-8-7-6-5-4-3-2, modulo 11"
const YEAR_SOURCE =
  "ISO 3779 / 49 CFR 565.15 model-year code in position 10 (A = 1980 or 2010 … 9 = 2009 or 2039)"

/** "4-5" → [3, 5] (slice bounds). */
export function positionSlice(positions: string): [number, number] {
  const m = positions.match(/^(\d+)(?:-(\d+))?$/)
  if (!m) {
    throw new Error(`positions "${positions}" is not "N" or "N-M"`)
  }
  const from = Number(m[1])
  const to = m[2] ? Number(m[2]) : from
  return [from - 1, to]
}

function read(vin: string, positions: string): string {
  const [a, b] = positionSlice(positions)
  return vin.slice(a, b)
}

/** The maker rule for a VIN's WMI, or null. */
export function makerRule(wmi: string): MakerRule | null {
  return VIN_MAKERS.find((m) => m.wmi.includes(wmi.toUpperCase())) ?? null
}

function label(target: ModelTarget): string {
  return target.generation
    ? `${target.model} ${target.generation}`
    : target.model
}

/** Model, engine and plant from the table, plus the meaning of every position. */
export function decodeVinDetails(decoded: DecodedVin): VinDetails {
  const vin = decoded.vin
  const rule = makerRule(decoded.wmi)
  const positions: VinPosition[] = []

  positions.push({
    positions: "1-3",
    part: "wmi",
    value: decoded.wmi,
    meaning: decoded.make ? `constructeur : ${decoded.make}` : null,
    confidence: decoded.make ? "certain" : null,
    source: decoded.make ? STRUCTURE_SOURCE : null,
  })

  let model: VinModel | null = null
  let engine: VinEngine | null = null
  if (rule) {
    const code = read(vin, rule.model_positions)
    const row = VIN_MODELS.find(
      (r) =>
        r.make === rule.make &&
        (!r.wmi || r.wmi.includes(decoded.wmi)) &&
        r.codes.includes(code)
    )
    if (row) {
      model = {
        code,
        positions: rule.model_positions,
        names: row.models.map(label),
        targets: row.models.map((t) => ({
          model: t.model,
          generation: t.generation ?? null,
        })),
        body: row.body,
        confidence: row.confidence,
        source: row.source,
      }
    }
    positions.push({
      positions: rule.model_positions,
      part: "model",
      value: code,
      meaning: model
        ? `modèle : ${model.names.join(" ou ")}${model.body ? ` (${model.body})` : ""}`
        : null,
      confidence: model ? model.confidence : null,
      source: model ? model.source : null,
    })
    if (rule.engine_positions) {
      const engineCode = read(vin, rule.engine_positions)
      // an engine type code is 3 letters/digits; PSA never writes a filler there
      engine = {
        code: engineCode,
        positions: rule.engine_positions,
        meaning: rule.engine_meaning ?? "code moteur",
        confidence: "probable",
        source: rule.source,
      }
      positions.push({
        positions: rule.engine_positions,
        part: "engine",
        value: engineCode,
        meaning: `moteur : code ${engineCode}`,
        confidence: "probable",
        source: rule.source,
      })
    }
  }
  // VDS characters not read above (up to position 8; 9 is the check digit)
  for (const span of remainingVdsSpans(rule)) {
    positions.push({
      positions: span,
      part: "vds",
      value: read(vin, span),
      meaning: null,
      confidence: null,
      source: null,
    })
  }

  const check = vin[8]
  let checkMeaning: string
  let checkConfidence: VinConfidence | null = "certain"
  if (decoded.check_digit === "valid") {
    checkMeaning = "chiffre de contrôle juste"
  } else if (rule && rule.check_digit === "used") {
    checkMeaning = `ne correspond pas au chiffre de contrôle calculé (${decoded.check_digit_expected}) : faute de frappe probable`
    checkConfidence = "probable"
  } else {
    checkMeaning = `pas de chiffre de contrôle chez ce constructeur hors Amérique du Nord (le calcul donnerait ${decoded.check_digit_expected})`
    checkConfidence = rule ? "probable" : null
  }
  positions.push({
    positions: "9",
    part: "check_digit",
    value: check,
    meaning: checkMeaning,
    confidence: checkConfidence,
    source: CHECK_DIGIT_SOURCE,
  })

  const years = decoded.model_year_candidates
  positions.push({
    positions: "10",
    part: "model_year",
    value: vin[9],
    meaning: years.length ? `année modèle : ${years.join(" ou ")}` : null,
    confidence: years.length ? (rule ? rule.model_year : "probable") : null,
    source: years.length ? YEAR_SOURCE : null,
  })

  const plantRow = rule
    ? VIN_PLANTS.find((p) => p.make === rule.make && p.code === vin[10])
    : undefined
  const plant: VinPlant = {
    code: vin[10],
    name: plantRow?.plant ?? null,
    confidence: plantRow?.confidence ?? null,
    source: plantRow?.source ?? null,
  }
  positions.push({
    positions: "11",
    part: "plant",
    value: vin[10],
    meaning: plantRow ? `usine : ${plantRow.plant}` : null,
    confidence: plant.confidence,
    source: plant.source,
  })
  positions.push({
    positions: "12-17",
    part: "serial",
    value: decoded.serial,
    meaning: "numéro de série",
    confidence: "certain",
    source: STRUCTURE_SOURCE,
  })

  positions.sort(
    (a, b) => positionSlice(a.positions)[0] - positionSlice(b.positions)[0]
  )
  return { model, engine, plant, positions }
}

/** The spans of positions 4-8 that the maker rule does not read, e.g. ["4-6"] for VW (model in 7-8). */
function remainingVdsSpans(rule: MakerRule | null): string[] {
  const used = new Set<number>()
  for (const span of rule
    ? [rule.model_positions, rule.engine_positions]
    : []) {
    if (span) {
      const [a, b] = positionSlice(span)
      for (let p = a + 1; p <= b; p++) {
        used.add(p)
      }
    }
  }
  const spans: string[] = []
  let start: number | null = null
  for (let p = 4; p <= 9; p++) {
    const free = p <= 8 && !used.has(p)
    if (free && start === null) {
      start = p
    } else if (!free && start !== null) {
      spans.push(start === p - 1 ? String(start) : `${start}-${p - 1}`)
      start = null
    }
  }
  return spans
}
