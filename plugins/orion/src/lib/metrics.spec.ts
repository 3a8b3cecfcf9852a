import { MetricAccumulator, pinball } from "./metrics"
import { QUANTILE_KEYS, Quantiles } from "./types"

function flat(h: number, values: number[]): Quantiles {
  const q = {} as Quantiles
  QUANTILE_KEYS.forEach((k, i) => (q[k] = new Array(h).fill(values[i])))
  return q
}

describe("metrics", () => {
  it("computes the pinball loss", () => {
    expect(pinball(0.9, 2, 5)).toBeCloseTo(2.7, 12)
    expect(pinball(0.9, 5, 2)).toBeCloseTo(0.3, 12)
  })

  it("gives WQL = 1 for the all-zero forecast (mean of 2q over the 9 levels)", () => {
    const acc = new MetricAccumulator()
    acc.add(
      [1, 0, 2, 0],
      [3, 0, 1],
      [0, 0, 0],
      flat(3, new Array(9).fill(0)),
      1
    )
    expect(acc.summary().wql).toBeCloseTo(1, 12)
  })

  it("pools WQL, bias, MASE, RMSSE and non-zero MAPE by hand", () => {
    const acc = new MetricAccumulator()
    // series A: train [2,4] (naive scale |4-2| = 2), actual [4, 0], forecast 2 everywhere
    acc.add([2, 4], [4, 0], [2, 2], flat(2, new Array(9).fill(2)), 1)
    // series B: train [0,1,0] (scale mean |1|,|−1| = 1), actual [1], forecast 1
    acc.add([0, 1, 0], [1], [1], flat(1, new Array(9).fill(1)), 1)
    const s = acc.summary()
    // pinball per level q: A: q*2 + (1-q)*2 = 2, B: 0 → 2·2/5 = 0.8 for every level
    expect(s.wql).toBeCloseTo(0.8, 12)
    expect(s.bias).toBeCloseTo((-2 + 2 + 0) / 3, 12)
    expect(s.relativeBias).toBeCloseTo(0, 12)
    // MASE: A = 2/2 = 1, B = 0 → 0.5 ; RMSSE: A = sqrt(4/4) = 1, B = 0 → 0.5
    expect(s.mase).toBeCloseTo(0.5, 12)
    expect(s.rmsse).toBeCloseTo(0.5, 12)
    // MAPE on non-zero actuals only: |2-4|/4 = .5 and 0 → .25
    expect(s.mapeNonZero).toBeCloseTo(0.25, 12)
    expect(s.series).toBe(2)
    expect(s.periods).toBe(3)
  })
})
