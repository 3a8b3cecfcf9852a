import {
  AccuracyPool,
  detectDegradation,
  maseScale,
  poolAccuracy,
  PartScore,
} from "./accuracy"

const q = (v: number) => new Array(9).fill(v)
const spread = (lo: number, hi: number) =>
  new Array(9).fill(0).map((_, i) => lo + ((hi - lo) * i) / 8)

describe("forecast against actual", () => {
  it("gives WQL 1 for the all-zero forecast and 0 for a perfect one", () => {
    const zero = new AccuracyPool()
    zero.add({
      category: "a",
      segment: "smooth",
      scale: 1,
      periods: [
        { mean: 0, quantiles: q(0), actual: 3 },
        { mean: 0, quantiles: q(0), actual: 1 },
      ],
    })
    expect(zero.summary().wql).toBeCloseTo(1, 4)
    const perfect = new AccuracyPool()
    perfect.add({
      category: "a",
      segment: "smooth",
      scale: 1,
      periods: [{ mean: 3, quantiles: q(3), actual: 3 }],
    })
    expect(perfect.summary()).toMatchObject({
      wql: 0,
      mase: 0,
      bias: 0,
      coverage: 1,
      mape_regular: 0,
    })
  })

  it("pools bias, coverage, MASE and the MAPE of regular parts by hand", () => {
    const parts: PartScore[] = [
      // regular part: errors +1 (actual 4) and −2 (actual 2): APE 0.25 and 1
      {
        category: "freinage",
        segment: "smooth",
        scale: 2,
        periods: [
          { mean: 5, quantiles: spread(3, 6), actual: 4 },
          { mean: 0, quantiles: spread(0, 1), actual: 2 },
        ],
      },
      // intermittent part: not in the MAPE; inside its interval
      {
        category: "freinage",
        segment: "intermittent",
        scale: null,
        periods: [{ mean: 1, quantiles: spread(0, 2), actual: 0 }],
      },
      // no sales at all
      {
        category: null,
        segment: "lumpy",
        scale: 0.5,
        periods: [{ mean: 0.5, quantiles: spread(0, 1), actual: 0 }],
      },
    ]
    const r = poolAccuracy(parts)
    expect(r.overall.parts).toBe(3)
    expect(r.overall.periods).toBe(4)
    expect(r.overall.actual_total).toBe(6)
    expect(r.overall.forecast_total).toBe(6.5)
    expect(r.overall.bias).toBeCloseTo(0.5 / 4, 4)
    expect(r.overall.relative_bias).toBeCloseTo(0.5 / 6, 4)
    expect(r.overall.coverage).toBeCloseTo(3 / 4, 4) // actual 2 is above p90 = 1
    expect(r.overall.mape_regular).toBeCloseTo((0.25 + 1) / 2, 4)
    expect(r.overall.mape_parts).toBe(1)
    expect(r.overall.mape_share).toBeCloseTo(1 / 3, 4)
    // MASE: (|1| + |−2|)/2/2 = 0.75 and 0.5/1/0.5 = 1 → mean 0.875 (the part without a scale is skipped)
    expect(r.overall.mase).toBeCloseTo(0.875, 4)
    expect(Object.keys(r.by_category)).toEqual(["—", "freinage"])
    expect(r.by_category.freinage.parts).toBe(2)
    expect(r.by_segment.intermittent.wql).toBeNull() // nothing sold: no WQL
    expect(r.by_segment.smooth.mape_regular).toBeCloseTo(0.625, 4)
  })

  it("computes the MASE scale on one season back, or lag 1 when shorter", () => {
    expect(maseScale([1, 2, 3, 5], 12)).toBeCloseTo((1 + 1 + 2) / 3, 4)
    expect(maseScale([1, 0, 1, 3, 0, 1], 2)).toBeCloseTo((0 + 3 + 1 + 2) / 4, 4)
    expect(maseScale([2, 2, 2], 1)).toBeNull()
    expect(maseScale([], 52)).toBeNull()
  })

  it("flags a run whose WQL is worse than the average of the earlier runs by more than the threshold", () => {
    const runs = [
      { run_id: "a", wql: 0.7, periods_evaluated: 4, horizon: 4 },
      { run_id: "b", wql: 0.8, periods_evaluated: 4, horizon: 4 },
      { run_id: "c", wql: 1.2, periods_evaluated: 4, horizon: 4 },
      // not enough periods behind it yet: ignored
      { run_id: "d", wql: 3, periods_evaluated: 1, horizon: 4 },
    ]
    const d = detectDegradation(runs, 0.25)
    expect(d).toMatchObject({
      degraded: true,
      run_id: "c",
      wql: 1.2,
      baseline: 0.75,
      baseline_runs: 2,
      change: 0.6,
      min_periods: 4,
    })
    expect(detectDegradation(runs, 0.7).degraded).toBe(false)
    expect(detectDegradation(runs.slice(0, 2), 0.1)).toMatchObject({
      degraded: true,
      change: expect.closeTo(0.1429, 3),
    })
    expect(detectDegradation(runs.slice(0, 1), 0.1)).toMatchObject({
      degraded: false,
      run_id: "a",
      baseline: null,
    })
    expect(detectDegradation([], 0.1)).toMatchObject({
      degraded: false,
      run_id: null,
    })
  })
})
