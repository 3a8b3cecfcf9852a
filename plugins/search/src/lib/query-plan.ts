/**
 * Turns a shopper's query into the pieces the PostgreSQL search uses:
 * - reference keys: part numbers written with or without spaces, dots, dashes ("0 986.494-123" →
 *   "0986494123"), matched exactly against the normalised references of each product;
 * - French/Latin words: matched through the text-search index, each word also by prefix and by its
 *   near spellings found in the word dictionary (typos: "plaquete" → "plaquettes");
 * The text normalisation itself (accents, case, Arabic letter variants) is done by the SQL function
 * `shabou_search_norm` so documents and queries share one definition; references are compared by the key of
 * @shabou/text `compactReference` (`shabou_ref_norm` in SQL).
 */
import { compactReference } from "@shabou/text"

/** French words that carry no meaning for part search (they are not required to match). */
export const STOPWORDS = new Set([
  "a",
  "au",
  "aux",
  "avec",
  "d",
  "de",
  "des",
  "du",
  "en",
  "et",
  "l",
  "la",
  "le",
  "les",
  "ou",
  "par",
  "pour",
  "sur",
  "un",
  "une",
  "the",
  "for",
  "of",
])

const hasDigit = (s: string) => /\d/.test(s)

/**
 * Candidate reference keys of a raw query: the whole query compacted, every run of consecutive
 * tokens that all hold a digit (a reference typed in groups: "0 986 494 123"), and every single
 * token of 4+ characters holding a digit. Keys must hold a digit and have 4+ characters.
 */
export function referenceKeys(raw: string): string[] {
  const keys = new Set<string>()
  const add = (k: string) => {
    if (k.length >= 4 && k.length <= 40 && hasDigit(k)) {
      keys.add(k)
    }
  }
  add(compactReference(raw))
  const tokens = raw.split(/\s+/).map(compactReference).filter(Boolean)
  let run: string[] = []
  const flush = () => {
    if (run.length > 1) {
      add(run.join(""))
    }
    run = []
  }
  for (const t of tokens) {
    if (hasDigit(t)) {
      run.push(t)
      add(t)
    } else {
      flush()
    }
  }
  flush()
  return [...keys].slice(0, 20)
}

/**
 * Groups joined by "-", "." or "/" that mix letters and digits (viscosity grades "5w-30", "10w-40") as one word
 * ("5w30"): the documents hold them joined too (document-sql), so "5W-30" no longer matches a 5W-40 oil by its
 * "5w" and some "30" elsewhere. Groups of digits only (references "986.494-123") stay split.
 */
export function joinGrades(normalized: string): string {
  return normalized.replace(/[a-z0-9]+(?:[-./][a-z0-9]+)+/g, (group) =>
    /[a-z]/.test(group) && /\d/.test(group)
      ? group.replace(/[-./]/g, "")
      : group
  )
}

/** Latin words of an already-normalised query (lower case, no accents), stopwords removed, grades joined. */
export function latinTokens(normalized: string): string[] {
  const out: string[] = []
  for (const t of joinGrades(normalized).split(/[^a-z0-9]+/)) {
    if (t && !STOPWORDS.has(t) && !out.includes(t)) {
      out.push(t)
    }
  }
  return out.slice(0, 12)
}

/** Tokens long enough to look up near spellings for. */
export function fuzzyCandidates(tokens: string[]): string[] {
  return tokens.filter((t) => t.length >= 4 && !/^\d+$/.test(t))
}

/**
 * A to_tsquery() expression: every token must match (AND), each token by itself (as a prefix when
 * it has 3+ characters) or by one of its near spellings (OR). Tokens are [a-z0-9] only, so no
 * tsquery syntax can be injected.
 */
export function buildTsQuery(
  tokens: string[],
  alternatives: Map<string, string[]> = new Map()
): string {
  const safe = (w: string) => w.replace(/[^a-z0-9]/g, "")
  return tokens
    .map((t) => {
      const own = safe(t)
      if (!own) {
        return ""
      }
      const parts = [own.length >= 3 ? `${own}:*` : own]
      for (const alt of alternatives.get(t) ?? []) {
        const a = safe(alt)
        if (a && a !== own) {
          parts.push(a)
        }
      }
      return parts.length > 1 ? `(${parts.join(" | ")})` : parts[0]
    })
    .filter(Boolean)
    .join(" & ")
}
