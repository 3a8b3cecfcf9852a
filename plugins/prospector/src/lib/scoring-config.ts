/**
 * Lead scoring weights and rules (one place to tune them).
 * Positive weights add up to 100. Keywords are matched on folded text
 * (lower case, no accents, Arabic normalised; see @shabou/text).
 */

export interface DistanceBand {
  max_km: number
  /** share of the distance weight given inside this band */
  share: number
}

export interface ScoringConfig {
  /** the shop; distance is measured from here */
  shop: { lat: number; lng: number; label: string }
  weights: {
    category: number
    operational: number
    review_volume: number
    rating: number
    phone: number
    distance: number
    specialisation: number
  }
  penalties: {
    franchised_dealer: number
    consumer_alert: number
    temporarily_closed: number
  }
  category: {
    /** primaryType (or type) that is a full match */
    repair_types: string[]
    /** share when a repair type is in types but is not the primaryType */
    secondary_type_share: number
    /** keywords for body shops and mechanics (no Places type exists for body shops) */
    keywords: string[]
    keyword_share: number
    /** types that are a weak match, with their share */
    weak_types: Record<string, number>
  }
  /** userRatingCount giving the full review-volume weight (log scale below it) */
  review_volume_full_at: number
  rating: {
    /** rating at or below which the rating gives 0 */
    floor: number
    /** rating at or above which it gives the full weight */
    full: number
    /** fewer reviews than this: the rating counts half */
    min_reviews: number
  }
  distance_bands: DistanceBand[]
  /** makes; a name mentioning one means a specialist (folded spellings) */
  makes: string[]
  dealer_types: string[]
  dealer_keywords: string[]
  competitor_types: string[]
  competitor_keywords: string[]
  /** score bands for reports */
  bands: { high: number; medium: number }
}

export const TUNIS_CENTRE = { lat: 36.8065, lng: 10.1815, label: "Tunis" }

export const DEFAULT_SCORING: ScoringConfig = {
  shop: TUNIS_CENTRE,
  weights: {
    category: 30,
    operational: 10,
    review_volume: 20,
    rating: 10,
    phone: 10,
    distance: 15,
    specialisation: 5,
  },
  penalties: {
    franchised_dealer: 40,
    consumer_alert: 20,
    temporarily_closed: 10,
  },
  category: {
    repair_types: ["car_repair"],
    secondary_type_share: 0.7,
    keywords: [
      "carrosserie",
      "tolerie",
      "toliere",
      "mecanique",
      "mecanicien",
      "garage",
      "electricite auto",
      "auto electricite",
      "diagnostic",
      "vidange",
      "body shop",
      "ميكانيك",
      "ميكانيكي",
      "كراج",
      "قراج",
      "ورشه",
      "سمكره",
      "دهن سيارات",
      "طوله",
    ],
    keyword_share: 0.8,
    weak_types: { car_wash: 0.2, gas_station: 0.1 },
  },
  review_volume_full_at: 200,
  rating: { floor: 3, full: 4.5, min_reviews: 3 },
  distance_bands: [
    { max_km: 10, share: 1 },
    { max_km: 30, share: 0.66 },
    { max_km: 80, share: 0.33 },
  ],
  makes: [
    "peugeot",
    "renault",
    "citroen",
    "dacia",
    "volkswagen",
    "vw",
    "toyota",
    "kia",
    "hyundai",
    "fiat",
    "mercedes",
    "bmw",
    "ford",
    "opel",
    "nissan",
    "isuzu",
    "mitsubishi",
    "suzuki",
    "chery",
    "seat",
    "skoda",
    "audi",
    "mazda",
    "honda",
    "chevrolet",
    "geely",
    "mahindra",
    "بيجو",
    "رينو",
    "سيتروان",
    "ستروان",
    "تويوتا",
    "كيا",
    "هيونداي",
    "فيات",
    "مرسيدس",
    "فولكسفاغن",
  ],
  dealer_types: ["car_dealer"],
  dealer_keywords: [
    "concessionnaire",
    "concession",
    "agent officiel",
    "agence officielle",
    "وكيل",
  ],
  competitor_types: ["auto_parts_store"],
  competitor_keywords: [
    "pieces auto",
    "piece auto",
    "pieces detachees",
    "piece detachee",
    "pieces de rechange",
    "auto pieces",
    "auto parts",
    "قطع غيار",
  ],
  bands: { high: 70, medium: 40 },
}
