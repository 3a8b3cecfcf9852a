import { normalizeKey } from "./normalize"

export type Verdict = "fits" | "does_not_fit" | "unknown"

export interface VerdictLink {
  engine_code: string | null
  position?: string | null
  from_ym?: number | null
  to_ym?: number | null
  note_fr?: string | null
}

export interface VerdictFacts<L extends VerdictLink> {
  /** The part fits every vehicle. */
  universal: boolean
  /** The part's links to this vehicle. */
  links: L[]
  /** The vehicle's engine code, when known. */
  vehicleEngineCode: string | null
  /** Links of the part to any vehicle. */
  productLinks: number
  /** Links of live parts to this vehicle. */
  vehicleLinks: number
}

export interface VerdictAnswer<L extends VerdictLink> {
  verdict: Verdict
  reason: string
  applicable: L[]
  excluded: L[]
}

/**
 * The three-way answer for one part and one vehicle.
 * - fits: a universal part, or a link to the vehicle whose engine code (when both are known) matches;
 * - does_not_fit: links to the vehicle for other engine codes only, or fitment data on both sides (the part is
 *   linked to vehicles, the vehicle to parts) and no link between them;
 * - unknown: no data to decide, on the vehicle's side (no part is linked to it yet) or on the part's.
 */
export function decideVerdict<L extends VerdictLink>(
  facts: VerdictFacts<L>
): VerdictAnswer<L> {
  const code = facts.vehicleEngineCode
    ? normalizeKey(facts.vehicleEngineCode)
    : null
  const applicable = facts.links.filter(
    (l) => !l.engine_code || !code || normalizeKey(l.engine_code) === code
  )
  const excluded = facts.links.filter((l) => !applicable.includes(l))
  if (facts.universal) {
    return {
      verdict: "fits",
      reason: "universal part: fits every vehicle",
      applicable,
      excluded,
    }
  }
  if (applicable.length) {
    const conditional = applicable.some(
      (l) => l.position || l.engine_code || l.from_ym || l.to_ym || l.note_fr
    )
    return {
      verdict: "fits",
      reason: conditional
        ? "fits this vehicle under the conditions listed"
        : "fits this vehicle",
      applicable,
      excluded,
    }
  }
  if (excluded.length) {
    const codes = [...new Set(excluded.map((l) => l.engine_code))].join(", ")
    return {
      verdict: "does_not_fit",
      reason: `linked to this vehicle only for engine code ${codes}, the vehicle has ${facts.vehicleEngineCode}`,
      applicable,
      excluded,
    }
  }
  if (facts.vehicleLinks === 0) {
    return {
      verdict: "unknown",
      reason: "no fitment data for this vehicle yet: no part is linked to it",
      applicable,
      excluded,
    }
  }
  if (facts.productLinks === 0) {
    return {
      verdict: "unknown",
      reason: "no fitment data for this part",
      applicable,
      excluded,
    }
  }
  return {
    verdict: "does_not_fit",
    reason: "the part has fitment data and this vehicle is not in it",
    applicable,
    excluded,
  }
}
