import { haversineMeters } from "./haversine"

describe("haversineMeters", () => {
  it("is 0 for the same point", () => {
    expect(
      haversineMeters({ lat: 36.8, lng: 10.18 }, { lat: 36.8, lng: 10.18 })
    ).toBe(0)
  })

  it("Tunis to Sfax is about 233 km", () => {
    const d = haversineMeters(
      { lat: 36.8065, lng: 10.1815 },
      { lat: 34.7406, lng: 10.7603 }
    )
    expect(d / 1000).toBeGreaterThan(225)
    expect(d / 1000).toBeLessThan(240)
  })

  it("one thousandth of a degree of latitude is about 111 m", () => {
    const d = haversineMeters(
      { lat: 36.8, lng: 10.18 },
      { lat: 36.801, lng: 10.18 }
    )
    expect(d).toBeCloseTo(111.2, 0)
  })

  it("is symmetric", () => {
    const a = { lat: 33.88, lng: 10.09 }
    const b = { lat: 35.82, lng: 10.63 }
    expect(haversineMeters(a, b)).toBeCloseTo(haversineMeters(b, a), 6)
  })
})
