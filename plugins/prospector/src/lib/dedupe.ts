/**
 * Matches a candidate place against existing leads, in order:
 *  1. place id (also the lead's/candidate's movedPlaceId)
 *  2. normalised phone (+216...)
 *  3. folded name within ~100 m
 * The index can be updated as a run goes, so one run dedupes itself too.
 */

import { nameKey } from "./name-key"
import { GeoPoint, haversineMeters } from "./haversine"
import { normalizeTunisianPhone } from "./phone"

export type DedupeRule = "place_id" | "moved_place_id" | "phone" | "name_nearby"

export interface DedupeCandidate {
  place_id: string
  /** Google's movedPlaceId of this place (it closed and moved there) */
  moved_place_id?: string | null
  phone?: string | null
  name: string
  location?: GeoPoint | null
}

export interface DedupeLead {
  id: string
  place_id: string
  /** other place ids this lead is known under (old ids, movedPlaceIds) */
  moved_place_ids?: string[] | null
  phone?: string | null
  name: string
  location?: GeoPoint | null
}

export interface DedupeMatch<L extends DedupeLead = DedupeLead> {
  lead: L
  rule: DedupeRule
  /** metres between the two, for the name rule */
  distance_m?: number
}

export interface DedupeOptions {
  nameRadiusMeters?: number
}

/** "places/ChIJ..." -> "ChIJ..." */
export function normalizePlaceId(id: string | null | undefined): string | null {
  if (!id) {
    return null
  }
  const trimmed = id.trim()
  return trimmed.startsWith("places/") ? trimmed.slice(7) : trimmed || null
}

export class LeadIndex<L extends DedupeLead = DedupeLead> {
  private readonly byPlaceId = new Map<string, L>()
  private readonly byMovedId = new Map<string, L>()
  private readonly byPhone = new Map<string, L>()
  private readonly byName = new Map<string, L[]>()
  private readonly radius: number

  constructor(leads: Iterable<L> = [], options: DedupeOptions = {}) {
    this.radius = options.nameRadiusMeters ?? 100
    for (const lead of leads) {
      this.add(lead)
    }
  }

  add(lead: L): void {
    const pid = normalizePlaceId(lead.place_id)
    if (pid) {
      this.byPlaceId.set(pid, lead)
    }
    for (const moved of lead.moved_place_ids ?? []) {
      const m = normalizePlaceId(moved)
      if (m) {
        this.byMovedId.set(m, lead)
      }
    }
    const phone = normalizeTunisianPhone(lead.phone)
    if (phone && !this.byPhone.has(phone)) {
      this.byPhone.set(phone, lead)
    }
    const key = nameKey(lead.name ?? "")
    if (key) {
      const list = this.byName.get(key) ?? []
      list.push(lead)
      this.byName.set(key, list)
    }
  }

  match(candidate: DedupeCandidate): DedupeMatch<L> | null {
    const pid = normalizePlaceId(candidate.place_id)
    if (pid && this.byPlaceId.has(pid)) {
      return { lead: this.byPlaceId.get(pid) as L, rule: "place_id" }
    }
    // the lead was stored under an id that moved to this place
    if (pid && this.byMovedId.has(pid)) {
      return { lead: this.byMovedId.get(pid) as L, rule: "moved_place_id" }
    }
    // this place moved to a place we already have
    const moved = normalizePlaceId(candidate.moved_place_id)
    if (moved && (this.byPlaceId.has(moved) || this.byMovedId.has(moved))) {
      return {
        lead: (this.byPlaceId.get(moved) ?? this.byMovedId.get(moved)) as L,
        rule: "moved_place_id",
      }
    }
    const phone = normalizeTunisianPhone(candidate.phone)
    if (phone && this.byPhone.has(phone)) {
      return { lead: this.byPhone.get(phone) as L, rule: "phone" }
    }
    const key = nameKey(candidate.name ?? "")
    if (key && candidate.location) {
      let best: DedupeMatch<L> | null = null
      for (const lead of this.byName.get(key) ?? []) {
        if (!lead.location) {
          continue
        }
        const d = haversineMeters(candidate.location, lead.location)
        if (d <= this.radius && (!best || d < (best.distance_m as number))) {
          best = { lead, rule: "name_nearby", distance_m: Math.round(d) }
        }
      }
      if (best) {
        return best
      }
    }
    return null
  }
}

/** One-off match against a list. */
export function findDuplicate<L extends DedupeLead>(
  candidate: DedupeCandidate,
  leads: Iterable<L>,
  options: DedupeOptions = {}
): DedupeMatch<L> | null {
  return new LeadIndex(leads, options).match(candidate)
}
