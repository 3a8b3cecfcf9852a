/**
 * Forecasts with calendar effects: per category, estimate the effects
 * (`calendar-effects.ts`), divide them out of the history, forecast the
 * adjusted series with the engine (`forecastMany`), then multiply the mean and
 * the quantiles of every future period by its own calendar multiplier.
 */
import { Exposure } from "./calendar"
import { CategoryEffects, estimateCategoryEffects, EffectOptions, exposures, noEffects, periodMultiplier } from "./calendar-effects"
import { forecastMany, ForecastOptions, SeriesForecast, Tuning } from "./engine"
import { QUANTILE_KEYS } from "./types"

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
}

export type CalendarForecast = SeriesForecast & {
  /** the calendar multiplier applied to each future period */
  multipliers: number[]
}

export function forecastWithCalendar(input: CalendarForecastInput): {
  forecasts: CalendarForecast[]
  tuning: Tuning[]
  effects: Record<string, CategoryEffects>
} {
  const { series, categories, start, frequency, horizon } = input
  const minParts = input.minParts ?? 5
  const offsets = input.offsets ?? series.map(() => 0)
  const n = series.reduce((a, s, i) => Math.max(a, offsets[i] + s.length), 0)
  const ex: Exposure[] = input.calendar === false ? [] : exposures(start, n + horizon, frequency)

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
    if (input.calendar === false) {
      effects[c] = noEffects("calendar effects disabled", idx.length, n)
    } else if (idx.length < minParts) {
      effects[c] = noEffects(`only ${idx.length} part(s) in the category (< ${minParts}): no calendar effect estimated`, idx.length, n)
    } else {
      effects[c] = estimateCategoryEffects(
        idx.map((i) => (offsets[i] ? [...new Array(offsets[i]).fill(0), ...series[i]] : series[i])),
        start,
        frequency,
        input.effectOptions,
        ex
      )
    }
  }

  const integer = series.every((s) => s.every((v) => Number.isInteger(v)))
  const adjusted = series.map((s, i) => {
    const eff = categories[i] ? effects[categories[i] as string] : undefined
    if (!eff || eff.reason) {
      return s
    }
    return s.map((v, t) => (v === 0 ? 0 : v / periodMultiplier(eff, ex[offsets[i] + t])))
  })

  const { forecasts, tuning } = forecastMany(adjusted, input)
  const out: CalendarForecast[] = forecasts.map((f, i) => {
    const eff = categories[i] ? effects[categories[i] as string] : undefined
    const len = offsets[i] + series[i].length
    const mult = new Array(horizon).fill(1).map((_, k) => (eff && !eff.reason ? periodMultiplier(eff, ex[len + k]) : 1))
    if (mult.every((x) => x === 1)) {
      return { ...f, multipliers: mult }
    }
    const mean = f.mean.map((v, k) => v * mult[k])
    const quantiles = { ...f.quantiles }
    for (const key of QUANTILE_KEYS) {
      quantiles[key] = f.quantiles[key].map((v, k) => (integer ? Math.round(v * mult[k]) : v * mult[k]))
    }
    return { ...f, mean, quantiles, multipliers: mult }
  })
  return { forecasts: out, tuning, effects }
}
