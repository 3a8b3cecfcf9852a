/** The vehicles file of messy-files.ts: its lines, and what each one should give (the ground truth). */
import { BODIES, ENGINES, MAKES } from "./messy-vehicle-data"

/** Deterministic PRNG (mulberry32) so every run produces the same file. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random pick from a list, with `rand`. */
export function picker(rand: () => number) {
  return <T>(list: T[]): T => list[Math.floor(rand() * list.length)]
}

export const VEHICLE_HEADER = [
  "Marque",
  "Modèle",
  "Génération",
  "Carrosserie",
  "Année début",
  "Année fin",
  "Moteur",
  "Code moteur",
  "Cylindrée",
  "CH",
  "kW",
  "Carburant",
  "KType",
  "Commentaire interne",
]

/** The distinct vehicle behind a line, in canonical terms (what the parser should find). */
export interface TruthVehicle {
  makeIndex: number
  modelIndex: number
  generation: string
  body: string
  year_from: number
  year_to: number | null
  engineIndex: number
  ktype: number
  /** Canonical identity, for the test to count distinct vehicles. */
  id: string
}

export interface BrokenLine {
  line: number
  /** Header of the column the error must name. */
  column: string
  reason: RegExp
}

export interface VehicleFile {
  csv: string
  vehicles: TruthVehicle[]
  /** Lines that repeat a vehicle with another spelling → duplicates. */
  duplicateLines: number[]
  broken: BrokenLine[]
  /** Data lines written (header excluded, blank lines excluded). */
  dataLines: number
}

export interface VehicleFileOptions {
  /** Distinct vehicles to write (default 20,000). */
  vehicles?: number
  duplicates?: number
  seed?: number
  delimiter?: "," | ";"
  bom?: boolean
  /** Reference year: the latest vehicles run until now (year_to empty). */
  currentYear?: number
}

export function generateVehicleFile(
  options: VehicleFileOptions = {}
): VehicleFile {
  const rand = prng(options.seed ?? 42)
  const pick = picker(rand)
  const target = options.vehicles ?? 20000
  const currentYear = options.currentYear ?? 2025
  const d = options.delimiter ?? ";"

  // every distinct (make, model, generation, body, year_from, engine) tuple, in a shuffled but fixed order
  const all: TruthVehicle[] = []
  let ktype = 10000
  MAKES.forEach((make, mi) =>
    make.models.forEach((model, oi) =>
      model.generations.forEach((generation, gi) =>
        BODIES.forEach((body) =>
          ENGINES.forEach((_, ei) => {
            // each generation is split in yearly phases, so one model has many distinct vehicles
            const start = 1996 + gi * 6 + (mi % 3)
            for (let phase = 0; phase < 8; phase++) {
              const yearFrom = start + phase
              const lastGen = gi === model.generations.length - 1
              const yearTo =
                lastGen && phase === 7
                  ? null
                  : Math.min(yearFrom + 1 + (phase % 3), currentYear)
              all.push({
                makeIndex: mi,
                modelIndex: oi,
                generation,
                body: body.body,
                year_from: yearFrom,
                year_to:
                  yearTo !== null && yearTo < yearFrom ? yearFrom : yearTo,
                engineIndex: ei,
                ktype: ktype++,
                id: `${mi}|${oi}|${generation}|${body.body}|${yearFrom}|${ei}`,
              })
            }
          })
        )
      )
    )
  )
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  if (all.length < target) {
    throw new Error(`the generator knows only ${all.length} distinct vehicles`)
  }
  const vehicles = all.slice(0, target)

  const lines: string[] = [VEHICLE_HEADER.join(d)]
  const duplicateLines: number[] = []
  const broken: BrokenLine[] = []
  const q = (cell: string) =>
    cell.includes(d) || cell.includes('"')
      ? `"${cell.replace(/"/g, '""')}"`
      : cell
  const render = (v: TruthVehicle): string[] => {
    const make = MAKES[v.makeIndex]
    const model = make.models[v.modelIndex]
    const body = BODIES.find((b) => b.body === v.body)!
    const engine = ENGINES[v.engineIndex]
    let modelCell = pick(model.spellings)
    let generationCell = v.generation
    let bodyCell = pick(body.column)
    const r = rand()
    // roman generations are sometimes written into the model name ("Clio IV"), bodies too ("206 SW")
    if (/^[IVX]+$/.test(v.generation) && r < 0.4) {
      // lower case only for numerals of two letters or more: a lone "i" or "v" is not read as a generation
      modelCell = `${modelCell} ${rand() < 0.8 || v.generation.length < 2 ? v.generation : v.generation.toLowerCase()}`
      generationCell = ""
    }
    if (rand() < 0.35) {
      modelCell = `${modelCell} ${pick(body.suffix)}`
      bodyCell = ""
    }
    const kw = Math.round(engine.hp * 0.7355)
    const power = rand()
    return [
      pick(make.spellings),
      modelCell,
      generationCell,
      bodyCell,
      String(v.year_from),
      v.year_to === null ? pick(["", "en cours", "-"]) : String(v.year_to),
      pick(engine.labels),
      engine.code,
      pick([String(engine.cc), `${engine.cc} cc`]),
      power < 0.7 ? String(engine.hp) : "",
      power > 0.3 ? String(kw) : "",
      pick(engine.fuel),
      String(v.ktype),
      rand() < 0.1 ? "vérifié; stock" : "",
    ]
  }
  // lines keep the same power columns when a vehicle is repeated, so a repeat is a true duplicate
  const written = new Map<string, string[]>()
  const duplicates = options.duplicates ?? 300
  const brokenEvery = Math.max(50, Math.floor(target / 40))
  let brokenKind = 0
  for (let i = 0; i < vehicles.length; i++) {
    const cells = render(vehicles[i])
    written.set(vehicles[i].id, cells)
    lines.push(cells.map(q).join(d))
    if (i > 0 && i % brokenEvery === 0) {
      const bad = breakRow(
        render(vehicles[(i * 7) % vehicles.length]),
        brokenKind++,
        currentYear
      )
      lines.push(bad.cells.map(q).join(d))
      broken.push({
        line: lines.length,
        column: bad.column,
        reason: bad.reason,
      })
    }
    if (
      i > 0 &&
      i % Math.max(1, Math.floor(target / duplicates)) === 0 &&
      duplicateLines.length < duplicates
    ) {
      const earlier = vehicles[Math.floor(rand() * i)]
      const again = render(earlier)
      const first = written.get(earlier.id)!
      // same values, other spellings: keep the numbers of the first line
      again[4] = first[4]
      again[5] = first[5]
      again[8] = first[8]
      again[9] = first[9]
      again[10] = first[10]
      again[12] = first[12]
      lines.push(again.map(q).join(d))
      duplicateLines.push(lines.length)
    }
    if (i % 5000 === 4999) {
      lines.push("") // blank lines are skipped but still count as lines
    }
  }
  const csv =
    (options.bom === false ? "" : "\ufeff") + lines.join("\r\n") + "\r\n"
  return {
    csv,
    vehicles,
    duplicateLines,
    broken,
    dataLines: lines.filter((l, i) => i > 0 && l !== "").length,
  }
}

const COLUMN = Object.fromEntries(VEHICLE_HEADER.map((h, i) => [h, i]))

function breakRow(
  cells: string[],
  kind: number,
  currentYear: number
): { cells: string[]; column: string; reason: RegExp } {
  const c = [...cells]
  switch (kind % 8) {
    case 0:
      c[COLUMN["Marque"]] = ""
      return { cells: c, column: "Marque", reason: /make is missing/ }
    case 1:
      c[COLUMN["Année début"]] = "deux mille dix"
      return { cells: c, column: "Année début", reason: /is not a year/ }
    case 2:
      c[COLUMN["Année début"]] = "2015"
      c[COLUMN["Année fin"]] = "2009"
      return {
        cells: c,
        column: "Année fin",
        reason: /year_to 2009 is before year_from 2015/,
      }
    case 3:
      c[COLUMN["Année début"]] = String(currentYear + 5)
      c[COLUMN["Année fin"]] = ""
      return { cells: c, column: "Année début", reason: /is outside 1950\.\./ }
    case 4:
      c[COLUMN["Cylindrée"]] = "-1598"
      return { cells: c, column: "Cylindrée", reason: /negative/ }
    case 5:
      c[COLUMN["CH"]] = "90"
      c[COLUMN["kW"]] = "120"
      return { cells: c, column: "kW", reason: /does not match power_hp 90/ }
    case 6:
      c[COLUMN["Carburant"]] = "Kérosène"
      return { cells: c, column: "Carburant", reason: /unknown fuel/ }
    default:
      c[COLUMN["Modèle"]] = ""
      return { cells: c, column: "Modèle", reason: /model is missing/ }
  }
}
