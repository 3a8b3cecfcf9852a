import { CALENDAR_EVENTS } from "./calendar"
import {
  describeEffects,
  estimateCategoryEffects,
  exposures,
  levelOf,
  periodMultiplier,
} from "./calendar-effects"
import { forecastWithCalendar } from "./calendar-forecast"
import { forecastMany } from "./engine"
import { MetricAccumulator } from "./metrics"
import { Rng } from "./random"
import { Frequency, QUANTILE_KEYS } from "./types"

const START = new Date(Date.UTC(2019, 0, 1))

/**
 * Parts with log-normal base rates, NB noise, and a known log-linear calendar effect (monthly and
 * without effect unless told).
 */
function generate(opts: {
  parts: number
  periods: number
  frequency?: Frequency
  seed: number
  effects?: Partial<Record<(typeof CALENDAR_EVENTS)[number], number>>
  baseMedian?: number
}): number[][] {
  const rng = new Rng(opts.seed)
  const ex = exposures(START, opts.periods, opts.frequency ?? "month")
  const out: number[][] = []
  for (let p = 0; p < opts.parts; p++) {
    const base = Math.exp(Math.log(opts.baseMedian ?? 0.8) + 1.0 * rng.normal())
    const y: number[] = []
    for (let t = 0; t < opts.periods; t++) {
      let s = 0
      for (const e of CALENDAR_EVENTS) {
        s += Math.log(opts.effects?.[e] ?? 1) * ex[t][e]
      }
      y.push(rng.negBinomial(base * Math.exp(s), 1))
    }
    out.push(y)
  }
  return out
}

function holdoutWql(
  series: number[][],
  h: number,
  run: (train: number[][]) => { mean: number[]; quantiles: any }[]
): number {
  const acc = new MetricAccumulator()
  const train = series.map((s) => s.slice(0, s.length - h))
  const fc = run(train)
  series.forEach((s, i) =>
    acc.add(train[i], s.slice(s.length - h), fc[i].mean, fc[i].quantiles, 12)
  )
  return acc.summary().wql
}

describe("calendar effects", () => {
  it("levelOf is a one-season moving average clamped at the ends", () => {
    expect(levelOf([1, 2, 3, 4, 5, 6], 2)).toEqual([
      1.5, 1.5, 2.5, 3.5, 4.5, 5.5,
    ])
    expect(levelOf([2, 4], 12)).toEqual([3, 3])
  })

  it("recovers a known Ramadan effect (×1.8) and finds none where there is none", () => {
    const withEffect = generate({
      parts: 300,
      periods: 72,
      seed: 7,
      effects: { ramadan: 1.8 },
    })
    const est = estimateCategoryEffects(withEffect, START, "month")
    expect(est.reason).toBeUndefined()
    expect(est.effects.ramadan.multiplier).toBeGreaterThan(1.6)
    expect(est.effects.ramadan.multiplier).toBeLessThan(2.0)
    for (const e of ["summer", "rains", "eidAdha"] as const) {
      expect(Math.abs(est.effects[e].beta)).toBeLessThan(0.15)
    }

    const flat = generate({ parts: 300, periods: 72, seed: 8 })
    const none = estimateCategoryEffects(flat, START, "month")
    for (const e of CALENDAR_EVENTS) {
      // 3-day Eids are weakly identified in monthly data: within 2.5 standard errors of 0
      expect(Math.abs(none.effects[e].beta)).toBeLessThan(
        Math.max(0.12, 2.5 * none.effects[e].se)
      )
    }
    // whatever is left barely moves any period
    for (const x of exposures(START, 72, "month")) {
      expect(Math.abs(Math.log(periodMultiplier(none, x)))).toBeLessThan(0.1)
    }
  })

  it("recovers a summer effect on weekly data", () => {
    const weekly = generate({
      parts: 200,
      periods: 156,
      frequency: "week",
      seed: 11,
      effects: { summer: 1.5 },
      baseMedian: 0.3,
    })
    const est = estimateCategoryEffects(weekly, START, "week")
    expect(est.effects.summer.multiplier).toBeGreaterThan(1.3)
    expect(est.effects.summer.multiplier).toBeLessThan(1.7)
  })

  it("shrinks toward no effect when the category has little volume", () => {
    const sparse = generate({
      parts: 3,
      periods: 48,
      seed: 3,
      effects: { ramadan: 1.8 },
      baseMedian: 0.1,
    })
    const est = estimateCategoryEffects(sparse, START, "month")
    for (const e of CALENDAR_EVENTS) {
      // a free fit on ~15 units would swing far; the prior keeps it close to 1
      expect(Math.abs(est.effects[e].beta)).toBeLessThan(0.35)
    }
  })

  it("says why when the history is too short", () => {
    const est = estimateCategoryEffects([[1, 2, 3]], START, "month")
    expect(est.reason).toContain("shorter")
    expect(describeEffects(est)).toContain("shorter")
    expect(periodMultiplier(est, exposures(START, 1, "month")[0])).toBe(1)
  })

  it("improves hold-out WQL with an effect and does not hurt it without one", () => {
    const h = 12
    const opts = { frequency: "month" as Frequency, horizon: h, sampleSize: 80 }
    const plain = (train: number[][]) => forecastMany(train, opts).forecasts
    const cal = (train: number[][]) =>
      forecastWithCalendar({
        ...opts,
        series: train,
        categories: train.map(() => "c"),
        start: START,
      }).forecasts

    const effect = generate({
      parts: 200,
      periods: 60,
      seed: 21,
      effects: { ramadan: 2.0, summer: 0.7 },
    })
    const wPlain = holdoutWql(effect, h, plain)
    const wCal = holdoutWql(effect, h, cal)
    expect(wCal).toBeLessThan(wPlain)

    const flat = generate({ parts: 200, periods: 60, seed: 22 })
    const fPlain = holdoutWql(flat, h, plain)
    const fCal = holdoutWql(flat, h, cal)
    expect(fCal).toBeLessThanOrEqual(fPlain * 1.01)
    process.stdout.write(
      `hold-out WQL with effect: plain ${wPlain.toFixed(3)} calendar ${wCal.toFixed(3)}; without: plain ${fPlain.toFixed(3)} calendar ${fCal.toFixed(3)}\n`
    )
  })

  it("keeps quantiles non-negative and non-decreasing after the multipliers", () => {
    const series = generate({
      parts: 30,
      periods: 40,
      seed: 5,
      effects: { ramadan: 2.5 },
    })
    const { forecasts, effects } = forecastWithCalendar({
      series,
      categories: series.map(() => "x"),
      start: START,
      frequency: "month",
      horizon: 6,
    })
    expect(effects.x.effects.ramadan.multiplier).toBeGreaterThan(1)
    for (const f of forecasts) {
      expect(f.multipliers).toHaveLength(6)
      for (let t = 0; t < 6; t++) {
        let prev = 0
        for (const k of QUANTILE_KEYS) {
          expect(f.quantiles[k][t]).toBeGreaterThanOrEqual(prev)
          prev = f.quantiles[k][t]
        }
      }
    }
  })
})
