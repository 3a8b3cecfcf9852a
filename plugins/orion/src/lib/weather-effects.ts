/**
 * Optional weather effects: daily weather per governorate (`weather-csv.ts`) turned into, per period,
 * the share of days of a cold snap (mean temperature ≤ coldC) and of a heat wave (≥ hotC); per
 * category, a multiplier exp(β · share) is estimated on the category total and **kept only when it
 * lowers the hold-out error** of the category total on earlier windows (origins n − h, n − 2h, n − 3h:
 * fitted before the origin, scored on the h periods after it). The kept multipliers are handed to
 * `forecastWithCalendar` (`weather` option): divided out of the history, applied to the forecast.
 * Without weather data, or when no category gains, the forecast is exactly `forecastWithCalendar`'s.
 *
 * Future periods use the imported weather when the file covers them (a weather forecast), otherwise
 * the average share of the same week / month of the year in the file (climatology), otherwise none.
 * The hold-out uses the weather of the held-out periods as recorded: it tests whether the effect is
 * real; the gain on a real forecast also depends on how good the future weather is.
 */
import {
  CalendarForecastInput,
  CalendarPlan,
  forecastAllOfPlan,
  planCalendarForecast,
} from "./calendar-forecast"
import { Tuning } from "./engine"
import { addPeriods } from "./sales-history"
import { Frequency } from "./types"
import { WeatherDay } from "./weather-csv"

export const WEATHER_EVENTS = ["cold", "heat"] as const
export type WeatherEvent = (typeof WEATHER_EVENTS)[number]
export type WeatherExposure = Record<WeatherEvent, number>

export type WeatherThresholds = { coldC: number; hotC: number }
export const DEFAULT_THRESHOLDS: WeatherThresholds = { coldC: 8, hotC: 32 }

export type WeatherEffect = {
  /** log-multiplier per unit of share (multiplier = exp(beta · share of days)) */
  beta: number
  /** hold-out absolute error of the category total with / without this effect */
  errorWith: number
  errorWithout: number
  windows: number
  chosen: boolean
}

export type CategoryWeather = {
  effects: Record<WeatherEvent, WeatherEffect> | null
  reason?: string
}

/** Daily values averaged over the given governorates (all in the data when none given). */
export function dailyWeather(
  days: WeatherDay[],
  governorates?: string[]
): Map<string, { temperature: number; rain: number }> {
  const keep =
    governorates && governorates.length ? new Set(governorates) : null
  const sum = new Map<string, { t: number; r: number; n: number }>()
  for (const d of days) {
    if (keep && !keep.has(d.governorate)) {
      continue
    }
    const s = sum.get(d.date) ?? { t: 0, r: 0, n: 0 }
    s.t += d.temperature
    s.r += d.rain
    s.n++
    sum.set(d.date, s)
  }
  const out = new Map<string, { temperature: number; rain: number }>()
  for (const [date, s] of sum) {
    out.set(date, { temperature: s.t / s.n, rain: s.r / s.n })
  }
  return out
}

function periodOfYear(d: Date, frequency: Frequency): number {
  if (frequency === "month") {
    return d.getUTCMonth()
  }
  const day = Math.floor(
    (d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000
  )
  return Math.min(51, Math.floor(day / 7))
}

/**
 * Share of cold-snap and heat-wave days of every period of the timeline (n periods from start).
 * A period with data on fewer than half of its days is filled from the same week / month of the
 * year in the data (climatology), or zeros when the data never covers it.
 */
export function weatherExposures(
  daily: Map<string, { temperature: number }>,
  start: Date,
  n: number,
  frequency: Frequency,
  thresholds: WeatherThresholds = DEFAULT_THRESHOLDS
): { exposures: WeatherExposure[]; observed: boolean[] } {
  const exposures: WeatherExposure[] = []
  const observed: boolean[] = []
  const byYearPeriod = new Map<
    number,
    { cold: number; heat: number; n: number }
  >()
  const poy: number[] = []
  for (let t = 0; t < n; t++) {
    const a = addPeriods(start, t, frequency)
    const b = addPeriods(start, t + 1, frequency)
    let days = 0
    let seen = 0
    let cold = 0
    let heat = 0
    for (let d = a.getTime(); d < b.getTime(); d += 86400000) {
      days++
      const w = daily.get(new Date(d).toISOString().slice(0, 10))
      if (w) {
        seen++
        cold += w.temperature <= thresholds.coldC ? 1 : 0
        heat += w.temperature >= thresholds.hotC ? 1 : 0
      }
    }
    const ok = seen * 2 >= days
    observed.push(ok)
    exposures.push(
      ok ? { cold: cold / seen, heat: heat / seen } : { cold: 0, heat: 0 }
    )
    const p = periodOfYear(a, frequency)
    poy.push(p)
    if (ok) {
      const s = byYearPeriod.get(p) ?? { cold: 0, heat: 0, n: 0 }
      s.cold += cold / seen
      s.heat += heat / seen
      s.n++
      byYearPeriod.set(p, s)
    }
  }
  for (let t = 0; t < n; t++) {
    const s = byYearPeriod.get(poy[t])
    if (!observed[t] && s) {
      exposures[t] = { cold: s.cold / s.n, heat: s.heat / s.n }
    }
  }
  return { exposures, observed }
}

/**
 * β of y_t ~ Poisson(b_t · exp(β x_t)), b_t the mean of the neighbouring periods (± half) with the
 * effect divided out (iterated), ridge prior β ~ N(0, 0.5²); |β| ≤ 2.
 */
export function fitWeatherBeta(y: number[], x: number[], half: number): number {
  let beta = 0
  const n = y.length
  for (let it = 0; it < 4; it++) {
    const adj = y.map((v, t) => v / Math.exp(beta * x[t]))
    const base = y.map((_, t) => {
      let s = 0
      let c = 0
      for (let k = Math.max(0, t - half); k <= Math.min(n - 1, t + half); k++) {
        if (k !== t) {
          s += adj[k]
          c++
        }
      }
      return c ? s / c : 0
    })
    let b = beta
    for (let k = 0; k < 20; k++) {
      let score = -b / 0.25
      let info = 1 / 0.25
      for (let t = 0; t < n; t++) {
        if (x[t] === 0 || base[t] <= 0) {
          continue
        }
        const mu = base[t] * Math.exp(b * x[t])
        score += x[t] * (y[t] - mu)
        info += x[t] * x[t] * mu
      }
      const step = score / info
      b = Math.max(-2, Math.min(2, b + step))
      if (Math.abs(step) < 1e-9) {
        break
      }
    }
    beta = b
  }
  return beta
}

/**
 * Hold-out check of one effect on a category total: at each origin o (n − h, n − 2h, n − 3h, while
 * at least minTrain periods precede it) β is fitted on y[0, o); the forecast of y[o, o + h) is the
 * mean of the last h periods (with / without the effect divided out) times exp(β x_t) / times 1.
 */
export function holdoutWeather(
  y: number[],
  x: number[],
  horizon: number,
  frequency: Frequency
): WeatherEffect {
  const n = y.length
  const half = frequency === "week" ? 4 : 1
  const minTrain = frequency === "week" ? 52 : 12
  let errorWith = 0
  let errorWithout = 0
  let windows = 0
  for (let k = 1; k <= 3; k++) {
    const o = n - k * horizon
    if (o < minTrain) {
      break
    }
    const beta = fitWeatherBeta(y.slice(0, o), x.slice(0, o), half)
    let plain = 0
    let adj = 0
    for (let t = o - horizon; t < o; t++) {
      plain += y[t] / horizon
      adj += y[t] / Math.exp(beta * x[t]) / horizon
    }
    for (let t = o; t < o + horizon; t++) {
      errorWithout += Math.abs(y[t] - plain)
      errorWith += Math.abs(y[t] - adj * Math.exp(beta * x[t]))
    }
    windows++
  }
  const beta = fitWeatherBeta(y, x, half)
  return { beta, errorWith, errorWithout, windows, chosen: false }
}

export type WeatherInput = {
  days: WeatherDay[]
  /** governorates whose weather is averaged (default: all in the data) */
  governorates?: string[]
  thresholds?: WeatherThresholds
  /** an effect is kept when its hold-out error is at least this share lower; default 0.03 */
  minGain?: number
}

/**
 * Per category: which weather effects the hold-out keeps, and the multiplier of every timeline
 * period (n history + horizon) for the categories that keep at least one.
 */
export function planWeather(
  input: Pick<
    CalendarForecastInput,
    "series" | "offsets" | "categories" | "start" | "frequency" | "horizon"
  > & { weather?: WeatherInput }
): {
  categories: Record<string, CategoryWeather>
  multipliers: Record<string, number[]>
} {
  const { series, categories, start, frequency, horizon } = input
  const out: Record<string, CategoryWeather> = {}
  const multipliers: Record<string, number[]> = {}
  if (!input.weather || input.weather.days.length === 0) {
    return { categories: out, multipliers }
  }
  const offsets = input.offsets ?? series.map(() => 0)
  const n = series.reduce((a, s, i) => Math.max(a, offsets[i] + s.length), 0)
  const { exposures, observed } = weatherExposures(
    dailyWeather(input.weather.days, input.weather.governorates),
    start,
    n + horizon,
    frequency,
    input.weather.thresholds
  )
  const minGain = input.weather.minGain ?? 0.03
  const totals = new Map<string, number[]>()
  categories.forEach((c, i) => {
    if (!c) {
      return
    }
    const tot = totals.get(c) ?? new Array(n).fill(0)
    series[i].forEach((v, t) => (tot[offsets[i] + t] += v))
    totals.set(c, tot)
  })
  // only the part of the history the weather data covers is used to decide
  let first = 0
  while (first < n && !observed[first]) {
    first++
  }
  let last = n
  while (last > first && !observed[last - 1]) {
    last--
  }
  for (const c of [...totals.keys()].sort()) {
    const y = (totals.get(c) as number[]).slice(first, last)
    if (y.length < (frequency === "week" ? 52 : 12) + horizon) {
      out[c] = {
        effects: null,
        reason: `weather data covers ${y.length} periods of the history: too few to test an effect`,
      }
      continue
    }
    const effects = {} as Record<WeatherEvent, WeatherEffect>
    let beta: Partial<Record<WeatherEvent, number>> = {}
    for (const e of WEATHER_EVENTS) {
      const x = exposures.slice(first, last).map((ex) => ex[e])
      const r = x.some((v) => v > 0)
        ? holdoutWeather(y, x, horizon, frequency)
        : { beta: 0, errorWith: 0, errorWithout: 0, windows: 0, chosen: false }
      r.chosen =
        r.windows > 0 &&
        r.errorWith < r.errorWithout * (1 - minGain) &&
        Math.abs(r.beta) >= 0.05
      effects[e] = r
      if (r.chosen) {
        beta = { ...beta, [e]: r.beta }
      }
    }
    out[c] = { effects }
    if (Object.keys(beta).length) {
      multipliers[c] = exposures.map((ex) =>
        Math.exp(WEATHER_EVENTS.reduce((a, e) => a + (beta[e] ?? 0) * ex[e], 0))
      )
    }
  }
  return { categories: out, multipliers }
}

/**
 * `planCalendarForecast` with the weather effects the hold-out keeps: the run's plan (weather multipliers
 * included, so every batch applies them) and, per category, which effects were tested and kept. The
 * server's run (`forecast-worker.ts`) and the CLI (`forecastWithWeather`) both plan through here.
 */
export function planWithWeather(
  input: CalendarForecastInput & { weatherData?: WeatherInput }
): {
  plan: CalendarPlan
  tuning: Tuning[]
  weather: Record<string, CategoryWeather>
} {
  const { weatherData, ...rest } = input
  const w = planWeather({ ...rest, weather: weatherData })
  const { plan, tuning } = planCalendarForecast(
    Object.keys(w.multipliers).length
      ? { ...rest, weather: w.multipliers }
      : rest
  )
  return { plan, tuning, weather: w.categories }
}

/** `forecastWithCalendar` with the weather effects the hold-out keeps (none without weather data). */
export function forecastWithWeather(
  input: CalendarForecastInput & { weatherData?: WeatherInput }
) {
  const { plan, tuning, weather } = planWithWeather(input)
  const forecasts = forecastAllOfPlan(plan, input)
  return { forecasts, tuning, effects: plan.effects, weather }
}

/** "cold ×3.32 at full exposure, hold-out error −6.1 % (kept); heat …" (CLI log, details line). */
export function describeWeather(c: CategoryWeather): string {
  if (!c.effects) {
    return c.reason ?? "no weather effect"
  }
  return WEATHER_EVENTS.map((e) => {
    const r = (c.effects as Record<WeatherEvent, WeatherEffect>)[e]
    const gain =
      r.errorWithout > 0 ? (1 - r.errorWith / r.errorWithout) * 100 : 0
    return `${e} ×${Math.exp(r.beta).toFixed(2)} at full exposure, hold-out error ${gain >= 0 ? "−" : "+"}${Math.abs(gain).toFixed(1)} % (${r.chosen ? "kept" : "not kept"})`
  }).join("; ")
}
