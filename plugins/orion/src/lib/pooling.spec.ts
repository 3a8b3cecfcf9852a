import { gammaPrior, pooledRate, rateWindow } from "./pooling"

describe("pooling across parts (empirical Bayes)", () => {
  it("fits the class prior by moments, net of Poisson noise", () => {
    // 6 parts × 4 periods (window 4: one season of 4): rates 0, 0.5, 1, 1.5, 2, 1 → mean 1, variance 0.5
    const series = [
      [0, 0, 0, 0],
      [1, 0, 1, 0],
      [1, 1, 1, 1],
      [2, 1, 2, 1],
      [2, 2, 2, 2],
      [0, 2, 0, 2],
    ]
    const p = gammaPrior(series, 4)!
    // τ² = 0.5 − 1 / 4 = 0.25 → α = 1 / 0.25 = 4, β = 1 / 0.25 = 4
    expect(p.alpha).toBeCloseTo(4, 10)
    expect(p.beta).toBeCloseTo(4, 10)
    // a part that never sold moves up toward the class; a busy one moves down, a typical one stays
    expect(pooledRate([0, 0, 0, 0], p, 4)).toBeCloseTo(4 / 8, 10)
    expect(pooledRate([2, 2, 2, 2], p, 4)).toBeCloseTo(12 / 8, 10)
    expect(pooledRate([1, 1, 1, 1], p, 4)).toBeCloseTo(1, 10)
  })

  it("shrinks hard when the rates differ no more than chance, and needs 5 parts with demand", () => {
    const same = new Array(20)
      .fill(0)
      .map((_, i) => (i % 2 ? [1, 0, 1, 0] : [0, 1, 0, 1]))
    const p = gammaPrior(same, 4)!
    expect(pooledRate([2, 2, 2, 2], p, 4)).toBeCloseTo(0.5, 3)
    expect(gammaPrior(same.slice(0, 4), 4)).toBeNull()
    expect(gammaPrior(new Array(10).fill([0, 0, 0]), 2)).toBeNull()
    expect(rateWindow(3, 12)).toBe(3)
    expect(rateWindow(100, 12)).toBe(12)
  })
})
