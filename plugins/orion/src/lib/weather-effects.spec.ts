import {
  decodeJson,
  encodeJson,
  forecastWithCalendar,
  planCalendarForecast,
} from "./calendar-forecast"
import {
  dailyWeather,
  describeWeather,
  fitWeatherBeta,
  forecastWithWeather,
  planWeather,
  weatherExposures,
} from "./weather-effects"
import { parseWeatherCsv } from "./weather-csv"
import { generateWeatherSample, weatherCsv } from "./weather-sample"
import { base, sample, sampleBatch } from "./__fixtures__/weather-sample"

describe("weather exposures", () => {
  it("counts the share of cold and hot days of each week, averaged over the governorates given", () => {
    const days = [
      { date: "2024-01-01", governorate: "tunis", temperature: 6, rain: 0 },
      { date: "2024-01-01", governorate: "sfax", temperature: 12, rain: 2 },
      { date: "2024-01-02", governorate: "tunis", temperature: 7, rain: 0 },
      { date: "2024-01-03", governorate: "tunis", temperature: 9, rain: 0 },
      { date: "2024-01-04", governorate: "tunis", temperature: 33, rain: 0 },
    ]
    const daily = dailyWeather(days, ["tunis"])
    expect(daily.get("2024-01-01")).toEqual({ temperature: 6, rain: 0 })
    expect(dailyWeather(days).get("2024-01-01")).toEqual({
      temperature: 9,
      rain: 1,
    })
    // 4 of 7 days known (≥ half): 2 cold, 1 hot; the next week is unknown → filled from the same
    // week of the year in the data, which is none here → zeros
    const { exposures, observed } = weatherExposures(
      daily,
      new Date(Date.UTC(2024, 0, 1)),
      2,
      "week"
    )
    expect(observed).toEqual([true, false])
    expect(exposures[0]).toEqual({ cold: 2 / 4, heat: 1 / 4 })
    expect(exposures[1]).toEqual({ cold: 0, heat: 0 })
  })

  it("fills periods without data from the same month of the year (climatology)", () => {
    const days = []
    for (const year of [2022, 2023]) {
      for (let d = 1; d <= 31; d++) {
        days.push({
          date: `${year}-01-${String(d).padStart(2, "0")}`,
          governorate: "tunis",
          temperature: year === 2022 ? (d <= 10 ? 5 : 12) : 12,
          rain: 0,
        })
      }
    }
    const { exposures, observed } = weatherExposures(
      dailyWeather(days),
      new Date(Date.UTC(2022, 0, 1)),
      25,
      "month"
    )
    expect(observed[0]).toBe(true)
    expect(exposures[0].cold).toBeCloseTo(10 / 31, 10)
    expect(exposures[12].cold).toBe(0)
    expect(observed[24]).toBe(false)
    expect(exposures[24].cold).toBeCloseTo(10 / 31 / 2, 10)
    expect(exposures[5]).toEqual({ cold: 0, heat: 0 })
  })

  it("recovers a known log-multiplier from Poisson data", () => {
    const g = generateWeatherSample({ partsPerCategory: 60 })
    const { exposures } = weatherExposures(
      dailyWeather(g.days),
      g.start,
      156,
      "week"
    )
    const total = (c: string) =>
      g.parts
        .filter((p) => p.category === c)
        .reduce(
          (a, p) => a.map((v, t) => v + p.values[t]),
          new Array(156).fill(0)
        )
    const beta = fitWeatherBeta(
      total("batteries"),
      exposures.map((e) => e.cold),
      4
    )
    expect(beta).toBeGreaterThan(0.9)
    expect(beta).toBeLessThan(1.5)
    expect(
      Math.abs(
        fitWeatherBeta(
          total("filters"),
          exposures.map((e) => e.cold),
          4
        )
      )
    ).toBeLessThan(0.25)
  })
})

describe("weather effects chosen by hold-out", () => {
  it("keeps the cold effect for batteries and the heat effect for cooling, none for filters", () => {
    const { categories, multipliers } = planWeather({
      ...base,
      weather: { days: sample.days },
    })
    const text = Object.entries(categories)
      .map(([c, w]) => `${c}: ${describeWeather(w)}`)
      .join("\n")
    expect(categories.batteries.effects?.cold.chosen).toBe(true)
    expect(categories.batteries.effects?.cold.errorWith).toBeLessThan(
      categories.batteries.effects!.cold.errorWithout
    )
    expect(categories.batteries.effects?.heat.chosen).toBe(false)
    expect(categories.cooling.effects?.heat.chosen).toBe(true)
    expect(categories.cooling.effects?.cold.chosen).toBe(false)
    expect(categories.filters.effects?.cold.chosen).toBe(false)
    expect(categories.filters.effects?.heat.chosen).toBe(false)
    expect(Object.keys(multipliers).sort()).toEqual(["batteries", "cooling"])
    expect(multipliers.batteries).toHaveLength(156 + 13)
    expect(text).toContain("batteries: cold ×")
  })

  it("keeps no effect when the weather has nothing to do with the sales", () => {
    const flat = generateWeatherSample({
      batteryCold: 0,
      coolingHeat: 0,
      seed: 5,
    })
    const { categories, multipliers } = planWeather({
      series: flat.parts.map((p) => p.values),
      categories: flat.parts.map((p) => p.category),
      start: flat.start,
      frequency: "week",
      horizon: 13,
      weather: { days: flat.days },
    })
    expect(Object.keys(categories).sort()).toEqual([
      "batteries",
      "cooling",
      "filters",
    ])
    expect(multipliers).toEqual({})
  })

  it("forecasts exactly as today without weather data, and changes only the weather categories with it", () => {
    const today = forecastWithCalendar(base)
    const none = forecastWithWeather(base)
    expect(none.forecasts).toEqual(today.forecasts)
    expect(none.weather).toEqual({})
    expect(
      forecastWithWeather({ ...base, weatherData: { days: [] } }).forecasts
    ).toEqual(today.forecasts)

    // the forecast starts on 2025-12-29: winter, cold days expected from the same weeks of earlier years.
    // (Cooling's calendar effects are estimated on its history with the heat effect divided out, so its
    // calendar multipliers move. A filter's mean may still move a little: the method of its demand class is tuned on all the
    // class's parts, batteries included, as it is with calendar effects.)
    const withWeather = forecastWithWeather({
      ...base,
      weatherData: { days: sample.days },
    })
    sample.parts.forEach((p, i) => {
      const ratio = withWeather.forecasts[i].multipliers.map(
        (m, k) => m / today.forecasts[i].multipliers[k]
      )
      if (p.category === "batteries") {
        expect(Math.max(...ratio)).toBeGreaterThan(1.05)
        expect(Math.min(...ratio)).toBeGreaterThanOrEqual(1)
      } else if (p.category === "filters") {
        expect(ratio).toEqual(new Array(13).fill(1))
      }
    })
  })

  it("gives the same numbers through the server's plan + batches (plan sent as JSON) as all at once", () => {
    const { multipliers } = planWeather({
      ...base,
      weather: { days: sample.days },
    })
    const whole = forecastWithCalendar({ ...base, weather: multipliers })
    const { plan } = planCalendarForecast({ ...base, weather: multipliers })
    const sent = decodeJson<typeof plan>(encodeJson(plan))
    expect(sent.weather).toEqual(multipliers)
    const idx = [5, 25, 45, 59]
    const batch = sampleBatch(sent, idx)
    idx.forEach((i, k) => expect(batch[k]).toEqual(whole.forecasts[i]))
    // and a plan without weather has no weather key (plans stored before are unchanged)
    expect("weather" in planCalendarForecast(base).plan).toBe(false)
  })

  it("reads the generated sample through the CSV parser unchanged", () => {
    const parsed = parseWeatherCsv(weatherCsv(sample.days))
    expect(parsed.errors).toEqual([])
    expect(parsed.rows.map(({ row: _row, ...d }) => d)).toEqual(sample.days)
  })
})
