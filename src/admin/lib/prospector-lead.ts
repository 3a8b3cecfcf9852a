/** A prospect (lead) as GET /admin/prospector/leads/:id gives it, and the pure helpers of its page. */

// the lead as the server types it (types only: nothing of the server is bundled)
import type { LeadRow } from "../../../plugins/prospector/src/repositories/prospector-lead"
import type { StatusChangeRow } from "../../../plugins/prospector/src/repositories/prospector-lead-status-change"
import type { Jsonified } from "./api"

export type Lead = Jsonified<LeadRow & { status_history: StatusChangeRow[] }>

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
