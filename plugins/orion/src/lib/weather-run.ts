/**
 * What a forecast run stores about the weather (`orion_forecast_run.weather_effects`): which weather it
 * used, per category which effects the hold-out tested and kept, the plain French line of each kept
 * effect ("temps froid : +211 % sur Batteries (…)") and the weather multiplier of every forecast period.
 */
import { CalendarPlan } from "./calendar-forecast"
import { weatherEffectText } from "./plain-french"
import { round } from "./round"
import {
  CategoryWeather,
  describeWeather,
  WEATHER_EVENTS,
  WeatherEvent,
} from "./weather-effects"

export type RunWeatherCategory = {
  /** the category's name (its handle when unknown) */
  name: string
  /** the effects kept (applied to the forecast) */
  kept: WeatherEvent[]
  /** one plain French line per kept effect */
  texts: string[]
  /** the technical line (multipliers, hold-out error of every effect tested) */
  details: string
  /** why nothing was tested (too little weather over the history) */
  reason: string | null
  effects: Record<
    WeatherEvent,
    { multiplier: number; holdout_gain: number; windows: number; kept: boolean }
  > | null
  /** the weather multiplier of each forecast period (kept effects only; null when none is kept) */
  forecast_multipliers: number[] | null
}

export type RunWeather = {
  /** governorates whose daily weather was averaged */
  governorates: string[]
  days: number
  first_day: string
  last_day: string
  categories: Record<string, RunWeatherCategory>
  /** every kept effect in plain French, category by category */
  texts: string[]
}

export function runWeather(args: {
  weather: Record<string, CategoryWeather>
  plan: Pick<CalendarPlan, "weather" | "periods" | "horizon" | "frequency">
  /** category handle → name */
  names: Record<string, string>
  governorates: string[]
  days: { date: string }[]
}): RunWeather {
  const { plan } = args
  const categories: Record<string, RunWeatherCategory> = {}
  const texts: string[] = []
  for (const c of Object.keys(args.weather).sort()) {
    const w = args.weather[c]
    const name = args.names[c] ?? c
    const kept = w.effects
      ? WEATHER_EVENTS.filter(
          (e) =>
            (w.effects as NonNullable<CategoryWeather["effects"]>)[e].chosen
        )
      : []
    const lines = kept.map((e) =>
      weatherEffectText(
        e,
        Math.exp(
          (w.effects as NonNullable<CategoryWeather["effects"]>)[e].beta
        ),
        name,
        plan.frequency
      )
    )
    texts.push(...lines)
    const m = plan.weather?.[c]
    categories[c] = {
      name,
      kept,
      texts: lines,
      details: describeWeather(w),
      reason: w.reason ?? null,
      effects: w.effects
        ? (Object.fromEntries(
            WEATHER_EVENTS.map((e) => {
              const r = (w.effects as NonNullable<CategoryWeather["effects"]>)[
                e
              ]
              return [
                e,
                {
                  multiplier: round(Math.exp(r.beta), 3),
                  holdout_gain:
                    r.errorWithout > 0
                      ? round(1 - r.errorWith / r.errorWithout, 4)
                      : 0,
                  windows: r.windows,
                  kept: r.chosen,
                },
              ]
            })
          ) as RunWeatherCategory["effects"])
        : null,
      forecast_multipliers: m
        ? m
            .slice(plan.periods, plan.periods + plan.horizon)
            .map((x) => round(x, 4))
        : null,
    }
  }
  const dates = args.days.map((d) => d.date).sort()
  return {
    governorates: args.governorates,
    days: new Set(dates).size,
    first_day: dates[0],
    last_day: dates[dates.length - 1],
    categories,
    texts,
  }
}
