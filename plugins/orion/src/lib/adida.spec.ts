import { adida, chunkForecast } from "./adida"
import { imapa } from "./imapa"
import { optimalSesAlpha, sesForecast } from "./ses"

describe("adida and imapa", () => {
  const y = [0, 2, 0, 0, 3, 0, 1]

  it("ADIDA aggregates with k = round(ADI) and divides by k", () => {
    // ADI 7/3 → k = 2; buckets [2,3,1]; SSE(α) = 1 + (1+α)² is minimal at α = 0.1
    // SES(0.1) on [2,3,1] = 1.99 → 0.995
    expect(adida(y)).toBeCloseTo(0.995, 5)
  })

  it("IMAPA averages k = 1..round(ADI)", () => {
    const k1 = sesForecast(y, optimalSesAlpha(y))
    expect(chunkForecast(y, 1)).toBeCloseTo(k1, 12)
    expect(imapa(y)).toBeCloseTo((k1 + 0.995) / 2, 5)
  })

  it("is zero on all-zero history and the level on a constant one", () => {
    expect(adida([0, 0, 0, 0])).toBe(0)
    expect(imapa([0, 0, 0, 0])).toBe(0)
    expect(adida([0, 3, 0, 3, 0, 3])).toBeCloseTo(1.5, 10)
    expect(imapa([2, 2, 2, 2])).toBeCloseTo(2, 10)
  })
})
