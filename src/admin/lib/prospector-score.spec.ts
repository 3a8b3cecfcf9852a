import { scoreLead } from "../../../plugins/prospector/src/lib/scoring"
import { SCORE_SIGNAL_LABELS, frenchScoreReason } from "./prospector-score"

describe("frenchScoreReason", () => {
  it.each([
    ["primary type car_repair", "type principal : car_repair"],
    ['name mentions "carrosserie"', "le nom contient « carrosserie »"],
    ["business status OPERATIONAL", "statut Google : en activité"],
    ["120 reviews (full at 200)", "120 avis (note pleine à partir de 200)"],
    [
      "rating 4.4 on fewer than 10 reviews (half weight)",
      "note 4,4 sur moins de 10 avis (compte pour moitié)",
    ],
    [
      'phone "123" is not a Tunisian number',
      "le numéro « 123 » n'est pas tunisien",
    ],
    ["phone +21671234567", "téléphone +21671234567"],
    ["12.3 km from Tunis (within 30 km)", "12,3 km de Tunis (moins de 30 km)"],
    [
      "140.2 km from Tunis (outside every band)",
      "140,2 km de Tunis (au-delà de toutes les zones)",
    ],
    ["name mentions peugeot", "le nom cite la marque peugeot"],
    [
      "permanently closed: score set to 0",
      "fermé définitivement : score ramené à 0",
    ],
    ["something new", "something new"],
  ])("%s", (en, fr) => {
    expect(frenchScoreReason(en)).toBe(fr)
  })

  it("translates every reason the scoring library writes for a real place, and names every signal", () => {
    const result = scoreLead({
      name: "Garage Peugeot Ben Salah",
      primary_type: "car_repair",
      types: ["car_repair"],
      business_status: "OPERATIONAL",
      rating: 4.5,
      user_rating_count: 5,
      phone: "+216 71 234 567",
      location: { lat: 36.81, lng: 10.18 },
    })
    for (const item of result.breakdown) {
      expect(SCORE_SIGNAL_LABELS[item.signal]).toBeDefined()
      expect(frenchScoreReason(item.reason)).not.toBe(item.reason)
    }
  })
})
