import fc from "fast-check"
import {
  negBinomialCdf,
  negBinomialQuantiles,
  normalInv,
  poissonCdf,
  poissonQuantiles,
} from "./count-distributions"
import { QUANTILE_LEVELS } from "./types"

describe("count distributions", () => {
  it("gives Poisson quantiles from published tables", () => {
    // Poisson(0.5): F(0)=0.6065, F(1)=0.9098 → p10..p60 = 0, p70..p90 = 1
    expect(poissonQuantiles(0.5, QUANTILE_LEVELS)).toEqual([
      0, 0, 0, 0, 0, 0, 1, 1, 1,
    ])
    // Poisson(3): F = .0498 .1991 .4232 .6472 .8153 .9161 → 1,2,2,2,3,3,4,4,5
    expect(poissonQuantiles(3, QUANTILE_LEVELS)).toEqual([
      1, 2, 2, 2, 3, 3, 4, 4, 5,
    ])
    expect(poissonCdf(2, 3)).toBeCloseTo(0.42319, 5)
  })

  it("gives negative-binomial quantiles (k = 1 is geometric)", () => {
    // k = 1, μ = 1: p = 0.5, F(x) = 1 − 0.5^(x+1) → .5, .75, .875, .9375
    expect(negBinomialQuantiles(1, 1, QUANTILE_LEVELS)).toEqual([
      0, 0, 0, 0, 0, 1, 1, 2, 3,
    ])
    expect(negBinomialCdf(2, 1, 1)).toBeCloseTo(0.875, 12)
    expect(negBinomialQuantiles(3, Infinity, QUANTILE_LEVELS)).toEqual(
      poissonQuantiles(3, QUANTILE_LEVELS)
    )
  })

  it("inverts the normal distribution", () => {
    expect(normalInv(0.975)).toBeCloseTo(1.959964, 5)
    expect(normalInv(0.1)).toBeCloseTo(-1.281552, 5)
    expect(normalInv(0.5)).toBeCloseTo(0, 8)
  })

  it("has non-decreasing, non-negative quantiles, zero for zero mean", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        (mean, shape) => {
          for (const q of [
            poissonQuantiles(mean, QUANTILE_LEVELS),
            negBinomialQuantiles(mean, shape, QUANTILE_LEVELS),
          ]) {
            for (let i = 0; i < q.length; i++) {
              expect(q[i]).toBeGreaterThanOrEqual(0)
              if (i > 0) {
                expect(q[i]).toBeGreaterThanOrEqual(q[i - 1])
              }
              if (mean === 0) {
                expect(q[i]).toBe(0)
              }
            }
          }
        }
      ),
      { numRuns: 200 }
    )
  })
})
