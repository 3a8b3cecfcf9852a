/** The fields of a brand that its body sets and its row stores besides the id (one list for the route and the repository). */
export const BRAND_FIELDS = [
  "name",
  "handle",
  "logo_url",
  "country",
  "description",
  "metadata",
] as const

export type BrandField = (typeof BRAND_FIELDS)[number]
