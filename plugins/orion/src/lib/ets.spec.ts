import { autoEts, fitEts, holtWinters } from "./ets"

const base = { alpha: 0.5, beta: 0.5, gamma: 0, phi: 1, seasonLength: 1 }

describe("ets / holt-winters", () => {
  it("matches a hand-computed Holt linear recursion", () => {
    // l0 = 1, b0 = 2; t=1: l=3, b=2; t=2: l=4.5, b=1.75 → 6.25, 8
    const fit = holtWinters([1, 3, 4], 2, {
      ...base,
      trend: "additive",
      season: "none",
    })
    expect(fit.forecast[0]).toBeCloseTo(6.25, 12)
    expect(fit.forecast[1]).toBeCloseTo(8, 12)
    // one-step errors: 3-3 = 0, 4-5 = -1
    expect(fit.sse).toBeCloseTo(1, 12)
  })

  it("damps the trend by φ + φ² + …", () => {
    // l0=1, b0=2; t=1: fitted 1+.5*2=2, l=.5*3+.5*2=2.5, b=.5*1.5+.5*.5*2=1.25
    // t=2: fitted 2.5+.625=3.125, l=.5*4+.5*3.125=3.5625, b=.5*1.0625+.5*.625=.84375
    const fit = holtWinters([1, 3, 4], 2, {
      ...base,
      phi: 0.5,
      trend: "damped",
      season: "none",
    })
    expect(fit.forecast[0]).toBeCloseTo(3.5625 + 0.5 * 0.84375, 12)
    expect(fit.forecast[1]).toBeCloseTo(3.5625 + 0.75 * 0.84375, 12)
  })

  it("reproduces a pure additive seasonal pattern", () => {
    const pattern = [10, 20, 30, 40]
    const y = [...pattern, ...pattern, ...pattern]
    const fit = fitEts(y, 6, "none", "additive", 4)
    expect(fit.forecast.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([
      10, 20, 30, 40, 10, 20,
    ])
  })

  it("reproduces a multiplicative seasonal pattern on a level", () => {
    const y: number[] = []
    for (let i = 0; i < 16; i++) {
      y.push(100 * [0.5, 1, 1.5, 1][i % 4])
    }
    const fit = fitEts(y, 4, "none", "multiplicative", 4)
    fit.forecast.forEach((v, i) =>
      expect(v).toBeCloseTo(100 * [0.5, 1, 1.5, 1][i], 6)
    )
  })

  it("picks a trend model for a trending series by AICc", () => {
    const y = Array.from(
      { length: 30 },
      (_, i) => 5 + 2 * i + (i % 2 ? 0.3 : -0.3)
    )
    const fit = autoEts(y, 3, 12)
    expect(fit.params.trend).not.toBe("none")
    expect(fit.forecast[0]).toBeGreaterThan(60)
  })
})
