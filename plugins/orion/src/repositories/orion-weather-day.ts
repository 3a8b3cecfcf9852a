import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { BulkColumn, columnArrays, SqlWhere } from "@shabou/sql"
import { countedUpsertSql } from "../lib/counted-upsert-sql"
import type { WeatherDay } from "../lib/weather-csv"
import { OrionWeatherDay } from "../models/orion-weather-day"

/** Per governorate: first and last day stored (YYYY-MM-DD) and the number of days. */
export type WeatherCoverageRow = {
  governorate: string
  first_day: string
  last_day: string
  days: number
}

export type WeatherDayFilter = {
  /** YYYY-MM-DD, included */
  from?: string
  /** YYYY-MM-DD, included */
  to?: string
  governorates?: string[]
}

const DAY_COLUMNS: BulkColumn<WeatherDay>[] = [
  { name: "date", type: "date", value: (d) => d.date },
  { name: "governorate", type: "varchar", value: (d) => d.governorate },
  { name: "temperature", type: "float8", value: (d) => d.temperature },
  { name: "rain", type: "float8", value: (d) => d.rain },
]

const DAY_SELECT = `SELECT to_char(date, 'YYYY-MM-DD') AS date, governorate, temperature, rain FROM "orion_weather_day"`

/** Daily weather per governorate (orion_weather_day): imported, summarized, listed and read by the runs. */
export const OrionWeatherDayRepository = dataSource
  .getRepository(OrionWeatherDay)
  .extend({
    /**
     * Inserts these days, or replaces the temperature and rain of a day already stored for the
     * governorate (left alone when they are the same); how many were inserted and updated.
     */
    async upsertDays(
      days: WeatherDay[]
    ): Promise<{ inserted: number; updated: number }> {
      const [res]: { inserted: number; updated: number }[] = await this.query(
        countedUpsertSql(
          DAY_COLUMNS,
          `INSERT INTO "orion_weather_day" ("id", "date", "governorate", "temperature", "rain")
           SELECT 'owx_' || replace(gen_random_uuid()::text, '-', ''), date, governorate, temperature, rain FROM input
           ON CONFLICT ("date", "governorate")
           DO UPDATE SET "temperature" = EXCLUDED."temperature", "rain" = EXCLUDED."rain", "updated_at" = now()
           WHERE ("orion_weather_day"."temperature", "orion_weather_day"."rain") IS DISTINCT FROM (EXCLUDED."temperature", EXCLUDED."rain")`
        ),
        columnArrays(days, DAY_COLUMNS)
      )
      return res
    },

    /** Per governorate: first and last day stored and the number of days. */
    async coverage(): Promise<WeatherCoverageRow[]> {
      return this.query(
        `SELECT governorate, to_char(min(date), 'YYYY-MM-DD') AS first_day, to_char(max(date), 'YYYY-MM-DD') AS last_day, count(*)::int AS days
         FROM "orion_weather_day" GROUP BY governorate ORDER BY governorate`
      )
    },

    /** One page of the stored days, oldest first (then by governorate), and how many match in all. */
    async listFiltered(
      filter: WeatherDayFilter,
      page: { limit: number; offset: number }
    ): Promise<[WeatherDay[], number]> {
      const { clause, values: params } = new SqlWhere()
        .when(filter.from || undefined, (p) => `date >= ${p}`)
        .when(filter.to || undefined, (p) => `date <= ${p}`)
        .anyOf("governorate", filter.governorates)
      const [{ count }]: { count: number }[] = await this.query(
        `SELECT count(*)::int AS count FROM "orion_weather_day" ${clause}`,
        params
      )
      const days: WeatherDay[] = await this.query(
        `${DAY_SELECT} ${clause}
         ORDER BY date, governorate LIMIT ${page.limit} OFFSET ${page.offset}`,
        params
      )
      return [days, count]
    },

    /**
     * The days from `from` (included) to `to` (excluded), of these governorates (null: every one
     * stored), by date then governorate.
     */
    async between(
      from: string,
      to: string,
      governorates: string[] | null
    ): Promise<WeatherDay[]> {
      const { clause, values: params } = new SqlWhere(
        ["date >= $1", "date < $2"],
        [from, to]
      ).anyOf("governorate", governorates ?? undefined)
      return this.query(
        `${DAY_SELECT} ${clause} ORDER BY date, governorate`,
        params
      )
    },
  })

export default OrionWeatherDayRepository
