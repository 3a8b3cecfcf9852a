/**
 * Forecasts with calendar effects: per category, estimate the effects
 * (`calendar-effects.ts`), divide them out of the history, forecast the
 * adjusted series with the engine, then multiply the mean and the quantiles
 * of every future period by its own calendar multiplier.
 *
 * In two steps, so a large run can be shared out: `planCalendarForecast` learns everything that
 * needs the whole data set (the effects per category, the method and prior of each demand class);
 * `forecastCalendarBatch` forecasts any slice of the series with that plan, giving each series the
 * numbers the whole run gives it. `forecastWithCalendar` is both steps on all series.
 */
import { Exposure } from "./calendar"
import {
  CategoryEffects,
  estimateCategoryEffects,
  EffectOptions,
  exposures,
  noEffects,
  periodMultiplier,
} from "./calendar-effects"
import {
  ForecastOptions,
  forecastSeriesWith,
  planSegments,
  SegmentChoice,
  SeriesForecast,
  Tuning,
} from "./engine"
import { GammaPrior } from "./pooling"
import { Frequency, QUANTILE_KEYS } from "./types"

export type CalendarForecastInput = ForecastOptions & {
  /** series[i][t] is the demand of period offsets[i] + t after `start` */
  series: number[][]
  /** first period of each series, counted from `start` (default: all 0) */
  offsets?: number[]
  /** category key per series (null: no category, no calendar effect) */
  categories: (string | null)[]
  start: Date
  /** smallest number of parts for a category to get its own effects; default 5 */
  minParts?: number
  effectOptions?: EffectOptions
  /** false: skip calendar effects entirely (plain engine) */
  calendar?: boolean
  /**
   * Weather multiplier per category and timeline period (0 … periods + horizon − 1), from
   * `weather-effects.ts`; absent (the default) or a category not in it: no weather effect.
   */
  weather?: Record<string, number[]>
}

export type CalendarForecast = SeriesForecast & {
  /** the calendar multiplier applied to each future period */
  multipliers: number[]
}

/** What a batch needs from the whole data set (plain data; `encodePlan` makes it JSON). */
export type CalendarPlan = {
  frequency: Frequency
  horizon: number
  seasonLength?: number
  /** first period (ISO date) and number of periods of the history (the longest series) */
  start: string
  periods: number
  /** false: calendar effects off */
  calendar: boolean
  /** every series is whole numbers: the adjusted quantiles are rounded */
  integer: boolean
  effects: Record<string, CategoryEffects>
  methods: Record<string, SegmentChoice>
  priors: Record<string, GammaPrior | null>
  /** weather multipliers per category and timeline period (only when some category has one) */
  weather?: Record<string, number[]>
}

/** One series of a batch: its history, first period and category, as given to the plan. */
export type BatchSeries = {
  series: number[]
  offset: number
  category: string | null
}

function exposuresOf(
  plan: Pick<
    CalendarPlan,
    "calendar" | "start" | "periods" | "horizon" | "frequency"
  >
): Exposure[] {
  return plan.calendar
    ? exposures(
        new Date(plan.start),
        plan.periods + plan.horizon,
        plan.frequency
      )
    : []
}

/** The series with its category's calendar effects divided out (as the engine sees it). */
function adjust(
  s: number[],
  offset: number,
  eff: CategoryEffects | undefined,
  ex: Exposure[],
  weather?: number[]
): number[] {
  const cal = !!eff && !eff.reason
  if (!cal && !weather) {
    return s
  }
  return s.map((v, t) =>
    v === 0
      ? 0
      : v /
        ((cal ? periodMultiplier(eff as CategoryEffects, ex[offset + t]) : 1) *
          (weather ? weather[offset + t] : 1))
  )
}

/** The series with its category's weather effect divided out (none: the series itself). */
function weatherAdjust(
  s: number[],
  offset: number,
  weather?: number[]
): number[] {
  return weather ? s.map((v, t) => (v === 0 ? 0 : v / weather[offset + t])) : s
}

/** Learns what needs the whole data set: effects per category, method and prior per demand class. */
export function planCalendarForecast(input: CalendarForecastInput): {
  plan: CalendarPlan
  tuning: Tuning[]
} {
  const { series, categories, start, frequency, horizon } = input
  const minParts = input.minParts ?? 5
  const offsets = input.offsets ?? series.map(() => 0)
  const n = series.reduce((a, s, i) => Math.max(a, offsets[i] + s.length), 0)
  const calendar = input.calendar !== false
  const ex: Exposure[] = calendar
    ? exposures(start, n + horizon, frequency)
    : []

  const weather =
    input.weather && Object.keys(input.weather).length
      ? input.weather
      : undefined
  const weatherOf = (i: number) =>
    weather && categories[i] ? weather[categories[i] as string] : undefined
  const byCategory = new Map<string, number[]>()
  categories.forEach((c, i) => {
    if (c) {
      const list = byCategory.get(c) ?? []
      list.push(i)
      byCategory.set(c, list)
    }
  })
  const effects: Record<string, CategoryEffects> = {}
  for (const [c, idx] of byCategory) {
    if (!calendar) {
      effects[c] = noEffects("calendar effects disabled", idx.length, n)
    } else if (idx.length < minParts) {
      effects[c] = noEffects(
        `only ${idx.length} part(s) in the category (< ${minParts}): no calendar effect estimated`,
        idx.length,
        n
      )
    } else {
      effects[c] = estimateCategoryEffects(
        idx.map((i) => {
          const s = weatherAdjust(series[i], offsets[i], weatherOf(i))
          return offsets[i] ? [...new Array(offsets[i]).fill(0), ...s] : s
        }),
        start,
        frequency,
        input.effectOptions,
        ex
      )
    }
  }

  const integer = series.every((s) => s.every((v) => Number.isInteger(v)))
  const adjusted = series.map((s, i) =>
    adjust(
      s,
      offsets[i],
      categories[i] ? effects[categories[i] as string] : undefined,
      ex,
      weatherOf(i)
    )
  )
  const segments = planSegments(adjusted, input)
  return {
    plan: {
      frequency,
      horizon,
      ...(input.seasonLength !== undefined
        ? { seasonLength: input.seasonLength }
        : {}),
      start: start.toISOString(),
      periods: n,
      calendar,
      integer,
      effects,
      methods: segments.methods,
      priors: segments.priors,
      ...(weather ? { weather } : {}),
    },
    tuning: segments.tuning,
  }
}

/** Forecasts a batch of the planned series (any slice, in any order, on any machine). */
export function forecastCalendarBatch(
  plan: CalendarPlan,
  batch: BatchSeries[],
  onProgress?: (done: number, total: number) => void
): CalendarForecast[] {
  const ex = exposuresOf(plan)
  const opts = {
    frequency: plan.frequency,
    horizon: plan.horizon,
    seasonLength: plan.seasonLength,
  }
  return batch.map((b, i) => {
    const eff = b.category ? plan.effects[b.category] : undefined
    const w = b.category && plan.weather ? plan.weather[b.category] : undefined
    const f = forecastSeriesWith(
      plan,
      adjust(b.series, b.offset, eff, ex, w),
      opts
    )
    onProgress?.(i + 1, batch.length)
    const len = b.offset + b.series.length
    const mult = new Array(plan.horizon)
      .fill(1)
      .map(
        (_, k) =>
          (eff && !eff.reason ? periodMultiplier(eff, ex[len + k]) : 1) *
          (w ? w[len + k] : 1)
      )
    if (mult.every((x) => x === 1)) {
      return { ...f, multipliers: mult }
    }
    const mean = f.mean.map((v, k) => v * mult[k])
    const quantiles = { ...f.quantiles }
    for (const key of QUANTILE_KEYS) {
      quantiles[key] = f.quantiles[key].map((v, k) =>
        plan.integer ? Math.round(v * mult[k]) : v * mult[k]
      )
    }
    return { ...f, mean, quantiles, multipliers: mult }
  })
}

export function forecastWithCalendar(input: CalendarForecastInput): {
  forecasts: CalendarForecast[]
  tuning: Tuning[]
  effects: Record<string, CategoryEffects>
} {
  const { plan, tuning } = planCalendarForecast(input)
  const forecasts = forecastAllOfPlan(plan, input)
  return { forecasts, tuning, effects: plan.effects }
}

/** Every series of `input` (with its offset and category) forecast in one batch by `plan`. */
export function forecastAllOfPlan(
  plan: CalendarPlan,
  input: CalendarForecastInput
): CalendarForecast[] {
  const offsets = input.offsets ?? input.series.map(() => 0)
  return forecastCalendarBatch(
    plan,
    input.series.map((series, i) => ({
      series,
      offset: offsets[i],
      category: input.categories[i],
    })),
    input.onProgress
  )
}

/** JSON of a plan or a batch's input/output: infinite NB shapes (Poisson) and NaN survive the trip. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    typeof v === "number" && !Number.isFinite(v) ? { $number: String(v) } : v
  )
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_, v) =>
    v &&
    typeof v === "object" &&
    typeof v.$number === "string" &&
    Object.keys(v).length === 1
      ? Number(v.$number)
      : v
  ) as T
}
