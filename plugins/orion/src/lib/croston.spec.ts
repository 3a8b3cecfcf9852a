import { croston, crostonOptimized, sba } from "./croston"

describe("croston family", () => {
  const y = [0, 2, 0, 0, 3, 0, 1]
  // sizes [2,3,1] → SES(0.1) = 1.99; intervals [2,3,2] → SES(0.1) = 2.09
  it("computes the classic forecast by hand", () => {
    expect(croston(y)).toBeCloseTo(1.99 / 2.09, 12)
  })

  it("applies the SBA factor 1 − α/2 for any α", () => {
    expect(sba(y)).toBeCloseTo((0.95 * 1.99) / 2.09, 12)
    // α = 0.2: sizes → f=2, 2, .2*3+.8*2=2.2, forecast .2*1+.8*2.2 = 1.96
    // intervals → 2, 2, 2.2, forecast .2*2+.8*2.2 = 2.16
    expect(sba(y, 0.2)).toBeCloseTo(0.9 * (1.96 / 2.16), 12)
  })

  it("gives zero without demand", () => {
    expect(croston([0, 0, 0])).toBe(0)
    expect(sba([])).toBe(0)
    expect(crostonOptimized([0, 0])).toBe(0)
  })

  it("is the demand rate for a perfectly regular series", () => {
    expect(croston([0, 4, 0, 4, 0, 4])).toBeCloseTo(2, 12)
    expect(crostonOptimized([0, 4, 0, 4, 0, 4])).toBeCloseTo(2, 12)
  })
})
