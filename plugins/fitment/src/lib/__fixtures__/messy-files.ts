/**
 * Test-file generator: real-world-shaped vehicle and fitment CSVs of any size, with messy spellings,
 * duplicates written differently, malformed rows at known lines, BOM and semicolons.
 *
 * The generator knows what it wrote (the distinct vehicles, the duplicate lines, the broken lines and the
 * column each one breaks), so tests compare the parser's answer with that ground truth, not with itself.
 */

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

interface MakeSpec {
  spellings: string[]
  models: Array<{ spellings: string[]; generations: string[] }>
}

const MAKES: MakeSpec[] = [
  {
    spellings: ["Peugeot", "PEUGEOT", "peugeot"],
    models: [
      { spellings: ["208"], generations: ["I", "II"] },
      { spellings: ["206"], generations: ["I"] },
      { spellings: ["308"], generations: ["I", "II", "III"] },
      { spellings: ["Partner", "PARTNER"], generations: ["I", "II", "III"] },
      { spellings: ["301"], generations: ["I"] },
    ],
  },
  {
    spellings: ["Renault", "RENAULT", "renault"],
    models: [
      {
        spellings: ["Clio", "CLIO", "clio"],
        generations: ["II", "III", "IV", "V"],
      },
      {
        spellings: ["Mégane", "Megane", "MEGANE"],
        generations: ["II", "III", "IV"],
      },
      { spellings: ["Kangoo", "KANGOO"], generations: ["I", "II"] },
      { spellings: ["Symbol", "SYMBOL"], generations: ["I", "II"] },
    ],
  },
  {
    spellings: ["Citroën", "Citroen", "CITROEN", "citroën"],
    models: [
      {
        spellings: ["C-Elysée", "C Elysee", "c-elysee", "C-ELYSEE"],
        generations: ["I"],
      },
      { spellings: ["Berlingo", "BERLINGO"], generations: ["I", "II", "III"] },
      { spellings: ["C3", "c3"], generations: ["II", "III"] },
      {
        spellings: ["C4 Picasso", "C4-Picasso", "c4 picasso"],
        generations: ["I", "II"],
      },
    ],
  },
  {
    spellings: ["Volkswagen", "VW", "V.W.", "volkswagen"],
    models: [
      { spellings: ["Golf", "GOLF"], generations: ["IV", "V", "VI", "VII"] },
      { spellings: ["Polo", "POLO"], generations: ["IV", "V", "VI"] },
      { spellings: ["Caddy", "CADDY"], generations: ["III", "IV"] },
    ],
  },
  {
    spellings: [
      "Mercedes-Benz",
      "MERCEDES BENZ",
      "mercedes benz",
      "Mercedes",
      "MB",
    ],
    models: [
      {
        spellings: ["Classe C", "CLASSE C", "classe-c"],
        generations: ["W203", "W204", "W205"],
      },
      { spellings: ["Sprinter", "SPRINTER"], generations: ["II", "III"] },
      { spellings: ["Vito", "VITO"], generations: ["II", "III"] },
    ],
  },
  {
    spellings: ["Škoda", "Skoda", "SKODA"],
    models: [
      { spellings: ["Octavia", "OCTAVIA"], generations: ["II", "III", "IV"] },
      { spellings: ["Fabia", "FABIA"], generations: ["II", "III"] },
    ],
  },
  {
    spellings: ["Kia", "KIA", "Kia Motors"],
    models: [
      { spellings: ["Picanto", "PICANTO"], generations: ["II", "III"] },
      { spellings: ["Rio", "RIO"], generations: ["III", "IV"] },
    ],
  },
  {
    spellings: ["Hyundai", "HYUNDAI", "Hyunday"],
    models: [
      { spellings: ["i10", "I10"], generations: ["I", "II", "III"] },
      { spellings: ["Accent", "ACCENT"], generations: ["III", "IV"] },
    ],
  },
  {
    spellings: ["Dacia", "DACIA"],
    models: [
      { spellings: ["Logan", "LOGAN"], generations: ["I", "II"] },
      { spellings: ["Sandero", "SANDERO"], generations: ["I", "II", "III"] },
    ],
  },
  {
    spellings: ["Fiat", "FIAT"],
    models: [
      { spellings: ["Doblò", "Doblo", "DOBLO"], generations: ["I", "II"] },
      { spellings: ["Punto", "PUNTO"], generations: ["II", "III"] },
    ],
  },
  {
    spellings: ["SEAT", "Seat", "seat"],
    models: [
      { spellings: ["Ibiza", "IBIZA"], generations: ["III", "IV", "V"] },
    ],
  },
  {
    spellings: ["Toyota", "TOYOTA"],
    models: [
      { spellings: ["Hilux", "HILUX"], generations: ["VI", "VII", "VIII"] },
    ],
  },
  {
    spellings: ["Great Wall", "GWM", "great-wall"],
    models: [{ spellings: ["Wingle", "WINGLE"], generations: ["V", "VII"] }],
  },
]

/** Body: the body column spellings, and suffixes people write into the model name instead. */
const BODIES: Array<{ body: string; column: string[]; suffix: string[] }> = [
  {
    body: "hatchback",
    column: ["5 portes", "Hayon", "hatchback"],
    suffix: ["5 portes", "5P"],
  },
  {
    body: "estate",
    column: ["Break", "SW", "break"],
    suffix: ["SW", "Estate", "Break", "Variant"],
  },
  {
    body: "van",
    column: ["Fourgon", "Van", "fourgonnette"],
    suffix: ["Van", "Fourgon"],
  },
  {
    body: "sedan",
    column: ["Berline", "berline 4 portes", "Sedan"],
    suffix: ["Berline", "Sedan"],
  },
]

const ENGINES: Array<{
  labels: string[]
  code: string
  cc: number
  hp: number
  fuel: string[]
  canonicalFuel: string
}> = [
  {
    labels: ["1.5 dCi", "1.5 DCI", "1,5 dci"],
    code: "K9K",
    cc: 1461,
    hp: 90,
    fuel: ["Diesel", "Gazole", "gasoil"],
    canonicalFuel: "diesel",
  },
  {
    labels: ["1.5 dCi 110", "1.5 DCI 110"],
    code: "K9K",
    cc: 1461,
    hp: 110,
    fuel: ["Diesel", "GAZOLE"],
    canonicalFuel: "diesel",
  },
  {
    labels: ["1.6 HDi", "1.6 HDI", "1,6 hdi"],
    code: "9HX",
    cc: 1560,
    hp: 90,
    fuel: ["Diesel", "Gasoil"],
    canonicalFuel: "diesel",
  },
  {
    labels: ["1.2 PureTech", "1.2 PURETECH"],
    code: "HMZ",
    cc: 1199,
    hp: 82,
    fuel: ["Essence", "essence", "Petrol"],
    canonicalFuel: "petrol",
  },
  {
    labels: ["1.4 i", "1.4i", "1.4 I"],
    code: "KFV",
    cc: 1360,
    hp: 75,
    fuel: ["Essence", "Gasoline"],
    canonicalFuel: "petrol",
  },
  {
    labels: ["1.6 16V", "1.6 16v"],
    code: "K4M",
    cc: 1598,
    hp: 110,
    fuel: ["Essence", "ESSENCE"],
    canonicalFuel: "petrol",
  },
  {
    labels: ["2.0 TDI", "2.0 tdi", "2,0 TDI"],
    code: "CFHC",
    cc: 1968,
    hp: 140,
    fuel: ["Diesel"],
    canonicalFuel: "diesel",
  },
  {
    labels: ["1.0 MPI", "1.0 mpi"],
    code: "G3LA",
    cc: 998,
    hp: 67,
    fuel: ["Essence"],
    canonicalFuel: "petrol",
  },
  {
    labels: ["1.4 GPL", "1.4 gpl"],
    code: "",
    cc: 1368,
    hp: 77,
    fuel: ["Essence/GPL", "essence-gpl"],
    canonicalFuel: "petrol_lpg",
  },
]

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
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]
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

export interface FitmentFile {
  csv: string
  /** Distinct (sku, vehicle ktype, position) links the file asks for. */
  links: number
  broken: BrokenLine[]
}

/**
 * Fitment file naming vehicles by KType or by make/model/years, with French positions and notes.
 * `skus` must exist in the product snapshot of the test; `vehicles` come from generateVehicleFile().
 */
export function generateFitmentFile(
  vehicles: TruthVehicle[],
  skus: string[],
  rows: number,
  seed = 7
): FitmentFile {
  const rand = prng(seed)
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]
  const header = ["SKU", "KType", "Position", "Qté", "Note", "Universel"]
  const lines = [header.join(",")]
  const seen = new Set<string>()
  const broken: BrokenLine[] = []
  const positions = ["avant", "Arrière", "AV", "front", ""]
  const canonical: Record<string, string> = {
    avant: "front",
    Arrière: "rear",
    AV: "front",
    front: "front",
    "": "",
  }
  while (lines.length - 1 < rows) {
    const line = lines.length + 1
    if (line % 997 === 0) {
      lines.push(`SKU-DOES-NOT-EXIST-${line},${vehicles[0].ktype},avant,2,,`)
      broken.push({ line, column: "SKU", reason: /no product with sku/ })
      continue
    }
    if (line % 1999 === 0) {
      lines.push(
        `${skus[0]},${vehicles[line % vehicles.length].ktype},en haut,1,,`
      )
      broken.push({ line, column: "Position", reason: /unknown position/ })
      continue
    }
    const sku = pick(skus)
    const vehicle = pick(vehicles)
    const position = pick(positions)
    const key = `${sku}|${vehicle.ktype}|${canonical[position]}`
    if (seen.has(key)) {
      continue
    }
    seen.add(key)
    const note =
      rand() < 0.2 ? '"Sauf modèles avec ABS, vérifier le diamètre"' : ""
    lines.push(
      [
        sku.toLowerCase(),
        vehicle.ktype,
        position,
        rand() < 0.5 ? "2" : "1",
        note,
        "",
      ].join(",")
    )
  }
  // quantities are random, so a link must be written once: collisions are skipped above
  return { csv: lines.join("\n") + "\n", links: seen.size, broken }
}
