/**
 * Parses a daily weather file `date,governorate,temperature,rain` completely and reports every bad
 * row (row = line number in the file, header is row 1): the file is used whole or not at all.
 * temperature = the day's mean in °C, rain = the day's rain in mm.
 */
import { readCsvRecords, RowError } from "./sales-csv"

export type WeatherDay = {
  date: string
  governorate: string
  temperature: number
  rain: number
}

export type ParsedWeather = {
  rows: (WeatherDay & { row: number })[]
  errors: RowError[]
}

export const WEATHER_COLUMNS = [
  "date",
  "governorate",
  "temperature",
  "rain",
] as const

/** The 24 governorates of Tunisia, lower case without accents (how a file's names are compared). */
export const GOVERNORATES = [
  "ariana",
  "beja",
  "ben arous",
  "bizerte",
  "gabes",
  "gafsa",
  "jendouba",
  "kairouan",
  "kasserine",
  "kebili",
  "kef",
  "mahdia",
  "manouba",
  "medenine",
  "monastir",
  "nabeul",
  "sfax",
  "sidi bouzid",
  "siliana",
  "sousse",
  "tataouine",
  "tozeur",
  "tunis",
  "zaghouan",
]

/** "Béja", "  le Kef " → "beja", "kef" (null when it is not a governorate). */
export function normalizeGovernorate(name: string): string | null {
  const n = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, " ")
    .replace(/^(le|la) /, "")
  return GOVERNORATES.includes(n) ? n : null
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function parseWeatherCsv(
  text: string,
  opts: { maxErrors?: number } = {}
): ParsedWeather {
  const maxErrors = opts.maxErrors ?? 200
  const read = readCsvRecords(text, WEATHER_COLUMNS)
  if ("error" in read) {
    return { rows: [], errors: [read.error] }
  }
  const { records } = read
  const errors: RowError[] = []
  const rows: ParsedWeather["rows"] = []
  const seen = new Map<string, number>()
  const fail = (row: number, column: string, reason: string) => {
    if (errors.length < maxErrors) {
      errors.push({ row, column, reason })
    }
  }
  for (const { record, info } of records) {
    const row = info.lines
    const rawDate = (record.date ?? "").trim()
    const m = DATE_RE.exec(rawDate)
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null
    if (!m || !d || d.getUTCDate() !== +m[3] || d.getUTCMonth() !== +m[2] - 1) {
      fail(row, "date", `"${rawDate}" is not a valid YYYY-MM-DD date`)
      continue
    }
    const rawGov = (record.governorate ?? "").trim()
    const governorate = normalizeGovernorate(rawGov)
    if (!governorate) {
      fail(
        row,
        "governorate",
        `"${rawGov}" is not a governorate of Tunisia (e.g. Tunis, Sfax, Béja)`
      )
      continue
    }
    const rawT = (record.temperature ?? "").trim()
    const temperature = Number(rawT)
    if (
      rawT === "" ||
      !Number.isFinite(temperature) ||
      temperature < -20 ||
      temperature > 55
    ) {
      fail(
        row,
        "temperature",
        `"${rawT}" is not a daily mean temperature in °C between -20 and 55`
      )
      continue
    }
    const rawRain = (record.rain ?? "").trim()
    const rain = Number(rawRain)
    if (rawRain === "" || !Number.isFinite(rain) || rain < 0 || rain > 500) {
      fail(
        row,
        "rain",
        `"${rawRain}" is not a daily rain in mm between 0 and 500`
      )
      continue
    }
    const key = `${rawDate}|${governorate}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      fail(
        row,
        "date",
        `${rawDate} for ${governorate} is already on row ${earlier}`
      )
      continue
    }
    seen.set(key, row)
    rows.push({ date: rawDate, governorate, temperature, rain, row })
  }
  return { rows: errors.length ? [] : rows, errors }
}

/**
 * "Tunis, Ariana" (or a list) → ["tunis", "ariana"] in the order given, without repeats; the names that are
 * not governorates of Tunisia in `bad`, as written. Empty text → no governorate.
 */
export function parseGovernorateList(value: string | string[]): {
  governorates: string[]
  bad: string[]
} {
  const names = (Array.isArray(value) ? value : value.split(","))
    .map((g) => g.trim())
    .filter(Boolean)
  const governorates: string[] = []
  const bad: string[] = []
  for (const g of names) {
    const n = normalizeGovernorate(g)
    if (!n) {
      bad.push(g)
    } else if (!governorates.includes(n)) {
      governorates.push(n)
    }
  }
  return { governorates, bad }
}
