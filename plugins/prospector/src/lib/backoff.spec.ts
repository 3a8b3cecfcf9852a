import { backoffDelay, parseRetryAfter } from "./backoff"

describe("backoffDelay", () => {
  const options = { retries: 5, baseMs: 100, maxMs: 1000 }

  it("grows exponentially up to the cap (upper bound with random = 1)", () => {
    const top = (n: number) => backoffDelay(n, { ...options, random: () => 1 })
    expect([1, 2, 3, 4, 5, 6].map(top)).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ])
  })

  it("uses full jitter between 0 and the ceiling", () => {
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(0)
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(200)
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(4, options)
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThanOrEqual(800)
    }
  })
})

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000)
    const now = Date.parse("2025-01-01T00:00:00Z")
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:10 GMT", now)).toBe(10_000)
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter("soon")).toBeNull()
  })
})
