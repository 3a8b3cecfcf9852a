/**
 * Lead score 0-100 for a parts supplier, with a per-signal breakdown.
 * Weights and keywords: src/lib/scoring-config.ts.
 */

import { foldText } from "@shabou/text"
import { DEFAULT_SCORING, ScoringConfig } from "./scoring-config"
import { GeoPoint, haversineMeters } from "./haversine"
import { normalizeTunisianPhone } from "./phone"

export interface ScoringInput {
  name: string
  types?: string[] | null
  primary_type?: string | null
  business_status?: string | null
  rating?: number | null
  user_rating_count?: number | null
  phone?: string | null
  location?: GeoPoint | null
  /** Places consumerAlert present */
  consumer_alert?: boolean | null
}

export type Signal =
  | "category"
  | "operational"
  | "review_volume"
  | "rating"
  | "phone"
  | "distance"
  | "specialisation"
  | "franchised_dealer"
  | "consumer_alert"
  | "temporarily_closed"
  | "permanently_closed"
  | "competitor"

export interface ScoreItem {
  signal: Signal
  points: number
  /** maximum points for a positive signal, penalty size for a negative one */
  max: number
  reason: string
}

export type ScoreBand = "high" | "medium" | "low"

export interface ScoreResult {
  kind: "lead" | "competitor"
  score: number
  band: ScoreBand
  breakdown: ScoreItem[]
}

const round1 = (n: number) => Math.round(n * 10) / 10

function mentions(foldedName: string, keywords: string[]): string | null {
  const padded = ` ${foldedName} `
  for (const k of keywords) {
    const fk = foldText(k)
    if (fk && padded.includes(` ${fk} `)) {
      return k
    }
  }
  return null
}

export function scoreBand(
  score: number,
  config: ScoringConfig = DEFAULT_SCORING
): ScoreBand {
  if (score >= config.bands.high) {
    return "high"
  }
  if (score >= config.bands.medium) {
    return "medium"
  }
  return "low"
}

/** Is this place an auto-parts seller (a competitor, not a lead)? Returns the reason or null. */
export function competitorReason(
  input: ScoringInput,
  config: ScoringConfig = DEFAULT_SCORING
): string | null {
  const types = input.types ?? []
  const primary = input.primary_type ?? null
  const isRepair = config.category.repair_types.some((t) => t === primary)
  if (primary && config.competitor_types.includes(primary)) {
    return `primary type ${primary}`
  }
  if (!isRepair) {
    const t = types.find((x) => config.competitor_types.includes(x))
    if (t && !types.some((x) => config.category.repair_types.includes(x))) {
      return `type ${t}`
    }
    const k = mentions(foldText(input.name ?? ""), config.competitor_keywords)
    if (k && !types.some((x) => config.category.repair_types.includes(x))) {
      return `name mentions "${k}"`
    }
  }
  return null
}

export function scoreLead(
  input: ScoringInput,
  config: ScoringConfig = DEFAULT_SCORING
): ScoreResult {
  const w = config.weights
  const types = input.types ?? []
  const primary = input.primary_type ?? null
  const name = foldText(input.name ?? "")

  const competitor = competitorReason(input, config)
  if (competitor) {
    return {
      kind: "competitor",
      score: 0,
      band: "low",
      breakdown: [
        {
          signal: "competitor",
          points: 0,
          max: 0,
          reason: `auto-parts seller (${competitor}): competitor list`,
        },
      ],
    }
  }

  const items: ScoreItem[] = []

  // category
  {
    let share = 0
    let reason = "no repair type or keyword"
    const keyword = mentions(name, config.category.keywords)
    if (primary && config.category.repair_types.includes(primary)) {
      share = 1
      reason = `primary type ${primary}`
    } else if (types.some((t) => config.category.repair_types.includes(t))) {
      share = config.category.secondary_type_share
      reason = `types include ${types.find((t) => config.category.repair_types.includes(t))}`
    }
    if (keyword && config.category.keyword_share > share) {
      share = config.category.keyword_share
      reason = `name mentions "${keyword}"`
    }
    if (share === 0) {
      const weak = types.find((t) => t in config.category.weak_types)
      if (weak) {
        share = config.category.weak_types[weak]
        reason = `weak type ${weak}`
      }
    }
    items.push({
      signal: "category",
      points: round1(w.category * share),
      max: w.category,
      reason,
    })
  }

  // operational
  {
    const status = input.business_status ?? null
    items.push({
      signal: "operational",
      points: status === "OPERATIONAL" ? w.operational : 0,
      max: w.operational,
      reason: status ? `business status ${status}` : "business status unknown",
    })
  }

  // review volume (log scale)
  {
    const n = Math.max(0, input.user_rating_count ?? 0)
    const share = Math.min(
      1,
      Math.log10(n + 1) / Math.log10(config.review_volume_full_at + 1)
    )
    items.push({
      signal: "review_volume",
      points: round1(w.review_volume * share),
      max: w.review_volume,
      reason: `${n} reviews (full at ${config.review_volume_full_at})`,
    })
  }

  // rating
  {
    const r = input.rating
    if (typeof r !== "number") {
      items.push({
        signal: "rating",
        points: 0,
        max: w.rating,
        reason: "no rating",
      })
    } else {
      const { floor, full, min_reviews } = config.rating
      let share = Math.max(0, Math.min(1, (r - floor) / (full - floor)))
      let reason = `rating ${r}`
      if ((input.user_rating_count ?? 0) < min_reviews) {
        share /= 2
        reason += ` on fewer than ${min_reviews} reviews (half weight)`
      }
      items.push({
        signal: "rating",
        points: round1(w.rating * share),
        max: w.rating,
        reason,
      })
    }
  }

  // phone
  {
    const phone = normalizeTunisianPhone(input.phone)
    items.push({
      signal: "phone",
      points: phone ? w.phone : 0,
      max: w.phone,
      reason: phone
        ? `phone ${phone}`
        : input.phone
          ? `phone "${input.phone}" is not a Tunisian number`
          : "no phone",
    })
  }

  // distance from the shop
  {
    if (!input.location) {
      items.push({
        signal: "distance",
        points: 0,
        max: w.distance,
        reason: "no location",
      })
    } else {
      const km = haversineMeters(config.shop, input.location) / 1000
      const band = [...config.distance_bands]
        .sort((a, b) => a.max_km - b.max_km)
        .find((b) => km <= b.max_km)
      items.push({
        signal: "distance",
        points: round1(w.distance * (band?.share ?? 0)),
        max: w.distance,
        reason: `${km.toFixed(1)} km from ${config.shop.label}${band ? ` (within ${band.max_km} km)` : " (outside every band)"}`,
      })
    }
  }

  // specialisation in makes
  {
    const make = mentions(name, config.makes)
    items.push({
      signal: "specialisation",
      points: make ? w.specialisation : 0,
      max: w.specialisation,
      reason: make ? `name mentions ${make}` : "no make in the name",
    })
  }

  // penalties
  const dealerType =
    types.find((t) => config.dealer_types.includes(t)) ??
    (primary && config.dealer_types.includes(primary) ? primary : null)
  const dealerKeyword = mentions(name, config.dealer_keywords)
  if (dealerType || dealerKeyword) {
    const p = config.penalties.franchised_dealer
    items.push({
      signal: "franchised_dealer",
      points: -p,
      max: p,
      reason: dealerType
        ? `type ${dealerType}: buys OEM parts from the brand`
        : `name mentions "${dealerKeyword}"`,
    })
  }
  if (input.consumer_alert) {
    const p = config.penalties.consumer_alert
    items.push({
      signal: "consumer_alert",
      points: -p,
      max: p,
      reason: "Google shows a consumer alert",
    })
  }
  if (input.business_status === "CLOSED_TEMPORARILY") {
    const p = config.penalties.temporarily_closed
    items.push({
      signal: "temporarily_closed",
      points: -p,
      max: p,
      reason: "temporarily closed",
    })
  }

  let sum = items.reduce((s, i) => s + i.points, 0)
  if (input.business_status === "CLOSED_PERMANENTLY") {
    items.push({
      signal: "permanently_closed",
      points: -round1(sum),
      max: 100,
      reason: "permanently closed: score set to 0",
    })
    sum = 0
  }
  const score = Math.max(0, Math.min(100, Math.round(sum)))
  return {
    kind: "lead",
    score,
    band: scoreBand(score, config),
    breakdown: items,
  }
}
