import { MedusaError } from "@medusajs/utils"
import { FITMENT_SOURCES, FitmentSource } from "../models/fitment"
import { LinkInput } from "../types"
import type { LinkFields } from "./fitment-shape"
import { parsePosition } from "./values"

/** A link's fields once checked: what is written to the fitment table. */
export type CleanLink = LinkFields & {
  vehicle_id: string
  variant_id: string | null
  source: FitmentSource
}

export function badLinkField(field: string, reason: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${reason}`)
}

/** The vehicle id of a link, or a 400 naming vehicle_id. */
export function requireVehicleId(input: Partial<LinkInput>): string {
  if (!input.vehicle_id || typeof input.vehicle_id !== "string") {
    throw badLinkField("vehicle_id", "is required")
  }
  return input.vehicle_id
}

/**
 * Checks a link's qualifiers (position, quantity, months, source) and gives
 * the values to store; a bad one is a 400 naming its field.
 */
export function cleanLinkInput(input: LinkInput): CleanLink {
  let position: string | null = null
  if (input.position) {
    const p = parsePosition(String(input.position))
    if (p.error !== undefined) {
      throw badLinkField("position", p.error)
    }
    position = p.value
  }
  const quantity = input.quantity ?? 1
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000) {
    throw badLinkField(
      "quantity",
      `must be a whole number between 1 and 1000, got ${input.quantity}`
    )
  }
  for (const field of ["from_ym", "to_ym"] as const) {
    const v = input[field]
    if (
      v !== null &&
      v !== undefined &&
      (!Number.isInteger(v) ||
        v % 100 < 1 ||
        v % 100 > 12 ||
        v < 195001 ||
        v > 210012)
    ) {
      throw badLinkField(
        field,
        `must be a month written YYYYMM (e.g. 201403), got ${v}`
      )
    }
  }
  if (input.from_ym && input.to_ym && input.to_ym < input.from_ym) {
    throw badLinkField(
      "to_ym",
      `${input.to_ym} is before from_ym ${input.from_ym}`
    )
  }
  const source = input.source ?? "staff"
  if (!(FITMENT_SOURCES as readonly string[]).includes(source)) {
    throw badLinkField(
      "source",
      `must be import, staff or supplier, got ${source}`
    )
  }
  return {
    vehicle_id: input.vehicle_id,
    variant_id: input.variant_id ?? null,
    position,
    quantity,
    engine_code: input.engine_code
      ? String(input.engine_code).trim().toUpperCase()
      : null,
    from_ym: input.from_ym ?? null,
    to_ym: input.to_ym ?? null,
    note_fr: input.note_fr?.trim() || null,
    note_ar: input.note_ar?.trim() || null,
    source,
  }
}

/** The fields of `patch` that are given (null included), over `current`. */
export function mergeLinkInput(
  current: LinkInput,
  patch: Partial<LinkInput>
): LinkInput {
  const pick = <K extends keyof LinkInput>(k: K): LinkInput[K] =>
    (patch[k] !== undefined ? patch[k] : current[k]) as LinkInput[K]
  return {
    vehicle_id: patch.vehicle_id ?? current.vehicle_id,
    variant_id: pick("variant_id"),
    position: pick("position"),
    quantity: pick("quantity"),
    engine_code: pick("engine_code"),
    from_ym: pick("from_ym"),
    to_ym: pick("to_ym"),
    note_fr: pick("note_fr"),
    note_ar: pick("note_ar"),
    source: patch.source ?? current.source,
  }
}
