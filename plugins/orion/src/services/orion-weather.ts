import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import { chunks } from "@shabou/sql"
import { sumOverChunks } from "../lib/chunk-counts"
import { parseWeatherCsv, WeatherDay } from "../lib/weather-csv"
import { OrionOptions, weatherGovernorates } from "../options"
import {
  OrionWeatherDayRepository,
  WeatherCoverageRow,
} from "../repositories/orion-weather-day"
import { SalesImportError } from "./orion-sales-history"

type InjectedDependencies = {
  manager: EntityManager
  orionWeatherDayRepository: typeof OrionWeatherDayRepository
}

export type WeatherImportSummary = {
  rows: number
  inserted: number
  updated: number
  unchanged: number
  governorates: string[]
  first_day: string | null
  last_day: string | null
}

export type WeatherCoverage = WeatherCoverageRow

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
  protected readonly weatherDayRepository_: typeof OrionWeatherDayRepository

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.governorates = weatherGovernorates(options)
    this.weatherDayRepository_ = container.orionWeatherDayRepository
  }

  private repo(m: EntityManager = this.activeManager_) {
    return m.withRepository(this.weatherDayRepository_)
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
      const repo = this.repo(m)
      const { inserted, updated } = await sumOverChunks(
        chunks(rows, CHUNK),
        ["inserted", "updated"],
        (part) => repo.upsertDays(part)
      )
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
    return this.repo().coverage()
  }

  /** Stored days, oldest first, optionally from / to (inclusive) and for some governorates. */
  async list(
    filter: { from?: string; to?: string; governorates?: string[] },
    page: { limit: number; offset: number }
  ) {
    const [days, count] = await this.repo().listFiltered(filter, page)
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
    const days = await this.repo().between(from, to, only)
    return {
      days,
      governorates: only ?? [...new Set(days.map((d) => d.governorate))].sort(),
    }
  }
}
