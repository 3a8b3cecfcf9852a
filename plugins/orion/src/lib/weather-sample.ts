/**
 * A small generated weather + sales sample (no network), for the tests and to try the CLI:
 * daily mean temperature and rain for Tunis (a seasonal curve plus persistent day-to-day anomalies,
 * so cold snaps and heat waves come in some weeks and not others), and weekly sales of three
 * categories: `batteries` sell more on cold days (× exp(batteryCold · share of cold days)),
 * `cooling` more on hot days, `filters` do not depend on the weather.
 */
import { Rng } from "./random"
import { WeatherDay } from "./weather-csv"

export type WeatherSample = {
  days: WeatherDay[]
  /** first Monday of the sales */
  start: Date
  parts: { sku: string; category: string; values: number[] }[]
}

export type WeatherSampleOptions = {
  weeks?: number
  partsPerCategory?: number
  seed?: number
  /** log-multiplier of battery sales at a fully cold week (mean temperature ≤ 8 °C every day) */
  batteryCold?: number
  /** log-multiplier of cooling sales at a fully hot week (≥ 32 °C every day) */
  coolingHeat?: number
}

export function generateWeatherSample(
  opts: WeatherSampleOptions = {}
): WeatherSample {
  const weeks = opts.weeks ?? 156
  const per = opts.partsPerCategory ?? 20
  const rng = new Rng(opts.seed ?? 11)
  const start = new Date(Date.UTC(2023, 0, 2))
  const days: WeatherDay[] = []
  const cold: number[] = new Array(weeks).fill(0)
  const heat: number[] = new Array(weeks).fill(0)
  let anomaly = 0
  for (let d = 0; d < weeks * 7; d++) {
    const date = new Date(start.getTime() + d * 86400000)
    const doy = Math.floor(
      (date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86400000
    )
    anomaly = 0.85 * anomaly + 1.9 * rng.normal()
    const temperature =
      Math.round(
        (19 + 9 * Math.sin((2 * Math.PI * (doy - 110)) / 365) + anomaly) * 10
      ) / 10
    const rain = rng.next() < 0.2 ? Math.round(rng.gamma(0.8) * 60) / 10 : 0
    days.push({
      date: date.toISOString().slice(0, 10),
      governorate: "tunis",
      temperature,
      rain,
    })
    const w = Math.floor(d / 7)
    cold[w] += temperature <= 8 ? 1 / 7 : 0
    heat[w] += temperature >= 32 ? 1 / 7 : 0
  }
  const effects: Record<string, (w: number) => number> = {
    batteries: (w) => Math.exp((opts.batteryCold ?? 1.2) * cold[w]),
    cooling: (w) => Math.exp((opts.coolingHeat ?? 1.0) * heat[w]),
    filters: () => 1,
  }
  const parts: WeatherSample["parts"] = []
  for (const category of Object.keys(effects)) {
    for (let i = 0; i < per; i++) {
      const rate = Math.exp(Math.log(1.2) + 0.6 * rng.normal())
      const values = new Array(weeks)
        .fill(0)
        .map((_, w) => rng.poisson(rate * effects[category](w)))
      parts.push({
        sku: `${category.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, "0")}`,
        category,
        values,
      })
    }
  }
  return { days, start, parts }
}

/** The sample's weather as a `date,governorate,temperature,rain` file. */
/** The sample's sales as a weekly forecast input (13 weeks ahead), as the CLI and the server build it. */
export function sampleForecastInput(sample: WeatherSample) {
  return {
    series: sample.parts.map((p) => p.values),
    categories: sample.parts.map((p) => p.category),
    start: sample.start,
    frequency: "week" as const,
    horizon: 13,
  }
}

export function weatherCsv(days: WeatherDay[]): string {
  return (
    [
      "date,governorate,temperature,rain",
      ...days.map(
        (d) => `${d.date},${d.governorate},${d.temperature},${d.rain}`
      ),
    ].join("\n") + "\n"
  )
}

/** The sample's sales as a `sku,date,qty,category` file (one row per part and week with sales, on the Monday). */
export function salesCsv(sample: WeatherSample): string {
  const lines = ["sku,date,qty,category"]
  for (const p of sample.parts) {
    p.values.forEach((v, w) => {
      if (v > 0) {
        lines.push(
          `${p.sku},${new Date(sample.start.getTime() + w * 7 * 86400000).toISOString().slice(0, 10)},${v},${p.category}`
        )
      }
    })
  }
  return lines.join("\n") + "\n"
}
