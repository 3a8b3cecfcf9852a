import { DEFAULT_SCORING, ScoringConfig } from "./scoring-config"
import { ScoreResult, ScoringInput, scoreBand, scoreLead } from "./scoring"

const base: ScoringInput = {
  name: "Garage Ben Salah",
  types: ["car_repair", "point_of_interest", "establishment"],
  primary_type: "car_repair",
  business_status: "OPERATIONAL",
  rating: 4.5,
  user_rating_count: 200,
  phone: "71 234 567",
  location: { lat: 36.81, lng: 10.18 },
}

const points = (r: ScoreResult, signal: string) =>
  r.breakdown.find((i) => i.signal === signal)?.points

describe("weights", () => {
  it("positive weights add up to 100", () => {
    const total = Object.values(DEFAULT_SCORING.weights).reduce(
      (a, b) => a + b,
      0
    )
    expect(total).toBe(100)
  })

  it("an ideal garage scores 95 without a make and 100 with one", () => {
    expect(scoreLead(base).score).toBe(95)
    expect(scoreLead({ ...base, name: "Garage Peugeot Ben Salah" }).score).toBe(
      100
    )
  })

  it("the score is the rounded sum of the breakdown", () => {
    const r = scoreLead({ ...base, rating: 4.1, user_rating_count: 17 })
    expect(r.score).toBe(
      Math.round(r.breakdown.reduce((s, i) => s + i.points, 0))
    )
  })
})

describe("rules", () => {
  it("category: a primary car_repair scores full", () => {
    expect(points(scoreLead(base), "category")).toBe(30)
  })

  // secondary car_repair 70%, a keyword in the name 80% (French or Arabic), a weak type, none
  it.each<[string, string | null, string[], number]>([
    ["Ben Salah", "store", ["store", "car_repair"], 21],
    ["Carrosserie Nour", null, [], 24],
    ["كراج النور", null, [], 24],
    ["Lavage Nour", "car_wash", ["car_wash"], 6],
    ["Café", "cafe", ["cafe"], 0],
  ])(
    "category: %s (primary type %s, types %j) scores %d",
    (name, primary_type, types, expected) => {
      expect(
        points(scoreLead({ ...base, name, primary_type, types }), "category")
      ).toBe(expected)
    }
  )

  it("operational", () => {
    expect(points(scoreLead(base), "operational")).toBe(10)
    expect(
      points(scoreLead({ ...base, business_status: null }), "operational")
    ).toBe(0)
  })

  it("review volume on a log scale", () => {
    expect(
      points(scoreLead({ ...base, user_rating_count: 0 }), "review_volume")
    ).toBe(0)
    expect(
      points(scoreLead({ ...base, user_rating_count: 9 }), "review_volume")
    ).toBeCloseTo(8.7, 1)
    expect(
      points(scoreLead({ ...base, user_rating_count: 1000 }), "review_volume")
    ).toBe(20)
  })

  it("rating between floor and full, half weight on few reviews", () => {
    expect(points(scoreLead({ ...base, rating: 3 }), "rating")).toBe(0)
    expect(points(scoreLead({ ...base, rating: 3.75 }), "rating")).toBe(5)
    expect(points(scoreLead({ ...base, rating: 5 }), "rating")).toBe(10)
    expect(
      points(scoreLead({ ...base, rating: 5, user_rating_count: 1 }), "rating")
    ).toBe(5)
    expect(points(scoreLead({ ...base, rating: null }), "rating")).toBe(0)
  })

  it("phone present (Tunisian)", () => {
    expect(points(scoreLead(base), "phone")).toBe(10)
    expect(points(scoreLead({ ...base, phone: null }), "phone")).toBe(0)
    const foreign = scoreLead({ ...base, phone: "+33 1 23 45 67 89" })
    expect(points(foreign, "phone")).toBe(0)
    expect(foreign.breakdown.find((i) => i.signal === "phone")?.reason).toMatch(
      /not a Tunisian number/
    )
  })

  it("distance bands from the shop (configurable shop)", () => {
    expect(points(scoreLead(base), "distance")).toBe(15)
    // Ben Arous area ~ 12 km
    expect(
      points(
        scoreLead({ ...base, location: { lat: 36.75, lng: 10.3 } }),
        "distance"
      )
    ).toBe(9.9)
    // Nabeul ~ 60 km
    expect(
      points(
        scoreLead({ ...base, location: { lat: 36.45, lng: 10.73 } }),
        "distance"
      )
    ).toBe(5)
    // Sfax ~ 233 km
    expect(
      points(
        scoreLead({ ...base, location: { lat: 34.74, lng: 10.76 } }),
        "distance"
      )
    ).toBe(0)
    expect(points(scoreLead({ ...base, location: null }), "distance")).toBe(0)
    const sfaxShop: ScoringConfig = {
      ...DEFAULT_SCORING,
      shop: { lat: 34.74, lng: 10.76, label: "Sfax" },
    }
    expect(
      points(
        scoreLead({ ...base, location: { lat: 34.75, lng: 10.76 } }, sfaxShop),
        "distance"
      )
    ).toBe(15)
  })

  it("specialisation in makes (Latin and Arabic)", () => {
    expect(
      points(
        scoreLead({ ...base, name: "Garage Renault Spécialiste" }),
        "specialisation"
      )
    ).toBe(5)
    expect(
      points(scoreLead({ ...base, name: "ميكانيك بيجو" }), "specialisation")
    ).toBe(5)
    expect(
      points(scoreLead({ ...base, name: "Garage Citroën" }), "specialisation")
    ).toBe(5)
    expect(points(scoreLead(base), "specialisation")).toBe(0)
  })

  it("penalty for franchised dealers (type or name)", () => {
    const byType = scoreLead({ ...base, types: ["car_dealer", "car_repair"] })
    expect(points(byType, "franchised_dealer")).toBe(-40)
    expect(byType.score).toBe(55)
    expect(
      points(
        scoreLead({ ...base, name: "Concessionnaire Peugeot Tunis" }),
        "franchised_dealer"
      )
    ).toBe(-40)
  })

  it("penalty for consumer alerts and temporary closure", () => {
    expect(
      points(scoreLead({ ...base, consumer_alert: true }), "consumer_alert")
    ).toBe(-20)
    const temp = scoreLead({ ...base, business_status: "CLOSED_TEMPORARILY" })
    expect(points(temp, "temporarily_closed")).toBe(-10)
    expect(points(temp, "operational")).toBe(0)
  })

  it("permanently closed places score 0", () => {
    const r = scoreLead({ ...base, business_status: "CLOSED_PERMANENTLY" })
    expect(r.score).toBe(0)
    expect(r.breakdown.map((i) => i.signal)).toContain("permanently_closed")
  })

  it("auto-parts sellers go to the competitor list", () => {
    const byType = scoreLead({
      ...base,
      name: "Tunis Pièces",
      primary_type: "auto_parts_store",
      types: ["auto_parts_store", "store"],
    })
    expect(byType.kind).toBe("competitor")
    expect(byType.score).toBe(0)
    expect(
      scoreLead({
        ...base,
        name: "Pièces Détachées Ben Ali",
        primary_type: "store",
        types: ["store"],
      }).kind
    ).toBe("competitor")
    expect(
      scoreLead({
        ...base,
        name: "قطع غيار السيارات",
        primary_type: null,
        types: [],
      }).kind
    ).toBe("competitor")
    // a garage that also sells parts stays a lead
    expect(
      scoreLead({ ...base, types: ["car_repair", "auto_parts_store"] }).kind
    ).toBe("lead")
  })

  it("score bands", () => {
    expect(scoreBand(70)).toBe("high")
    expect(scoreBand(69)).toBe("medium")
    expect(scoreBand(40)).toBe("medium")
    expect(scoreBand(39)).toBe("low")
  })
})
