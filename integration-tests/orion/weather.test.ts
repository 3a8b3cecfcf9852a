/**
 * Optional weather on the server: daily weather imported through the admin API (good file, bad file with
 * every row and column named and nothing stored, anonymous 401), then forecast runs on a sales history
 * where batteries really sell more in cold weeks (`generateWeatherSample`: 156 weeks of Tunis weather and
 * 60 parts in three categories, moved two years back so no other data of the test database falls in the
 * runs' history). Without weather the run stores none; with it the run keeps the cold effect for the
 * batteries only, raises their forecast of the winter weeks, and gives the numbers the CLI gives on the
 * same sales and weather files.
 */
import fs from "fs"
import os from "os"
import path from "path"
import { parse } from "csv-parse/sync"
import { QUANTILE_KEYS } from "../../plugins/orion/src/lib/types"
import { sql } from "../helpers/env"
import { adminCall, call } from "../helpers/http"
import { orionRunAsOf } from "../helpers/orion"
import {
  expectHeaderAndFileRefused,
  uploadAnonymously,
  uploadCsv,
} from "./admin-api"
import {
  AS_OF,
  cliForecast,
  createSampleCatalogue,
  forecastRows,
  removeSample,
  Row,
  sample,
  shift,
  weatherLines,
} from "./weather-sample"

jest.setTimeout(900000)

describe("orion: weather imported through the admin API and used by server runs", () => {
  const productIds: string[] = []
  const runIds: string[] = []
  let plainRun: any
  let weatherRun: any
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "orion-weather-"))

  beforeAll(async () => {
    await createSampleCatalogue(productIds)
  })

  afterAll(async () => {
    await removeSample(runIds, productIds)
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it("without stored weather a run forecasts as before and stores no weather", async () => {
    expect(await sql(`SELECT 1 FROM orion_weather_day LIMIT 1`)).toHaveLength(0)
    plainRun = await orionRunAsOf(AS_OF, 13)
    runIds.push(plainRun.id)
    expect(plainRun.variant_count).toBe(60)
    expect(plainRun.weather_effects).toBeNull()
    expect(String(plainRun.forecast_start).slice(0, 10)).toBe("2024-01-01")
  })

  it("refuses the weather routes anonymously", async () => {
    expect(
      (
        await uploadAnonymously(
          "/admin/orion/weather/imports",
          `date,governorate,temperature,rain\n${weatherLines[0]}\n`,
          "w.csv"
        )
      ).status
    ).toBe(401)
    expect((await call("GET", "/admin/orion/weather")).status).toBe(401)
    expect(await sql(`SELECT 1 FROM orion_weather_day LIMIT 1`)).toHaveLength(0)
  })

  it("rejects a bad weather file with every row and column, and stores nothing", async () => {
    const bad = [
      "date,governorate,temperature,rain",
      weatherLines[0],
      "2023-02-30,Tunis,10,0",
      "2023-03-01,Lyon,10,0",
      "2023-03-01,Tunis,hot,0",
      "2023-03-02,Sfax,12,-3",
      weatherLines[0].replace("Tunis", "tunis"),
    ].join("\n")
    const res = await uploadCsv(
      "/admin/orion/weather/imports",
      bad,
      "bad-weather.csv"
    )
    expect(res.status).toBe(400)
    expect(res.body.message).toBe(
      "the file has 5 invalid row(s); nothing was imported"
    )
    expect(res.body.errors).toEqual([
      {
        row: 3,
        column: "date",
        reason: '"2023-02-30" is not a valid YYYY-MM-DD date',
      },
      {
        row: 4,
        column: "governorate",
        reason:
          '"Lyon" is not a governorate of Tunisia (e.g. Tunis, Sfax, Béja)',
      },
      {
        row: 5,
        column: "temperature",
        reason:
          '"hot" is not a daily mean temperature in °C between -20 and 55',
      },
      {
        row: 6,
        column: "rain",
        reason: '"-3" is not a daily rain in mm between 0 and 500',
      },
      {
        row: 7,
        column: "date",
        reason: `${shift(sample.days[0].date)} for tunis is already on row 2`,
      },
    ])
    expect(await sql(`SELECT 1 FROM orion_weather_day LIMIT 1`)).toHaveLength(0)

    await expectHeaderAndFileRefused(
      "/admin/orion/weather/imports",
      "day,city,temp\n2023-01-01,Tunis,3\n",
      "date,governorate,temperature,rain"
    )
    expect(await sql(`SELECT 1 FROM orion_weather_day LIMIT 1`)).toHaveLength(0)
  })

  it("imports the weather file; importing it again changes nothing, a corrected day replaces the stored one", async () => {
    const file = ["date,governorate,temperature,rain", ...weatherLines].join(
      "\n"
    )
    const res = await uploadCsv(
      "/admin/orion/weather/imports",
      file,
      "weather.csv"
    )
    expect(res.status).toBe(200)
    expect(res.body.import).toEqual({
      file: "weather.csv",
      rows: 1092,
      inserted: 1092,
      updated: 0,
      unchanged: 0,
      governorates: ["tunis"],
      first_day: "2021-01-04",
      last_day: "2023-12-31",
    })
    const again = await uploadCsv(
      "/admin/orion/weather/imports",
      file,
      "weather.csv"
    )
    expect(again.body.import).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 1092,
    })
    // one day corrected, then put back: stored once per day and governorate, the last import wins
    const [d, , t, r] = weatherLines[10].split(",")
    const fixed = await uploadCsv(
      "/admin/orion/weather/imports",
      `date,governorate,temperature,rain\n${d},TUNIS,${Number(t) + 1},${r}\n`,
      "fix.csv"
    )
    expect(fixed.body.import).toMatchObject({
      rows: 1,
      inserted: 0,
      updated: 1,
    })
    expect(
      await sql(
        `SELECT temperature FROM orion_weather_day WHERE date = $1 AND governorate = 'tunis'`,
        [d]
      )
    ).toEqual([{ temperature: Number(t) + 1 }])
    expect(
      (
        await uploadCsv(
          "/admin/orion/weather/imports",
          `date,governorate,temperature,rain\n${weatherLines[10]}\n`,
          "back.csv"
        )
      ).body.import.updated
    ).toBe(1)
    const stored = await sql(
      `SELECT count(*)::int AS n, count(DISTINCT (date, governorate))::int AS d FROM orion_weather_day`
    )
    expect(stored).toEqual([{ n: 1092, d: 1092 }])

    // the coverage, and the days of a range
    const cov = await adminCall("GET", "/admin/orion/weather")
    expect(cov.status).toBe(200)
    expect(cov.body).toEqual({
      coverage: [
        {
          governorate: "tunis",
          first_day: "2021-01-04",
          last_day: "2023-12-31",
          days: 1092,
        },
      ],
      run_governorates: [],
    })
    const range = await adminCall(
      "GET",
      "/admin/orion/weather?from=2023-12-25&to=2023-12-31&governorate=Tunis&limit=3"
    )
    expect(range.status).toBe(200)
    expect(range.body).toMatchObject({ count: 7, limit: 3, offset: 0 })
    expect(range.body.days).toEqual(
      sample.days.slice(-7, -4).map((x) => ({
        date: shift(x.date),
        governorate: "tunis",
        temperature: x.temperature,
        rain: x.rain,
      }))
    )
    const badQuery = await adminCall(
      "GET",
      "/admin/orion/weather?governorate=Lyon"
    )
    expect(badQuery.status).toBe(400)
    expect(badQuery.body.message).toBe(
      'governorate: "Lyon" is not a governorate of Tunisia (e.g. Tunis, Sfax, Béja)'
    )
    expect(
      (await adminCall("GET", "/admin/orion/weather?from=2023-02-30")).status
    ).toBe(400)
  })

  it("a run with the stored weather keeps the cold effect for the batteries only and raises their winter forecast", async () => {
    weatherRun = await orionRunAsOf(AS_OF, 13)
    runIds.push(weatherRun.id)
    const w = weatherRun.weather_effects
    expect(w).toMatchObject({
      governorates: ["tunis"],
      days: 1092,
      first_day: "2021-01-04",
      last_day: "2023-12-31",
    })
    expect(Object.keys(w.categories).sort()).toEqual([
      "wx-batteries",
      "wx-cooling",
      "wx-filters",
    ])
    const bat = w.categories["wx-batteries"]
    expect(bat.kept).toContain("cold")
    expect(bat.effects.cold.multiplier).toBeGreaterThan(1.5)
    expect(bat.effects.cold.holdout_gain).toBeGreaterThan(0.03)
    expect(bat.texts[0]).toMatch(
      /^temps froid : \+\d+ % sur Batteries météo \(une semaine où chaque jour est à 8 °C ou moins en moyenne\)$/
    )
    expect(w.categories["wx-filters"]).toMatchObject({
      kept: [],
      texts: [],
      forecast_multipliers: null,
    })
    expect(w.texts).toEqual(expect.arrayContaining(bat.texts))
    expect(w.texts.join(" ")).not.toContain("Filtres")

    // the forecast weeks (January to March 2024): each week of the batteries carries the weather multiplier of
    // its expected cold days (from the same weeks of 2021–2023), on top of the calendar multiplier
    const withW = await forecastRows(weatherRun.id)
    const without = await forecastRows(plainRun.id)
    expect(withW).toHaveLength(60 * 13)
    expect(without).toHaveLength(60 * 13)
    const mult: number[] = bat.forecast_multipliers
    expect(mult).toHaveLength(13)
    expect(Math.max(...mult)).toBeGreaterThan(1.5)
    expect(Math.min(...mult)).toBeGreaterThanOrEqual(1)
    const batteries = (rows: Row[]) =>
      rows.filter((r) => r.category === "wx-batteries")
    // the weeks without a calendar event (no Ramadan, Eid, summer or autumn rains: January to early March)
    const plainWeeks = batteries(without)
      .slice(0, 13)
      .map((r) => r.calendar_multiplier)
    const quiet = plainWeeks
      .map((m, k) => (m === 1 ? k : -1))
      .filter((k) => k >= 0)
    expect(quiet.length).toBeGreaterThanOrEqual(8)
    batteries(withW).forEach((r, i) => {
      const plain = batteries(without)[i]
      expect(`${r.sku} ${r.period_start}`).toBe(
        `${plain.sku} ${plain.period_start}`
      )
      if (quiet.includes(i % 13)) {
        expect(Math.abs(r.calendar_multiplier / mult[i % 13] - 1)).toBeLessThan(
          0.001
        )
      }
    })
    // so the batteries' forecast follows the cold: over those weeks the total of a week, against the run without
    // weather, is the weather multiplier times one level (the history's level with the cold divided out, lower than
    // the plain one: the last weeks of 2023 were cold)
    const total = (rows: Row[], k: number) =>
      batteries(rows)
        .filter((_, i) => i % 13 === k)
        .reduce((a, r) => a + r.mean, 0)
    const level = quiet.map(
      (k) => total(withW, k) / total(without, k) / mult[k]
    )
    for (const l of level) {
      expect(Math.abs(l / level[0] - 1)).toBeLessThan(0.01)
    }
    expect(level[0]).toBeLessThan(1)
    // the sample's batteries have no calendar effect: without weather their warm summers passed for one
    // (fewer sales); with the cold effect taken out, that spurious summer effect shrinks toward none
    const summer = (run: any) =>
      Math.abs(
        Math.log(run.calendar_effects["wx-batteries"].multipliers.summer)
      )
    expect(summer(weatherRun)).toBeLessThan(summer(plainRun) / 2)
    const coldest = mult.indexOf(Math.max(...mult))
    const mildest = mult.indexOf(Math.min(...mult))
    expect(total(withW, coldest) / total(withW, mildest)).toBeGreaterThan(1.3)
    // the filters keep no weather effect: their calendar multipliers are those of the run without weather
    const filters = (rows: Row[]) =>
      rows
        .filter((r) => r.category === "wx-filters")
        .map((r) => r.calendar_multiplier)
    expect(filters(withW)).toEqual(filters(without))

    // the run's details answer it
    const details = await adminCall("GET", `/admin/orion/runs/${weatherRun.id}`)
    expect(details.body.run.weather_effects.texts).toEqual(w.texts)
  })

  it("forecasts as the CLI does given the same sales and weather files", async () => {
    const out = cliForecast(tmp)
    const cli = parse(fs.readFileSync(out), { columns: true }) as Record<
      string,
      string
    >[]
    const server = await forecastRows(weatherRun.id)
    expect(cli).toHaveLength(server.length)
    const bySkuDate = new Map(
      server.map((r) => [`${r.sku}|${r.period_start}`, r])
    )
    let raised = 0
    for (const c of cli) {
      const s = bySkuDate.get(`${c.sku}|${c.date}`) as Row &
        Record<string, number>
      expect(s).toBeDefined()
      expect({
        sku: c.sku,
        model: c.model,
        demand_class: c.demand_class,
      }).toEqual({ sku: s.sku, model: s.model, demand_class: s.segment })
      // the server stores real (4-byte) numbers and the CLI writes 3 decimals
      expect(Math.abs(Number(c.mean) - s.mean)).toBeLessThan(0.002)
      expect(
        Math.abs(Number(c.calendar_multiplier) - s.calendar_multiplier)
      ).toBeLessThan(0.002)
      for (const q of QUANTILE_KEYS) {
        expect(Number(c[q])).toBe(s[q])
      }
      raised +=
        s.category === "wx-batteries" && Number(c.calendar_multiplier) > 1.1
          ? 1
          : 0
    }
    // the parity covers the weather-raised forecasts too
    expect(raised).toBeGreaterThan(0)
  })
})
