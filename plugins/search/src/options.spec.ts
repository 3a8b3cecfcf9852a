import { DEFAULT_OPTIONS, resolveOptions } from "./options"

describe("resolveOptions", () => {
  it("applies the defaults", () => {
    expect(resolveOptions({})).toEqual({
      ...DEFAULT_OPTIONS,
      redisUrl: undefined,
    })
  })

  it("keeps the given values and merges one options object once", () => {
    const raw = {
      engine: "meilisearch",
      refresh_interval_ms: 1000,
      redisUrl: "redis://x",
      redisPrefix: "p:",
      cacheTtlSeconds: 5,
      cacheMemoryBytes: 10,
      keptOrderMax: 40,
    }
    const options = resolveOptions(raw)
    expect(options).toEqual({
      engine: "meilisearch",
      refreshIntervalMs: 1000,
      redisUrl: "redis://x",
      redisPrefix: "p:",
      cacheTtlSeconds: 5,
      cacheMemoryBytes: 10,
      keptOrderMax: 40,
    })
    expect(resolveOptions(raw)).toBe(options)
  })

  it("refuses a keptOrderMax outside 0 to 100,000", () => {
    expect(() => resolveOptions({ keptOrderMax: -1 })).toThrow(
      "search plugin option keptOrderMax (CATALOGUE_KEPT_ORDER_MAX) must be a whole number from 0 to 100000, got -1"
    )
    expect(() => resolveOptions({ keptOrderMax: 1.5 })).toThrow(/got 1.5/)
    expect(resolveOptions({ keptOrderMax: 0 }).keptOrderMax).toBe(0)
  })
})
