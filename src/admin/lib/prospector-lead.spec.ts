import { type Lead, mapLink } from "./prospector-lead"

const lead = (over: Partial<Lead>) =>
  ({ maps_url: null, latitude: null, longitude: null, ...over }) as Lead

describe("mapLink", () => {
  it("uses the place's own Google Maps link", () => {
    expect(
      mapLink(lead({ maps_url: "https://maps.google.com/?cid=1", latitude: 1 }))
    ).toBe("https://maps.google.com/?cid=1")
  })

  it("falls back on the coordinates, then on nothing", () => {
    expect(
      mapLink(
        lead({
          maps_url: "javascript:alert(1)",
          latitude: 36.8,
          longitude: 10.18,
        })
      )
    ).toBe("https://www.google.com/maps/search/?api=1&query=36.8,10.18")
    expect(mapLink(lead({ latitude: 36.8 }))).toBeNull()
  })
})
