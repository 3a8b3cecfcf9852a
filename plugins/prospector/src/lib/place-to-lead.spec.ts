import {
  leadToDedupeCandidate,
  leadToScoringInput,
  placeToLead,
} from "./place-to-lead"
import { scoreLead } from "./scoring"

describe("placeToLead", () => {
  const at = new Date("2025-01-06T01:00:00Z")
  const place = {
    id: "ChIJabc",
    displayName: { text: " Garage Peugeot Nour ", languageCode: "fr" },
    formattedAddress: "12 Rue de Marseille, Tunis 1000, Tunisie",
    addressComponents: [
      { longText: "Tunis", types: ["locality", "political"] },
      {
        longText: "Gouvernorat de Tunis",
        types: ["administrative_area_level_1", "political"],
      },
    ],
    location: { latitude: 36.8, longitude: 10.18 },
    types: ["car_repair", "establishment"],
    primaryType: "car_repair",
    businessStatus: "OPERATIONAL",
    nationalPhoneNumber: "71 234 567",
    internationalPhoneNumber: "+216 71 234 567",
    rating: 4.6,
    userRatingCount: 120,
    googleMapsUri: "https://maps.google.com/?cid=1",
    movedPlaceId: "places/ChIJnew",
  }

  it("maps the Places fields and normalises phone and ids", () => {
    expect(placeToLead(place, at)).toEqual({
      place_id: "ChIJabc",
      moved_place_id: "ChIJnew",
      name: "Garage Peugeot Nour",
      phone: "+21671234567",
      website: null,
      address: "12 Rue de Marseille, Tunis 1000, Tunisie",
      city: "Tunis",
      governorate: "Gouvernorat de Tunis",
      location: { lat: 36.8, lng: 10.18 },
      types: ["car_repair", "establishment"],
      primary_type: "car_repair",
      rating: 4.6,
      review_count: 120,
      business_status: "OPERATIONAL",
      maps_url: "https://maps.google.com/?cid=1",
      fetched_at: at,
    })
  })

  it("feeds scoring and dedupe", () => {
    const lead = placeToLead(place, at)
    expect(scoreLead(leadToScoringInput(lead)).score).toBeGreaterThan(90)
    expect(leadToDedupeCandidate(lead)).toEqual({
      place_id: "ChIJabc",
      moved_place_id: "ChIJnew",
      phone: "+21671234567",
      name: "Garage Peugeot Nour",
      location: { lat: 36.8, lng: 10.18 },
    })
  })

  it("copes with a minimal place and rejects one without id", () => {
    expect(placeToLead({ id: "x" }, at)).toEqual(
      expect.objectContaining({
        name: "x",
        phone: null,
        city: null,
        location: null,
        types: [],
      })
    )
    expect(() => placeToLead({ id: "" } as any)).toThrow(/places.id/)
  })
})
