import { decodeJson, encodeJson } from "./calendar-forecast"
import { runPlanJob } from "./forecast-worker"
import { weatherEffectText } from "./plain-french"
import { forecastWithWeather, planWithWeather } from "./weather-effects"
import { runWeather } from "./weather-run"
import { base, sample, sampleBatch } from "./__fixtures__/weather-sample"

describe("weather effects in plain French", () => {
  it("says which weather, how much and on which category", () => {
    expect(weatherEffectText("cold", 1.12, "Batteries", "week")).toBe(
      "temps froid : +12 % sur Batteries (une semaine où chaque jour est à 8 °C ou moins en moyenne)"
    )
    expect(weatherEffectText("heat", 0.8, "Essuie-glaces", "month")).toBe(
      "forte chaleur : −20 % sur Essuie-glaces (un mois où chaque jour est à 32 °C ou plus en moyenne)"
    )
    expect(
      weatherEffectText("cold", 3.114, "Batteries", "week", {
        coldC: 5.5,
        hotC: 30,
      })
    ).toContain(
      "+211 % sur Batteries (une semaine où chaque jour est à 5,5 °C ou moins"
    )
  })
})

describe("the server's plan with weather (forecast-worker)", () => {
  it("plans as the CLI does: the plan's batches give the CLI's forecasts, and the kept effects travel in the plan", () => {
    const cli = forecastWithWeather({
      ...base,
      weatherData: { days: sample.days },
    })
    // what the run's worker thread gets (start as a string) and hands back; the plan is stored as JSON per batch
    const { plan, weather } = runPlanJob({
      ...base,
      start: base.start.toISOString(),
      weatherData: { days: sample.days },
    })
    expect(weather).toEqual(cli.weather)
    expect(Object.keys(plan.weather ?? {})).toEqual(["batteries", "cooling"])
    const sent = decodeJson<typeof plan>(encodeJson(plan))
    const idx = [0, 19, 20, 41, 59]
    const batch = sampleBatch(sent, idx)
    idx.forEach((i, k) => expect(batch[k]).toEqual(cli.forecasts[i]))
  })

  it("without weather data plans exactly as before (no weather key, nothing tested)", () => {
    const { plan, weather } = runPlanJob({
      ...base,
      start: base.start.toISOString(),
    })
    expect(weather).toEqual({})
    expect("weather" in plan).toBe(false)
    expect(
      planWithWeather({ ...base, weatherData: { days: [] } }).plan
    ).toEqual(plan)
  })
})

describe("what a run stores about the weather", () => {
  it("lists per category the effects tested, the kept ones in plain French, and the forecast periods' multipliers", () => {
    const { plan, weather } = planWithWeather({
      ...base,
      weatherData: { days: sample.days },
    })
    const r = runWeather({
      weather,
      plan,
      names: { batteries: "Batteries", cooling: "Refroidissement" },
      governorates: ["tunis"],
      days: sample.days,
    })
    expect(r).toMatchObject({
      governorates: ["tunis"],
      days: 156 * 7,
      first_day: "2023-01-02",
      last_day: "2025-12-28",
    })
    expect(Object.keys(r.categories)).toEqual([
      "batteries",
      "cooling",
      "filters",
    ])
    const bat = r.categories.batteries
    expect(bat.kept).toEqual(["cold"])
    expect(bat.effects?.cold.kept).toBe(true)
    expect(bat.effects?.cold.multiplier).toBeCloseTo(
      Math.exp(weather.batteries.effects?.cold.beta as number),
      3
    )
    expect(bat.effects?.cold.holdout_gain).toBeGreaterThan(0.03)
    expect(bat.texts).toEqual([
      weatherEffectText(
        "cold",
        Math.exp(weather.batteries.effects?.cold.beta as number),
        "Batteries",
        "week"
      ),
    ])
    expect(bat.texts[0]).toMatch(/^temps froid : \+\d+ % sur Batteries \(/)
    // the forecast (from 2025-12-29) starts in winter: cold weeks raise the batteries, never lower them
    expect(bat.forecast_multipliers).toHaveLength(13)
    expect(Math.max(...(bat.forecast_multipliers as number[]))).toBeGreaterThan(
      1.05
    )
    expect(
      Math.min(...(bat.forecast_multipliers as number[]))
    ).toBeGreaterThanOrEqual(1)
    expect(bat.forecast_multipliers).toEqual(
      (plan.weather?.batteries as number[])
        .slice(156, 169)
        .map((x) => Math.round(x * 1e4) / 1e4)
    )
    expect(r.categories.cooling.kept).toEqual(["heat"])
    expect(r.categories.cooling.texts[0]).toMatch(
      /^forte chaleur : \+\d+ % sur Refroidissement/
    )
    // filters do not react: tested, nothing kept, no multiplier; a category without a name keeps its handle
    expect(r.categories.filters).toMatchObject({
      name: "filters",
      kept: [],
      texts: [],
      forecast_multipliers: null,
    })
    expect(r.categories.filters.details).toMatch(
      /cold .*\(not kept\); heat .*\(not kept\)/
    )
    expect(r.texts).toEqual([...bat.texts, ...r.categories.cooling.texts])
  })

  it("says why a category was not tested when the weather covers too little of the history", () => {
    const days = sample.days.filter((d) => d.date >= "2025-06-01")
    const { plan, weather } = planWithWeather({
      ...base,
      weatherData: { days },
    })
    const r = runWeather({
      weather,
      plan,
      names: {},
      governorates: ["tunis"],
      days,
    })
    expect(r.categories.batteries).toMatchObject({
      kept: [],
      effects: null,
      forecast_multipliers: null,
    })
    expect(r.categories.batteries.reason).toMatch(
      /weather data covers \d+ periods of the history: too few/
    )
    expect(r.texts).toEqual([])
  })
})
