/**
 * Text Search queries for leads (garages, mechanics, body shops) and
 * competitors (auto-parts sellers), in French and Arabic. Every place found is
 * scored; auto-parts sellers go to the competitor list whatever the query.
 */

export interface SearchQuery {
  text: string
  language: "fr" | "ar"
  purpose: "lead" | "competitor"
}

export const SEARCH_QUERIES: SearchQuery[] = [
  { text: "garage mécanique", language: "fr", purpose: "lead" },
  { text: "mécanicien auto", language: "fr", purpose: "lead" },
  { text: "carrosserie", language: "fr", purpose: "lead" },
  { text: "électricien auto", language: "fr", purpose: "lead" },
  { text: "ميكانيك سيارات", language: "ar", purpose: "lead" },
  { text: "تصليح السيارات", language: "ar", purpose: "lead" },
  { text: "vente pièces auto", language: "fr", purpose: "competitor" },
  { text: "قطع غيار السيارات", language: "ar", purpose: "competitor" },
]
