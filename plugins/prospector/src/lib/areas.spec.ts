import { SEARCH_AREAS } from "./search-areas"
import { findArea, requireArea } from "./areas"
import { validateRectangle } from "./places-client"

describe("search areas", () => {
  it("every rectangle is valid, inside Tunisia, and every slug unique", () => {
    const slugs = new Set<string>()
    for (const a of SEARCH_AREAS) {
      expect(() => validateRectangle(a.rectangle, a.slug)).not.toThrow()
      expect(a.rectangle.low.latitude).toBeGreaterThan(30.2)
      expect(a.rectangle.high.latitude).toBeLessThan(37.6)
      expect(a.rectangle.low.longitude).toBeGreaterThan(7.5)
      expect(a.rectangle.high.longitude).toBeLessThan(11.7)
      expect(slugs.has(a.slug)).toBe(false)
      slugs.add(a.slug)
    }
  })

  it("finds an area by slug, French name without accents, or Arabic name", () => {
    expect(findArea("gabes")?.slug).toBe("gabes")
    expect(findArea("GABÈS")?.slug).toBe("gabes")
    expect(findArea("قابس")?.slug).toBe("gabes")
    expect(findArea("Ben Arous")?.slug).toBe("ben-arous")
    expect(findArea("ben-arous")?.slug).toBe("ben-arous")
    expect(findArea("Atlantis")).toBeNull()
    expect(() => requireArea("Atlantis")).toThrow(
      /unknown city or governorate "Atlantis"; known cities: Tunis, Ariana/
    )
  })
})
