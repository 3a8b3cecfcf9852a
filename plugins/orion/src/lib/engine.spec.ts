import fc from "fast-check"
import {
  forecastMany,
  forecastSeries,
  rollingWindows,
  tuneOnPool,
} from "./engine"
import { generateDemand } from "./generator"
import { MetricAccumulator } from "./metrics"
import { QUANTILE_KEYS } from "./types"

describe("engine", () => {
  it("builds rolling-origin windows", () => {
    const w = rollingWindows([1, 2, 3, 4, 5, 6, 7, 8], 2, 3, 3)
    expect(w).toEqual([
      { train: [1, 2, 3, 4, 5, 6], actual: [7, 8] },
      { train: [1, 2, 3, 4], actual: [5, 6] },
    ])
  })

  it("returns zeros and a reason for all-zero history", () => {
    const r = forecastSeries(
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      { frequency: "month", horizon: 4 }
    )
    expect(r.mean).toEqual([0, 0, 0, 0])
    expect(r.quantiles.p90).toEqual([0, 0, 0, 0])
    expect(r.reason).toContain("no demand")
  })

  it("falls back gracefully on short history and says so", () => {
    const r = forecastSeries([0, 3], { frequency: "week", horizon: 3 })
    expect(r.reason).toContain("short history")
    expect(r.mean).toHaveLength(3)
  })

  it("property: quantiles non-negative, non-decreasing, mean ≥ 0", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(40), { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (y, h) => {
          const r = forecastSeries(y, { frequency: "month", horizon: h })
          expect(r.mean).toHaveLength(h)
          for (let t = 0; t < h; t++) {
            expect(r.mean[t]).toBeGreaterThanOrEqual(0)
            let prev = 0
            for (const k of QUANTILE_KEYS) {
              expect(r.quantiles[k][t]).toBeGreaterThanOrEqual(prev)
              prev = r.quantiles[k][t]
            }
            if (y.every((v) => v === 0)) {
              expect(r.quantiles.p90[t]).toBe(0)
            }
          }
        }
      ),
      { numRuns: 60 }
    )
  })

  it("beats the all-zero forecast (WQL 1) and seasonal naive on held-out synthetic intermittent demand", () => {
    const parts = generateDemand({
      parts: 300,
      periods: 40,
      frequency: "month",
      seed: 11,
    })
    const train = parts.map((p) => p.values.slice(0, 34))
    const { forecasts, tuning } = forecastMany(train, {
      frequency: "month",
      horizon: 6,
      sampleSize: 150,
    })
    const acc = new MetricAccumulator()
    parts.forEach((p, i) =>
      acc.add(
        train[i],
        p.values.slice(34),
        forecasts[i].mean,
        forecasts[i].quantiles,
        12
      )
    )
    const wql = acc.summary().wql
    expect(wql).toBeLessThan(0.9)
    const snaive = tuneOnPool(train.slice(0, 100), 6, 12, 1)
    expect(snaive).not.toBeNull()
    expect(tuning.length).toBeGreaterThan(0)
  })
})
