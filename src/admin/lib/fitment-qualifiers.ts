/**
 * The qualifiers of a part ↔ vehicle link (position, quantity, engine code, notes FR/AR) as the product
 * fitment widget edits them: text fields in the form, typed values for the API.
 */
import type { FitmentLink } from "./fitment-types"

export type Qualifiers = {
  position: string
  quantity: string
  engine_code: string
  note_fr: string
  note_ar: string
}

export const EMPTY_QUALIFIERS: Qualifiers = {
  position: "",
  quantity: "1",
  engine_code: "",
  note_fr: "",
  note_ar: "",
}

/** The qualifiers as the API wants them; null when the quantity is not a whole number 1..1000. */
export function qualifierBody(q: Qualifiers): Record<string, unknown> | null {
  const quantity = Number(q.quantity)
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000) {
    return null
  }
  return {
    position: q.position || null,
    quantity,
    engine_code: q.engine_code.trim() || null,
    note_fr: q.note_fr.trim() || null,
    note_ar: q.note_ar.trim() || null,
  }
}

/** A link's qualifiers as form fields, to edit them. */
export function linkQualifiers(l: FitmentLink): Qualifiers {
  return {
    position: l.position ?? "",
    quantity: String(l.quantity),
    engine_code: l.engine_code ?? "",
    note_fr: l.note_fr ?? "",
    note_ar: l.note_ar ?? "",
  }
}
