/**
 * Places API place -> lead fields (place id kept forever; the rest is a cache
 * refreshed with fetched_at, per Google's terms) and -> scoring/dedupe inputs.
 */

import { DedupeCandidate, normalizePlaceId } from "./dedupe"
import { normalizeTunisianPhone } from "./phone"
import { Place } from "./places-client"
import { ScoringInput } from "./scoring"

export interface LeadFields {
  place_id: string
  moved_place_id: string | null
  name: string
  phone: string | null
  website: string | null
  address: string | null
  city: string | null
  governorate: string | null
  location: { lat: number; lng: number } | null
  types: string[]
  primary_type: string | null
  rating: number | null
  review_count: number | null
  business_status: string | null
  maps_url: string | null
  fetched_at: Date
}

function component(place: Place, type: string): string | null {
  const c = place.addressComponents?.find((a) => a.types?.includes(type))
  return c?.longText ?? c?.shortText ?? null
}

export function placeToLead(
  place: Place,
  fetchedAt: Date = new Date()
): LeadFields {
  const id = normalizePlaceId(place.id)
  if (!id) {
    throw new Error("place without id: add places.id to the field mask")
  }
  return {
    place_id: id,
    moved_place_id: normalizePlaceId(place.movedPlaceId),
    name: place.displayName?.text?.trim() || id,
    phone:
      normalizeTunisianPhone(place.internationalPhoneNumber) ??
      normalizeTunisianPhone(place.nationalPhoneNumber),
    website: place.websiteUri ?? null,
    address: place.formattedAddress ?? null,
    city:
      component(place, "locality") ??
      component(place, "administrative_area_level_2"),
    governorate: component(place, "administrative_area_level_1"),
    location: place.location
      ? { lat: place.location.latitude, lng: place.location.longitude }
      : null,
    types: place.types ?? [],
    primary_type: place.primaryType ?? null,
    rating: typeof place.rating === "number" ? place.rating : null,
    review_count:
      typeof place.userRatingCount === "number" ? place.userRatingCount : null,
    business_status: place.businessStatus ?? null,
    maps_url: place.googleMapsUri ?? null,
    fetched_at: fetchedAt,
  }
}

export function leadToScoringInput(
  lead: LeadFields,
  consumerAlert = false
): ScoringInput {
  return {
    name: lead.name,
    types: lead.types,
    primary_type: lead.primary_type,
    business_status: lead.business_status,
    rating: lead.rating,
    user_rating_count: lead.review_count,
    phone: lead.phone,
    location: lead.location,
    consumer_alert: consumerAlert,
  }
}

export function leadToDedupeCandidate(lead: LeadFields): DedupeCandidate {
  return {
    place_id: lead.place_id,
    moved_place_id: lead.moved_place_id,
    phone: lead.phone,
    name: lead.name,
    location: lead.location,
  }
}
