#!/usr/bin/env node
import fs from "fs"
import { stringify } from "csv-stringify/sync"
import cliProgress from "cli-progress"
import { addPeriods, buildSeries } from "../lib/sales-history"
import { forecastMany, SeriesForecast, Tuning } from "../lib/engine"
import { describeEffects } from "../lib/calendar-effects"
import {
  CategoryWeather,
  describeWeather,
  forecastWithWeather,
} from "../lib/weather-effects"
import {
  generateWeatherSample,
  salesCsv,
  weatherCsv,
} from "../lib/weather-sample"
import { backtest } from "../lib/backtest"
import { Frequency, QUANTILE_KEYS } from "../lib/types"

import {
  alignEnd,
  CliError,
  readSales,
  readSalesFile,
  readWeatherFile,
} from "./files"

export { CliError, readSales, readSalesFile, readWeatherFile } from "./files"

const USAGE = `usage:
  orion forecast --input <sales.csv> --horizon <n> --frequency month|week --out <forecasts.csv> [--end-at-last-sale]
                 [--weather <weather.csv> [--governorate Tunis,Ariana]]
  orion backtest --input <sales.csv> --frequency month|week [--horizon n] [--end-at-last-sale]
  orion sample-weather --out-dir <dir>   (writes a generated weather.csv and sales.csv to try --weather)

input CSV columns: sku,date,qty[,category] (date YYYY-MM-DD; missing periods are zero). Every sku's
series ends at the last date in the file (as the server's runs do); --end-at-last-sale ends each sku
at its own last sale instead. With a category column, calendar effects (Ramadan, Eids, summer, rains)
are estimated per category and applied, as the server does. --weather (needs the category column):
daily weather date,governorate,temperature,rain; a cold-snap / heat-wave effect is applied to the
categories whose hold-out error it lowers (weather averaged over --governorate, default all in the file).`

type Args = { command: string; flags: Record<string, string | boolean> }

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv
  const flags: Record<string, string | boolean> = {}
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]
    if (!a.startsWith("--")) {
      throw new CliError(`unexpected argument "${a}"\n${USAGE}`)
    }
    const key = a.slice(2)
    const next = rest[i + 1]
    if (next === undefined || next.startsWith("--")) {
      flags[key] = true
    } else {
      flags[key] = next
      i++
    }
  }
  return { command: command ?? "", flags }
}

function str(
  flags: Args["flags"],
  name: string,
  required = true
): string | undefined {
  const v = flags[name]
  if (v === undefined || v === true) {
    if (required) {
      throw new CliError(`missing --${name}\n${USAGE}`)
    }
    return undefined
  }
  return v as string
}

function frequencyOf(flags: Args["flags"]): Frequency {
  const f = str(flags, "frequency")
  if (f !== "month" && f !== "week") {
    throw new CliError(`--frequency must be "month" or "week", got "${f}"`)
  }
  return f
}

function horizonOf(flags: Args["flags"], fallback?: number): number {
  const raw = str(flags, "horizon", fallback === undefined)
  if (raw === undefined) {
    return fallback as number
  }
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 520) {
    throw new CliError(
      `--horizon must be an integer between 1 and 520, got "${raw}"`
    )
  }
  return n
}

const iso = (d: Date) => d.toISOString().slice(0, 10)
const num = (v: number) => String(Math.round(v * 1000) / 1000)

export async function runForecast(
  flags: Args["flags"],
  stderr: NodeJS.WritableStream = process.stderr
): Promise<void> {
  const input = str(flags, "input") as string
  const out = str(flags, "out") as string
  const frequency = frequencyOf(flags)
  const horizon = horizonOf(flags)
  const weatherPath = str(flags, "weather", false)
  if (flags.weather === true || flags.governorate === true) {
    throw new CliError(
      `--${flags.weather === true ? "weather needs a file" : "governorate needs a name (e.g. Tunis,Ariana)"}\n${USAGE}`
    )
  }
  if (flags.governorate !== undefined && !weatherPath) {
    throw new CliError("--governorate is only used with --weather")
  }
  const weather = weatherPath
    ? readWeatherFile(weatherPath, str(flags, "governorate", false))
    : undefined
  const { rows, categories } = await readSalesFile(input)
  if (weather && !categories) {
    throw new CliError(
      `--weather needs a category column in ${input} (weather effects are chosen per category)`
    )
  }
  const series = buildSeries(rows, frequency)
  if (!flags["end-at-last-sale"]) {
    alignEnd(series, frequency)
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr,
      format: "forecast [{bar}] {percentage}% | {value}/{total} parts",
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    cliProgress.Presets.shades_classic
  )
  bar.start(series.length, 0)
  const onProgress = (done: number) =>
    (done % 500 === 0 || done === series.length) && bar.update(done)
  const values = series.map((s) => s.values)
  let result: {
    forecasts: (SeriesForecast & { multipliers?: number[] })[]
    tuning: Tuning[]
  }
  let effectsText: string[] = []
  let weatherText: string[] = []
  if (categories) {
    // the server's way: calendar effects per category, on series placed on one shared timeline
    const start = new Date(Math.min(...series.map((s) => s.start.getTime())))
    const offsets = series.map((s) => periodsBetween(start, s.start, frequency))
    const r = forecastWithWeather({
      series: values,
      offsets,
      categories: series.map((s) => categories.get(s.sku) ?? null),
      start,
      frequency,
      horizon,
      onProgress,
      weatherData: weather,
    })
    result = r
    effectsText = Object.entries(r.effects).map(
      ([c, e]) => `category ${c}: ${describeEffects(e)}`
    )
    weatherText = Object.entries(
      r.weather as Record<string, CategoryWeather>
    ).map(([c, w]) => `weather, category ${c}: ${describeWeather(w)}`)
  } else {
    result = forecastMany(values, { frequency, horizon, onProgress })
  }
  bar.stop()
  const { forecasts, tuning } = result
  const records: string[][] = []
  series.forEach((s, i) => {
    const f = forecasts[i]
    for (let h = 0; h < horizon; h++) {
      records.push([
        s.sku,
        iso(addPeriods(s.start, s.values.length + h, frequency)),
        f.model,
        f.segment,
        f.reason ?? "",
        num(f.multipliers?.[h] ?? 1),
        num(f.mean[h]),
        ...QUANTILE_KEYS.map((k) => num(f.quantiles[k][h])),
      ])
    }
  })
  fs.writeFileSync(
    out,
    stringify(records, {
      header: true,
      columns: [
        "sku",
        "date",
        "model",
        "demand_class",
        "reason",
        "calendar_multiplier",
        "mean",
        ...QUANTILE_KEYS,
      ],
    })
  )
  for (const t of tuning) {
    stderr.write(
      `segment ${t.segment}: ${t.sampled} series sampled, method ${forecastLabel(t.chosen)}${t.reason ? ` (${t.reason})` : ""}\n`
    )
  }
  if (categories) {
    for (const line of [...effectsText, ...weatherText]) {
      stderr.write(`${line}\n`)
    }
  } else {
    stderr.write(
      "no category column: calendar effects not applied (add a category column to apply them as the server does)\n"
    )
  }
  stderr.write(
    `wrote ${records.length} rows for ${series.length} skus to ${out}\n`
  )
}

function periodsBetween(a: Date, b: Date, f: Frequency): number {
  return f === "month"
    ? (b.getUTCFullYear() - a.getUTCFullYear()) * 12 +
        b.getUTCMonth() -
        a.getUTCMonth()
    : Math.round((b.getTime() - a.getTime()) / (7 * 86400000))
}

function forecastLabel(m: {
  model: string
  distribution: string
  shape: number
}): string {
  return `${m.model}+${m.distribution}${m.distribution === "nb" || m.distribution === "blend" ? `(k=${m.shape})` : ""}`
}

export async function runBacktest(
  flags: Args["flags"],
  stdout: NodeJS.WritableStream = process.stdout
): Promise<void> {
  const input = str(flags, "input") as string
  const frequency = frequencyOf(flags)
  const horizon = horizonOf(flags, frequency === "week" ? 13 : 12)
  const series = buildSeries(await readSales(input), frequency)
  if (!flags["end-at-last-sale"]) {
    alignEnd(series, frequency)
  }
  const report = backtest(
    series.map((s) => s.values),
    { frequency, horizon }
  )
  stdout.write(report.table + "\n")
}

/** Writes the generated weather sample (3 years of Tunis weather, batteries / cooling / filters sales). */
export function runSampleWeather(
  flags: Args["flags"],
  stderr: NodeJS.WritableStream = process.stderr
): void {
  const dir = str(flags, "out-dir") as string
  fs.mkdirSync(dir, { recursive: true })
  const sample = generateWeatherSample()
  fs.writeFileSync(`${dir}/weather.csv`, weatherCsv(sample.days))
  fs.writeFileSync(`${dir}/sales.csv`, salesCsv(sample))
  stderr.write(
    `wrote ${dir}/weather.csv (${sample.days.length} days, Tunis) and ${dir}/sales.csv (${sample.parts.length} skus, weekly)\n`
  )
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv)
    if (args.command === "forecast") {
      await runForecast(args.flags)
    } else if (args.command === "backtest") {
      await runBacktest(args.flags)
    } else if (args.command === "sample-weather") {
      runSampleWeather(args.flags)
    } else {
      throw new CliError(
        args.command ? `unknown command "${args.command}"\n${USAGE}` : USAGE
      )
    }
    return 0
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`orion: ${e.message}\n`)
      return 1
    }
    throw e
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
