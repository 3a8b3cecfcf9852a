import fc from "fast-check"
import { negBinomialQuantiles, poissonQuantiles } from "./count-distributions"
import {
  demandOver,
  fitShape,
  PeriodQuantiles,
  reorderPoint,
  restockDecision,
} from "./reorder-point"
import { QUANTILE_KEYS, QUANTILE_LEVELS } from "./types"

const asQuantiles = (values: number[]): PeriodQuantiles =>
  Object.fromEntries(
    QUANTILE_KEYS.map((k, i) => [k, values[i]])
  ) as PeriodQuantiles

describe("reorder point", () => {
  it("sums the mean over whole and partial periods, repeating the last period", () => {
    expect(demandOver([2, 4], 7, 10).mean).toBeCloseTo(2 + (3 / 7) * 4, 10)
    expect(demandOver([2, 4], 7, 21).mean).toBeCloseTo(2 + 4 + 4, 10)
    expect(demandOver([3], 30, 0)).toEqual({ mean: 0, periods: 0 })
  })

  it("recognises Poisson and negative-binomial quantiles", () => {
    expect(fitShape(3, asQuantiles(poissonQuantiles(3, QUANTILE_LEVELS)))).toBe(
      Infinity
    )
    expect(
      fitShape(3, asQuantiles(negBinomialQuantiles(3, 0.5, QUANTILE_LEVELS)))
    ).toBe(0.5)
  })

  it("Poisson hand values: mean 2/week, 7 and 14 days of lead time at 95 %", () => {
    const first = asQuantiles(poissonQuantiles(2, QUANTILE_LEVELS))
    const weekly = (leadTimeDays: number) =>
      reorderPoint({
        mean: [2, 2, 2],
        firstPeriod: first,
        periodDays: 7,
        leadTimeDays,
        serviceLevel: 0.95,
      })
    // P(X ≤ 4 | λ=2) = 0.947, P(X ≤ 5) = 0.983 → 5
    const a = weekly(7)
    expect(a.reorderPoint).toBe(5)
    // λ=4: P(X ≤ 7) = 0.949, P(X ≤ 8) = 0.979 → 8; order-up-to covers 7 + 7 days, also λ=4
    const b = weekly(14)
    expect(b.reorderPoint).toBe(8)
    expect(a.orderUpTo).toBe(8)
  })

  it("a higher service level or longer lead time never lowers the reorder point", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.constantFrom(0.25, 1, 4, Infinity),
        fc.integer({ min: 0, max: 60 }),
        (mu, k, lead) => {
          const first = asQuantiles(
            negBinomialQuantiles(mu, k, QUANTILE_LEVELS)
          )
          const base = { mean: [mu, mu], firstPeriod: first, periodDays: 7 }
          const r90 = reorderPoint({
            ...base,
            leadTimeDays: lead,
            serviceLevel: 0.9,
          })
          const r99 = reorderPoint({
            ...base,
            leadTimeDays: lead,
            serviceLevel: 0.99,
          })
          const longer = reorderPoint({
            ...base,
            leadTimeDays: lead + 7,
            serviceLevel: 0.9,
          })
          expect(r99.reorderPoint).toBeGreaterThanOrEqual(r90.reorderPoint)
          expect(longer.reorderPoint).toBeGreaterThanOrEqual(r90.reorderPoint)
          expect(r90.orderUpTo).toBeGreaterThanOrEqual(r90.reorderPoint)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("alerts when stock + on order ≤ reorder point and suggests ordering up to S", () => {
    const rp = {
      leadTimeMean: 2,
      shape: Infinity,
      reorderPoint: 5,
      orderUpTo: 8,
    }
    expect(restockDecision(3, 1, rp)).toEqual({
      alert: true,
      position: 4,
      suggestedQuantity: 4,
    })
    expect(restockDecision(5, 0, rp).alert).toBe(true)
    expect(restockDecision(4, 2, rp).alert).toBe(false)
    // no expected demand: never an alert
    expect(
      restockDecision(0, 0, {
        leadTimeMean: 0,
        shape: Infinity,
        reorderPoint: 0,
        orderUpTo: 0,
      }).alert
    ).toBe(false)
  })

  it("rejects impossible settings", () => {
    const first = asQuantiles(poissonQuantiles(1, QUANTILE_LEVELS))
    expect(() =>
      reorderPoint({
        mean: [1],
        firstPeriod: first,
        periodDays: 7,
        leadTimeDays: 7,
        serviceLevel: 1,
      })
    ).toThrow(/service level/)
    expect(() =>
      reorderPoint({
        mean: [1],
        firstPeriod: first,
        periodDays: 7,
        leadTimeDays: -1,
        serviceLevel: 0.9,
      })
    ).toThrow(/lead time/)
  })
})
