import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import { parseWeatherCsv, WeatherDay } from "../lib/weather-csv"
import { OrionOptions, weatherGovernorates } from "../options"
import { SalesImportError } from "./orion-sales-history"

type InjectedDependencies = { manager: EntityManager }

export type WeatherImportSummary = {
  rows: number
  inserted: number
  updated: number
  unchanged: number
  governorates: string[]
  first_day: string | null
  last_day: string | null
}

export type WeatherCoverage = {
  governorate: string
  first_day: string
  last_day: string
  days: number
}

const CHUNK = 5000
const MAX_ERRORS = 200

/**
 * Daily weather per governorate (optional, `orion_weather_day`): imported from CSV
 * (`date,governorate,temperature,rain`, whole file validated first: all or nothing; a day already stored
 * for the governorate is replaced), summarized for the admin, and read by forecast runs (the governorates
 * of the `weatherGovernorates` option, ORION_WEATHER_GOVERNORATES; default every governorate stored).
 */
export default class OrionWeatherService extends TransactionBaseService {
  /** [] = every governorate with stored weather */
  readonly governorates: string[]

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.governorates = weatherGovernorates(options)
  }

  async importCsv(text: string): Promise<WeatherImportSummary> {
    const parsed = parseWeatherCsv(text, { maxErrors: MAX_ERRORS + 1 })
    if (parsed.errors.length) {
      throw new SalesImportError(
        parsed.errors.slice(0, MAX_ERRORS),
        parsed.errors.length > MAX_ERRORS
      )
    }
    const rows = parsed.rows
    return this.atomicPhase_(async (m) => {
      let inserted = 0
      let updated = 0
      for (let i = 0; i < rows.length; i += CHUNK) {
        const part = rows.slice(i, i + CHUNK)
        const [res] = await m.query(
          `WITH input AS (
             SELECT * FROM unnest($1::date[], $2::varchar[], $3::float8[], $4::float8[]) AS t(date, governorate, temperature, rain)
           ), up AS (
             INSERT INTO "orion_weather_day" ("id", "date", "governorate", "temperature", "rain")
             SELECT 'owx_' || replace(gen_random_uuid()::text, '-', ''), date, governorate, temperature, rain FROM input
             ON CONFLICT ("date", "governorate")
             DO UPDATE SET "temperature" = EXCLUDED."temperature", "rain" = EXCLUDED."rain", "updated_at" = now()
             WHERE ("orion_weather_day"."temperature", "orion_weather_day"."rain") IS DISTINCT FROM (EXCLUDED."temperature", EXCLUDED."rain")
             RETURNING (xmax = 0) AS inserted
           )
           SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
          [
            part.map((r) => r.date),
            part.map((r) => r.governorate),
            part.map((r) => r.temperature),
            part.map((r) => r.rain),
          ]
        )
        inserted += res.inserted
        updated += res.updated
      }
      const dates = rows.map((r) => r.date).sort()
      return {
        rows: rows.length,
        inserted,
        updated,
        unchanged: rows.length - inserted - updated,
        governorates: [...new Set(rows.map((r) => r.governorate))].sort(),
        first_day: dates[0] ?? null,
        last_day: dates[dates.length - 1] ?? null,
      }
    })
  }

  /** Per governorate: first and last day stored and the number of days. */
  async coverage(): Promise<WeatherCoverage[]> {
    return this.activeManager_.query(
      `SELECT governorate, to_char(min(date), 'YYYY-MM-DD') AS first_day, to_char(max(date), 'YYYY-MM-DD') AS last_day, count(*)::int AS days
       FROM "orion_weather_day" GROUP BY governorate ORDER BY governorate`
    )
  }

  /** Stored days, oldest first, optionally from / to (inclusive) and for some governorates. */
  async list(
    filter: { from?: string; to?: string; governorates?: string[] },
    page: { limit: number; offset: number }
  ) {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.from) {
      params.push(filter.from)
      where.push(`date >= $${params.length}`)
    }
    if (filter.to) {
      params.push(filter.to)
      where.push(`date <= $${params.length}`)
    }
    if (filter.governorates?.length) {
      params.push(filter.governorates)
      where.push(`governorate = ANY($${params.length})`)
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM "orion_weather_day" ${w}`,
      params
    )
    const days = await this.activeManager_.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, governorate, temperature, rain FROM "orion_weather_day" ${w}
       ORDER BY date, governorate LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    return { days, count, limit: page.limit, offset: page.offset }
  }

  /**
   * The days a run uses: from `from` (inclusive) to `to` (exclusive), of the configured governorates (all
   * stored when none is configured), by date then governorate. Empty: the run has no weather.
   */
  async forRun(
    from: string,
    to: string
  ): Promise<{ days: WeatherDay[]; governorates: string[] }> {
    const only = this.governorates.length ? this.governorates : null
    const days: WeatherDay[] = await this.activeManager_.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, governorate, temperature, rain FROM "orion_weather_day"
       WHERE date >= $1 AND date < $2 ${only ? "AND governorate = ANY($3)" : ""} ORDER BY date, governorate`,
      only ? [from, to, only] : [from, to]
    )
    return {
      days,
      governorates: only ?? [...new Set(days.map((d) => d.governorate))].sort(),
    }
  }
}
