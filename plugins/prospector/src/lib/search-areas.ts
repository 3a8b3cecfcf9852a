/**
 * Tunisian search areas for the lead search: cities and governorates with a
 * `locationRestriction` rectangle each (south-west "low", north-east "high").
 *
 * The rectangles are approximate bounding boxes of the built-up area (cities)
 * or of the populated part of the governorate; the client splits a rectangle
 * again when it returns Google's 60-result cap, so they may be generous.
 * Check them on a map before widening the search budget.
 */

export interface SearchArea {
  /** unique, lower case, ascii */
  slug: string
  name: string
  name_ar: string
  kind: "city" | "governorate"
  governorate: string
  rectangle: {
    low: { latitude: number; longitude: number }
    high: { latitude: number; longitude: number }
  }
}

const rect = (lat0: number, lng0: number, lat1: number, lng1: number) => ({
  low: { latitude: lat0, longitude: lng0 },
  high: { latitude: lat1, longitude: lng1 },
})

export const SEARCH_AREAS: SearchArea[] = [
  // Grand Tunis first: the shop is in Tunis and delivers there the same day
  {
    slug: "tunis",
    name: "Tunis",
    name_ar: "تونس",
    kind: "city",
    governorate: "Tunis",
    rectangle: rect(36.76, 10.1, 36.86, 10.26),
  },
  {
    slug: "ariana",
    name: "Ariana",
    name_ar: "أريانة",
    kind: "city",
    governorate: "Ariana",
    rectangle: rect(36.84, 10.12, 36.93, 10.24),
  },
  {
    slug: "ben-arous",
    name: "Ben Arous",
    name_ar: "بن عروس",
    kind: "city",
    governorate: "Ben Arous",
    rectangle: rect(36.7, 10.18, 36.78, 10.3),
  },
  {
    slug: "la-manouba",
    name: "La Manouba",
    name_ar: "منوبة",
    kind: "city",
    governorate: "Manouba",
    rectangle: rect(36.78, 10.04, 36.85, 10.12),
  },
  {
    slug: "nabeul",
    name: "Nabeul",
    name_ar: "نابل",
    kind: "city",
    governorate: "Nabeul",
    rectangle: rect(36.42, 10.68, 36.5, 10.78),
  },
  {
    slug: "hammamet",
    name: "Hammamet",
    name_ar: "الحمامات",
    kind: "city",
    governorate: "Nabeul",
    rectangle: rect(36.36, 10.5, 36.43, 10.62),
  },
  {
    slug: "bizerte",
    name: "Bizerte",
    name_ar: "بنزرت",
    kind: "city",
    governorate: "Bizerte",
    rectangle: rect(37.24, 9.82, 37.3, 9.9),
  },
  {
    slug: "zaghouan",
    name: "Zaghouan",
    name_ar: "زغوان",
    kind: "city",
    governorate: "Zaghouan",
    rectangle: rect(36.39, 10.13, 36.42, 10.16),
  },
  {
    slug: "beja",
    name: "Béja",
    name_ar: "باجة",
    kind: "city",
    governorate: "Béja",
    rectangle: rect(36.71, 9.16, 36.75, 9.21),
  },
  {
    slug: "jendouba",
    name: "Jendouba",
    name_ar: "جندوبة",
    kind: "city",
    governorate: "Jendouba",
    rectangle: rect(36.49, 8.75, 36.52, 8.8),
  },
  {
    slug: "le-kef",
    name: "Le Kef",
    name_ar: "الكاف",
    kind: "city",
    governorate: "Le Kef",
    rectangle: rect(36.16, 8.69, 36.19, 8.73),
  },
  {
    slug: "siliana",
    name: "Siliana",
    name_ar: "سليانة",
    kind: "city",
    governorate: "Siliana",
    rectangle: rect(36.07, 9.35, 36.1, 9.39),
  },
  {
    slug: "sousse",
    name: "Sousse",
    name_ar: "سوسة",
    kind: "city",
    governorate: "Sousse",
    rectangle: rect(35.78, 10.56, 35.87, 10.66),
  },
  {
    slug: "monastir",
    name: "Monastir",
    name_ar: "المنستير",
    kind: "city",
    governorate: "Monastir",
    rectangle: rect(35.73, 10.78, 35.79, 10.85),
  },
  {
    slug: "mahdia",
    name: "Mahdia",
    name_ar: "المهدية",
    kind: "city",
    governorate: "Mahdia",
    rectangle: rect(35.47, 11.02, 35.53, 11.08),
  },
  {
    slug: "kairouan",
    name: "Kairouan",
    name_ar: "القيروان",
    kind: "city",
    governorate: "Kairouan",
    rectangle: rect(35.65, 10.06, 35.71, 10.13),
  },
  {
    slug: "kasserine",
    name: "Kasserine",
    name_ar: "القصرين",
    kind: "city",
    governorate: "Kasserine",
    rectangle: rect(35.15, 8.81, 35.19, 8.86),
  },
  {
    slug: "sidi-bouzid",
    name: "Sidi Bouzid",
    name_ar: "سيدي بوزيد",
    kind: "city",
    governorate: "Sidi Bouzid",
    rectangle: rect(35.02, 9.47, 35.05, 9.51),
  },
  {
    slug: "sfax",
    name: "Sfax",
    name_ar: "صفاقس",
    kind: "city",
    governorate: "Sfax",
    rectangle: rect(34.69, 10.68, 34.8, 10.8),
  },
  {
    slug: "gafsa",
    name: "Gafsa",
    name_ar: "قفصة",
    kind: "city",
    governorate: "Gafsa",
    rectangle: rect(34.4, 8.75, 34.45, 8.82),
  },
  {
    slug: "tozeur",
    name: "Tozeur",
    name_ar: "توزر",
    kind: "city",
    governorate: "Tozeur",
    rectangle: rect(33.9, 8.11, 33.94, 8.15),
  },
  {
    slug: "kebili",
    name: "Kébili",
    name_ar: "قبلي",
    kind: "city",
    governorate: "Kébili",
    rectangle: rect(33.69, 8.95, 33.72, 8.99),
  },
  {
    slug: "gabes",
    name: "Gabès",
    name_ar: "قابس",
    kind: "city",
    governorate: "Gabès",
    rectangle: rect(33.86, 10.06, 33.92, 10.13),
  },
  {
    slug: "medenine",
    name: "Médenine",
    name_ar: "مدنين",
    kind: "city",
    governorate: "Médenine",
    rectangle: rect(33.32, 10.47, 33.37, 10.53),
  },
  {
    slug: "djerba",
    name: "Djerba (Houmt Souk)",
    name_ar: "جربة",
    kind: "city",
    governorate: "Médenine",
    rectangle: rect(33.84, 10.83, 33.89, 10.89),
  },
  {
    slug: "tataouine",
    name: "Tataouine",
    name_ar: "تطاوين",
    kind: "city",
    governorate: "Tataouine",
    rectangle: rect(32.91, 10.43, 32.95, 10.47),
  },
  // governorates (wider; tiled by the client when they return the cap)
  {
    slug: "gouvernorat-tunis",
    name: "Gouvernorat de Tunis",
    name_ar: "ولاية تونس",
    kind: "governorate",
    governorate: "Tunis",
    rectangle: rect(36.72, 10.0, 36.9, 10.36),
  },
  {
    slug: "gouvernorat-ariana",
    name: "Gouvernorat de l'Ariana",
    name_ar: "ولاية أريانة",
    kind: "governorate",
    governorate: "Ariana",
    rectangle: rect(36.83, 9.95, 37.07, 10.3),
  },
  {
    slug: "gouvernorat-ben-arous",
    name: "Gouvernorat de Ben Arous",
    name_ar: "ولاية بن عروس",
    kind: "governorate",
    governorate: "Ben Arous",
    rectangle: rect(36.5, 10.05, 36.8, 10.45),
  },
  {
    slug: "gouvernorat-manouba",
    name: "Gouvernorat de la Manouba",
    name_ar: "ولاية منوبة",
    kind: "governorate",
    governorate: "Manouba",
    rectangle: rect(36.6, 9.6, 36.95, 10.15),
  },
  {
    slug: "gouvernorat-nabeul",
    name: "Gouvernorat de Nabeul",
    name_ar: "ولاية نابل",
    kind: "governorate",
    governorate: "Nabeul",
    rectangle: rect(36.3, 10.4, 37.1, 11.1),
  },
  {
    slug: "gouvernorat-sousse",
    name: "Gouvernorat de Sousse",
    name_ar: "ولاية سوسة",
    kind: "governorate",
    governorate: "Sousse",
    rectangle: rect(35.6, 10.1, 36.2, 10.7),
  },
  {
    slug: "gouvernorat-monastir",
    name: "Gouvernorat de Monastir",
    name_ar: "ولاية المنستير",
    kind: "governorate",
    governorate: "Monastir",
    rectangle: rect(35.45, 10.6, 35.8, 11.1),
  },
  {
    slug: "gouvernorat-sfax",
    name: "Gouvernorat de Sfax",
    name_ar: "ولاية صفاقس",
    kind: "governorate",
    governorate: "Sfax",
    rectangle: rect(34.25, 10.0, 35.2, 11.1),
  },
]

/** Areas the daily search rotates through (cities; governorates only on demand). */
export const DAILY_AREA_SLUGS: string[] = SEARCH_AREAS.filter(
  (a) => a.kind === "city"
).map((a) => a.slug)
