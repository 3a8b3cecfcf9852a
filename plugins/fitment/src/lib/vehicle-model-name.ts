import { cleanText } from "@shabou/text"
import { normalizeKey, normalizeWords, ROMAN_RE, tidyName } from "./name-key"
import { Body, BODY_ALIASES } from "./vehicle-body"

/** Models: body variants and generations split out of a model name, and the model dedupe key. */

const ROMAN = [
  "I",
  "II",
  "III",
  "IV",
  "V",
  "VI",
  "VII",
  "VIII",
  "IX",
  "X",
  "XI",
  "XII",
]
/** Words after which a letter is the model itself ("Classe V", "Série X"), not a generation. */
const SERIES_WORDS = new Set([
  "classe",
  "class",
  "klasse",
  "serie",
  "series",
  "model",
  "type",
])

/** Body words as written at the end of model names, longest first ("Sports Tourer" before "Tourer"). */
const MODEL_BODY_SUFFIXES: Array<[string[], Body]> = Object.entries(
  BODY_ALIASES
)
  .filter(([alias]) => !/^\d|^[345]p$/.test(alias))
  .map(([alias, body]) => [alias.split(" "), body] as [string[], Body])
  .sort((a, b) => b[0].length - a[0].length)

export interface ParsedModel {
  /** Model name without body or generation ("Clio" for "Clio IV Estate"). */
  model: string
  /** Dedupe key of `model`. */
  key: string
  /** Canonical body when the name carried one ("206 SW" → "estate"). */
  body?: Body
  /** Generation as an upper-case roman numeral ("Golf VII", "Golf Mk7" → "VII"). */
  generation?: string
}

/**
 * Splits body variants and generations out of a model name:
 * "206 SW" → 206 + estate, "Clio IV Estate" → Clio + IV + estate, "Golf VII Variant" → Golf + VII + estate,
 * "208 II" → 208 + II, "Berlingo Van" → Berlingo + van, "Golf Mk7" → Golf + VII.
 * Arabic numbers stay in the name ("Série 3", "CX-5", "Clio 4") because they are model names as often as generations.
 */
export function parseModel(value: string): ParsedModel {
  let tokens = cleanText(value).split(" ").filter(Boolean)
  let body: Body | undefined
  let generation: string | undefined

  // body words at the end (possibly several words: "Sports Tourer", "Double Cabine")
  let changed = true
  while (changed && tokens.length > 1) {
    changed = false
    const words = tokens.map((t) => normalizeWords(t))
    for (const [suffix, canonical] of MODEL_BODY_SUFFIXES) {
      if (suffix.length >= tokens.length) {
        continue
      }
      const tail = words.slice(words.length - suffix.length)
      if (tail.join(" ") === suffix.join(" ")) {
        body = body ?? canonical
        tokens = tokens.slice(0, tokens.length - suffix.length)
        changed = true
        break
      }
    }
    // "3 portes", "5p" at the end
    if (
      !changed &&
      tokens.length > 2 &&
      /^(portes|doors?)$/i.test(tokens[tokens.length - 1]) &&
      /^[2345]$/.test(tokens[tokens.length - 2])
    ) {
      body = body ?? (tokens[tokens.length - 2] === "4" ? "sedan" : "hatchback")
      tokens = tokens.slice(0, -2)
      changed = true
    } else if (
      !changed &&
      tokens.length > 1 &&
      /^[345]p$/i.test(tokens[tokens.length - 1])
    ) {
      body =
        body ?? (tokens[tokens.length - 1] === "4p" ? "sedan" : "hatchback")
      tokens = tokens.slice(0, -1)
      changed = true
    }
  }

  // generation: a trailing roman numeral or Mk/Mark number, not after "Classe", "Série"...
  if (tokens.length > 1) {
    const last = tokens[tokens.length - 1]
    const before = normalizeWords(tokens[tokens.length - 2])
    const mk = last.match(/^(?:mk|mark)\.?([1-9]|1[0-2])$/i)
    if (mk) {
      generation = ROMAN[Number(mk[1]) - 1]
      tokens = tokens.slice(0, -1)
    } else if (
      /^(mk|mark)$/i.test(tokens[tokens.length - 2]) &&
      /^([1-9]|1[0-2])$/.test(last) &&
      tokens.length > 2
    ) {
      generation = ROMAN[Number(last) - 1]
      tokens = tokens.slice(0, -2)
    } else if (
      ROMAN_RE.test(last.toUpperCase()) &&
      (last === last.toUpperCase() || last.length > 1) &&
      !SERIES_WORDS.has(before)
    ) {
      generation = last.toUpperCase()
      tokens = tokens.slice(0, -1)
    }
  }

  const model = tidyName(tokens.join(" "))
  const parsed: ParsedModel = { model, key: normalizeKey(model) }
  if (body) {
    parsed.body = body
  }
  if (generation) {
    parsed.generation = generation
  }
  return parsed
}

/** Model dedupe key; body and generation words are dropped: modelKey("Clio IV Estate") === modelKey("CLIO"). */
export function modelKey(value: string): string {
  return parseModel(value).key
}
