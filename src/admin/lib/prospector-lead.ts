/** A prospect (lead) as GET /admin/prospector/leads/:id gives it, and the pure helpers of its page. */

export type Lead = {
  id: string
  place_id: string
  name: string
  phone: string | null
  website: string | null
  address: string | null
  city: string | null
  governorate: string | null
  latitude: number | null
  longitude: number | null
  rating: number | null
  review_count: number | null
  business_status: string | null
  maps_url: string | null
  first_seen_at: string
  last_seen_at: string
  fetched_at: string
  score: number
  score_band: string
  score_breakdown: Array<{
    signal: string
    points: number
    max: number
    reason: string
  }>
  kind: string
  status: string
  notes: string | null
  assignee: string | null
  status_history: Array<{
    id: string
    from_status: string | null
    to_status: string
    changed_by: string | null
    note: string | null
    created_at: string
  }>
}

/** Google's business status, in French. */
export const BUSINESS_STATUS_LABELS: Record<string, string> = {
  OPERATIONAL: "En activité",
  CLOSED_TEMPORARILY: "Fermé temporairement",
  CLOSED_PERMANENTLY: "Fermé définitivement",
}

/** Google Maps: the place's own link, else its coordinates. */
export function mapLink(l: Lead): string | null {
  if (l.maps_url && /^https?:\/\//.test(l.maps_url)) {
    return l.maps_url
  }
  if (l.latitude !== null && l.longitude !== null) {
    return `https://www.google.com/maps/search/?api=1&query=${l.latitude},${l.longitude}`
  }
  return null
}
