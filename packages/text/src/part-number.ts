/**
 * The letters-and-digits key of a part number or SKU: accents dropped, upper case, everything that is not A-Z or
 * 0-9 removed ("0 986.494-123" → "0986494123", "fer-fdb 8920" → "FERFDB8920"). It is the key every plugin compares
 * references by: the search plugin's SQL function `shabou_ref_norm` computes the same, fitment's part-number
 * normalisation strips maker prefixes from these tokens, the prospector matches competitors' sku/mpn with it.
 */
import { stripAccents } from "./fold"

/** The upper-case letter-and-digit groups of a reference, in order: "OE: 16 094.124-80" → ["OE", "16", "094", "124", "80"]. */
export function referenceTokens(value: string): string[] {
  return stripAccents(value)
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
}

/** The compared form of a part number or SKU: its reference tokens joined ("" when it holds none). */
export function compactReference(value: string): string {
  return referenceTokens(value).join("")
}
