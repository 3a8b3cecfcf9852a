import { TransactionBaseService } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"

import { DedupeLead, LeadIndex } from "../lib/dedupe"
import { foldName } from "../lib/name-key"
import {
  leadToDedupeCandidate,
  leadToScoringInput,
  placeToLead,
} from "../lib/place-to-lead"
import type { Place } from "../lib/places-client"
import type { SearchArea } from "../lib/search-areas"
import { DEFAULT_SCORING } from "../lib/scoring-config"
import { scoreLead } from "../lib/scoring"
import type {
  LeadIndexRow,
  ProspectorLeadRepository,
} from "../repositories/prospector-lead"

type InjectedDependencies = {
  manager: EntityManager
  prospectorLeadRepository: typeof ProspectorLeadRepository
}

export interface IndexedLead extends DedupeLead {
  merged: Set<string>
  /** Google's movedPlaceId of the lead's own place: where the business went */
  google_moved: string | null
  has_phone: boolean
  has_website: boolean
}

/** What one search's places did to the leads. */
export interface StoreCounts {
  new: number
  updated: number
  merged: number
}

function toIndexed(r: LeadIndexRow): IndexedLead {
  const merged = new Set<string>(r.merged_place_ids ?? [])
  return {
    id: r.id,
    place_id: r.place_id,
    moved_place_ids: [
      ...merged,
      ...(r.moved_place_id ? [r.moved_place_id] : []),
    ],
    phone: r.phone,
    name: r.name,
    location:
      r.latitude !== null && r.latitude !== undefined
        ? { lat: Number(r.latitude), lng: Number(r.longitude) }
        : null,
    merged,
    google_moved: r.moved_place_id ?? null,
    has_phone: !!r.phone,
    has_website: !!r.website,
  }
}

/** Stores the places a lead search finds as leads: new ones, refreshed ones, and duplicates merged. */
export default class ProspectorLeadStoreService extends TransactionBaseService {
  protected readonly leadRepository_: typeof ProspectorLeadRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.leadRepository_ = container.prospectorLeadRepository
  }

  /** Every stored lead, indexed for the duplicate checks of a search. */
  async loadIndex(): Promise<LeadIndex<IndexedLead>> {
    const rows = await this.activeManager_
      .withRepository(this.leadRepository_)
      .indexRows()
    return new LeadIndex<IndexedLead>(rows.map(toIndexed))
  }

  async countKindsOfRun(
    runId: string
  ): Promise<{ leads: number; competitors: number }> {
    return await this.activeManager_
      .withRepository(this.leadRepository_)
      .countKindsOfRun(runId)
  }

  /** Stores one search's places in one transaction: new, updated (same place) or merged (same business). */
  async storePlaces(
    places: Place[],
    area: SearchArea,
    runId: string,
    index: LeadIndex<IndexedLead>,
    counts: StoreCounts,
    shop: { lat: number; lng: number; label: string }
  ): Promise<void> {
    const scoring = { ...DEFAULT_SCORING, shop }
    const now = new Date()
    await this.atomicPhase_(async (manager) => {
      const leads = manager.withRepository(this.leadRepository_)
      for (const place of places) {
        const lead = placeToLead(place, now)
        lead.city = lead.city ?? (area.kind === "city" ? area.name : null)
        lead.governorate = lead.governorate ?? area.governorate
        const score = scoreLead(
          leadToScoringInput(lead, !!place.consumerAlert),
          scoring
        )
        const match = index.match(leadToDedupeCandidate(lead))
        const cache = [
          lead.name,
          foldName(lead.name),
          lead.phone,
          lead.website,
          lead.address,
          lead.city,
          lead.governorate,
          lead.location?.lat ?? null,
          lead.location?.lng ?? null,
          lead.types,
          lead.primary_type,
          lead.rating,
          lead.review_count,
          lead.business_status,
          lead.maps_url,
          lead.fetched_at,
          score.score,
          score.band,
          JSON.stringify(score.breakdown),
          score.kind,
          lead.moved_place_id,
          runId,
        ]
        if (!match) {
          const id = generateEntityId(undefined, "plead")
          const inserted = await leads.insertFound(cache, {
            id,
            place_id: lead.place_id,
            area: area.slug,
          })
          if (inserted) {
            counts.new += 1
            index.add(
              toIndexed({
                id,
                place_id: lead.place_id,
                moved_place_id: lead.moved_place_id,
                merged_place_ids: [],
                phone: lead.phone,
                website: lead.website,
                name: lead.name,
                latitude: lead.location?.lat ?? null,
                longitude: lead.location?.lng ?? null,
              })
            )
          }
          continue
        }
        const target = match.lead
        // the lead's own place, or the place Google says the business moved to: refresh the cache from it
        const samePlace =
          match.rule === "place_id" ||
          (match.rule === "moved_place_id" &&
            target.google_moved === lead.place_id)
        if (!samePlace && target.merged.has(lead.place_id)) {
          // a duplicate merged in an earlier run: seen again, nothing to merge
          await leads.markSeen(target.id, now, runId)
          counts.updated += 1
          continue
        }
        if (samePlace) {
          await leads.refreshCache(target.id, cache)
          counts.updated += 1
          continue
        }
        // another Google place for a business we have (same phone, same name nearby, or the old place of a moved one)
        await leads.mergePlace(
          target.id,
          { place_id: lead.place_id, phone: lead.phone, website: lead.website },
          now,
          runId
        )
        target.merged.add(lead.place_id)
        index.add({ ...target, place_id: lead.place_id })
        counts.merged += 1
      }
    })
  }
}
