import fs from "fs"
import path from "path"
import { main } from "./index"
import {
  generateWeatherSample,
  salesCsv,
  weatherCsv,
} from "../lib/weather-sample"

import {
  cliSandbox,
  forecastArgs,
  readCsvRows,
  writeSampleSales,
  written,
} from "../lib/__fixtures__/cli-sandbox"

// moved from index.spec.ts (the weather run of the CLI)
describe("orion cli --weather", () => {
  const sandbox = cliSandbox()

  it("applies a weather effect with --weather only to the categories whose hold-out it improves", async () => {
    const { dir, err } = sandbox
    // the files `orion sample-weather` writes
    expect(await main(["sample-weather", "--out-dir", dir])).toBe(0)
    const sample = generateWeatherSample()
    const sales = path.join(dir, "sales.csv")
    const weather = path.join(dir, "weather.csv")
    expect(fs.readFileSync(sales, "utf8")).toBe(salesCsv(sample))
    expect(fs.readFileSync(weather, "utf8")).toBe(weatherCsv(sample.days))
    const plainOut = path.join(dir, "plain.csv")
    const weatherOut = path.join(dir, "weather-forecasts.csv")
    const weeks = { input: sales, horizon: 13, frequency: "week" }
    expect(await main(forecastArgs({ ...weeks, out: plainOut }))).toBe(0)
    expect(written(err)).not.toContain("weather, category")
    const withWeatherRun = forecastArgs(
      { ...weeks, out: weatherOut },
      "--weather",
      weather,
      "--governorate",
      "Tunis"
    )
    expect(await main(withWeatherRun)).toBe(0)
    const log = written(err)
    expect(log).toMatch(
      /weather, category batteries: cold ×[\d.]+ at full exposure, hold-out error −[\d.]+ % \(kept\)/
    )
    expect(log).toMatch(
      /weather, category filters: cold .*\(not kept\); heat .*\(not kept\)/
    )
    const plain = readCsvRows(plainOut)
    const withWeather = readCsvRows(weatherOut)
    expect(withWeather.map((r) => r.sku + r.date)).toEqual(
      plain.map((r) => r.sku + r.date)
    )
    const ratio = (r: Record<string, string>, i: number) =>
      Number(r.calendar_multiplier) / Number(plain[i].calendar_multiplier)
    // the forecast weeks are in winter: batteries expect cold days, filters do not care
    expect(
      withWeather.some((r, i) => r.sku.startsWith("BAT") && ratio(r, i) > 1.05)
    ).toBe(true)
    withWeather.forEach((r, i) => {
      if (r.sku.startsWith("FIL")) {
        expect(r.calendar_multiplier).toBe(plain[i].calendar_multiplier)
      }
    })

    // a bad weather file: every bad row named, nothing forecast
    const bad = path.join(dir, "bad-weather.csv")
    fs.writeFileSync(
      bad,
      "date,governorate,temperature,rain\n2025-01-06,Tunis,9,0\n2025-01-07,Tunis,froid,0\n2025-01-08,Lyon,9,0\n"
    )
    fs.rmSync(weatherOut)
    expect(
      await main(forecastArgs({ ...weeks, out: weatherOut }, "--weather", bad))
    ).toBe(1)
    const errors = written(err)
    expect(errors).toContain(
      'row 3, column "temperature": "froid" is not a daily mean temperature'
    )
    expect(errors).toContain(
      'row 4, column "governorate": "Lyon" is not a governorate of Tunisia'
    )
    expect(fs.existsSync(weatherOut)).toBe(false)
    // weather effects are per category: no category column, no weather
    const noCat = writeSampleSales(dir)
    const threeMonths = { input: noCat, horizon: 3, frequency: "month" }
    expect(
      await main(
        forecastArgs({ ...threeMonths, out: weatherOut }, "--weather", weather)
      )
    ).toBe(1)
    expect(written(err)).toContain("--weather needs a category column")
    // a governorate the weather file has no row for, or none named
    const threeWeeks = { input: sales, horizon: 3, frequency: "week" }
    const governorate = (...name: string[]) =>
      main(
        forecastArgs(
          { ...threeWeeks, out: weatherOut },
          "--weather",
          weather,
          "--governorate",
          ...name
        )
      )
    expect(await governorate("Sfax")).toBe(1)
    expect(written(err)).toContain('has no row for "Sfax"')
    expect(await governorate()).toBe(1)
    expect(written(err)).toContain("--governorate needs a name")
  })
})
