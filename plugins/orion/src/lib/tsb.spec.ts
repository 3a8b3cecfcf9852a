import { tsb } from "./tsb"

describe("tsb", () => {
  it("matches a hand computation (α_d = α_p = 0.2)", () => {
    // occurrence [0,1,0,0,1,0,1] → 0.393536; sizes [2,3,1] → 1.96
    const r = tsb([0, 2, 0, 0, 3, 0, 1])
    expect(r.probability).toBeCloseTo(0.393536, 12)
    expect(r.size).toBeCloseTo(1.96, 12)
    expect(r.forecast).toBeCloseTo(0.393536 * 1.96, 12)
  })

  it("decays towards zero after demand stops (obsolescence)", () => {
    const alive = tsb([3, 3, 3, 3, 3, 3, 3, 3]).forecast
    const dying = tsb([3, 3, 3, 3, 0, 0, 0, 0]).forecast
    expect(alive).toBeCloseTo(3, 12)
    expect(dying).toBeLessThan(alive * 0.5)
    expect(tsb([0, 0]).forecast).toBe(0)
  })
})
