import { goldenSection, optimalSesAlpha, sesForecast, sesSse } from "./ses"

describe("ses", () => {
  it("matches a hand-computed recursion", () => {
    // f1 = 1, f2 = .5*1 + .5*1 = 1, f3 = .5*3 + .5*1 = 2, forecast = .5*5 + .5*2 = 3.5
    expect(sesForecast([1, 3, 5], 0.5)).toBeCloseTo(3.5, 12)
    // α = 0.1: f = 2, then .1*2+.9*2 = 2, forecast .1*4 + .9*2 = 2.2
    expect(sesForecast([2, 2, 4], 0.1)).toBeCloseTo(2.2, 12)
  })

  it("returns 0 on an empty series and the value on a single point", () => {
    expect(sesForecast([], 0.3)).toBe(0)
    expect(sesForecast([7], 0.3)).toBe(7)
  })

  it("computes the one-step SSE", () => {
    // level 1; e1 = 3-1 = 2 → level 2; e2 = 5-2 = 3 → 4+9 = 13
    expect(sesSse([1, 3, 5], 0.5)).toBeCloseTo(13, 12)
  })

  it("finds the minimum of a parabola", () => {
    expect(goldenSection((a) => (a - 0.2) ** 2, 0.1, 0.3)).toBeCloseTo(0.2, 5)
  })

  it("keeps the optimized alpha inside [0.1, 0.3]", () => {
    const trending = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    const a = optimalSesAlpha(trending)
    expect(a).toBeGreaterThan(0.29)
    expect(a).toBeLessThanOrEqual(0.3)
    const noisy = [5, 0, 5, 0, 5, 0, 5, 0, 5, 0]
    const best = optimalSesAlpha(noisy)
    // agrees with a fine grid search of the SSE
    let gridBest = 0.1
    for (let a = 0.1; a <= 0.3; a += 0.0005) {
      if (sesSse(noisy, a) < sesSse(noisy, gridBest)) {
        gridBest = a
      }
    }
    expect(best).toBeCloseTo(gridBest, 3)
  })
})
