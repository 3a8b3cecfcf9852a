/**
 * Name normalisation for makes and models.
 *
 * Two spellings that a person would read as the same name must give the same key:
 * "Mercedes-Benz" = "MERCEDES BENZ" = "mercedes benz" = "Mercedes.Benz".
 * Keys drop case, accents, spaces, dashes, dots and every other separator (the folding of @shabou/text), and
 * read "+" as the word "plus".
 */
import {
  cleanText,
  foldKey,
  foldText,
  slugify as slugifyText,
} from "@shabou/text"

/** "206+" is a model of its own (the 206's facelift), not the 206: the plus is a word of the name. */
function withPlus(value: string): string {
  return value.replace(/\+/g, " plus ")
}

/** Folded words (@shabou/text) separated by single spaces: "Citroën C4-Picasso" → "citroen c4 picasso". */
export function normalizeWords(value: string): string {
  return foldText(withPlus(value))
}

/**
 * Dedupe key: lowercase, no accents, no separators at all.
 * "Mercedes-Benz", "MERCEDES BENZ" and "mercedes.benz" all give "mercedesbenz".
 */
export function normalizeKey(value: string): string {
  return foldKey(withPlus(value))
}

/** URL handle: "Citroën C4 Picasso" → "citroen-c4-picasso", "206+" → "206-plus". */
export function slugify(value: string): string {
  return slugifyText(withPlus(value))
}

/**
 * Display form for a name typed all upper or all lower case ("CLIO", "sandero") → "Clio", "Sandero".
 * Mixed-case input is kept as written; short words and words with digits ("C3", "GTI", "i10") are kept.
 */
export function tidyName(value: string): string {
  const text = cleanText(value)
  const letters = text.replace(/[^\p{L}]/gu, "")
  if (!letters) {
    return text
  }
  const allUpper = letters === letters.toUpperCase()
  const allLower = letters === letters.toLowerCase()
  if (!allUpper && !allLower) {
    return text
  }
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (/\p{N}/u.test(word) || word.length < 4 || ROMAN_RE.test(word)) {
      return allLower && word.length < 4 && !/\p{N}/u.test(word)
        ? capitalize(word)
        : word
    }
    return capitalize(word)
  })
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}

// ---------------------------------------------------------------------------
// Makes
// ---------------------------------------------------------------------------

export interface MakeDefinition {
  /** Display name stored on the make. */
  name: string
  /** Other spellings (the name itself is always an alias). */
  aliases: string[]
}

/** Makes sold in Tunisia (new or common on the used market), with the spellings found in parts files. */
export const MAKES: MakeDefinition[] = [
  { name: "Alfa Romeo", aliases: ["Alfa", "Alfaromeo"] },
  { name: "Audi", aliases: [] },
  { name: "BAIC", aliases: ["Beijing Automotive"] },
  { name: "BMW", aliases: ["B.M.W.", "Bayerische Motoren Werke"] },
  { name: "BYD", aliases: [] },
  { name: "Changan", aliases: ["Chang'an", "Chana"] },
  { name: "Chery", aliases: ["Chery Automobile"] },
  { name: "Chevrolet", aliases: ["Chevy", "Daewoo Chevrolet"] },
  { name: "Citroën", aliases: ["Citroen", "Citroën DS"] },
  { name: "Cupra", aliases: [] },
  { name: "Dacia", aliases: ["Renault Dacia"] },
  { name: "Daewoo", aliases: [] },
  { name: "DFSK", aliases: ["Dongfeng Sokon", "Dong Feng Sokon"] },
  { name: "Dongfeng", aliases: ["Dong Feng", "DFM"] },
  { name: "DS", aliases: ["DS Automobiles"] },
  { name: "Fiat", aliases: ["F.I.A.T."] },
  { name: "Ford", aliases: ["Ford Motor", "Ford Otosan"] },
  { name: "Foton", aliases: [] },
  { name: "Geely", aliases: [] },
  {
    name: "Great Wall",
    aliases: ["GWM", "Great Wall Motors", "Great Wall Motor"],
  },
  { name: "Haval", aliases: [] },
  { name: "Honda", aliases: [] },
  { name: "Hyundai", aliases: ["Hyundai Motor", "Hundai", "Hyunday"] },
  { name: "Isuzu", aliases: [] },
  { name: "Iveco", aliases: [] },
  { name: "JAC", aliases: ["JAC Motors"] },
  { name: "Jaguar", aliases: [] },
  { name: "Jeep", aliases: [] },
  { name: "Kia", aliases: ["Kia Motors"] },
  { name: "Lada", aliases: ["VAZ", "AvtoVAZ"] },
  { name: "Lancia", aliases: [] },
  { name: "Land Rover", aliases: ["Landrover", "Range Rover"] },
  { name: "Lexus", aliases: [] },
  { name: "Mahindra", aliases: [] },
  { name: "Mazda", aliases: [] },
  {
    name: "Mercedes-Benz",
    aliases: ["Mercedes", "Mercedes Benz", "MB", "Merc", "Daimler-Benz"],
  },
  { name: "MG", aliases: ["MG Motor", "SAIC MG", "Morris Garages"] },
  { name: "Mini", aliases: ["BMW Mini"] },
  { name: "Mitsubishi", aliases: ["Mitsubichi", "Mitsubishi Motors"] },
  { name: "Nissan", aliases: [] },
  { name: "Opel", aliases: ["Vauxhall"] },
  { name: "Peugeot", aliases: ["Peugot", "Peageot"] },
  { name: "Porsche", aliases: [] },
  { name: "Renault", aliases: ["Renaut", "Renault Trucks"] },
  { name: "SEAT", aliases: ["Seat"] },
  { name: "Skoda", aliases: ["Škoda"] },
  { name: "Smart", aliases: [] },
  { name: "SsangYong", aliases: ["Ssang Yong", "KGM"] },
  { name: "Subaru", aliases: [] },
  { name: "Suzuki", aliases: ["Maruti Suzuki", "Maruti"] },
  { name: "Tata", aliases: ["Tata Motors"] },
  { name: "Toyota", aliases: [] },
  {
    name: "Volkswagen",
    aliases: ["VW", "V.W.", "Volks Wagen", "Volkswagon", "Volkswagen VW"],
  },
  { name: "Volvo", aliases: [] },
  { name: "Wallyscar", aliases: ["Wallys", "Wallys Car"] },
]

const MAKE_BY_KEY = new Map<string, MakeDefinition>()
for (const make of MAKES) {
  for (const spelling of [make.name, ...make.aliases]) {
    MAKE_BY_KEY.set(normalizeKey(spelling), make)
  }
}

export interface CanonicalMake {
  /** Display name ("Volkswagen" for "VW"); the tidied input when the make is not in the table. */
  name: string
  /** Dedupe key of the canonical name ("volkswagen" for "VW"). */
  key: string
  handle: string
  /** True when the spelling matched the built-in alias table. */
  known: boolean
}

/**
 * Canonical make for any spelling: "VW" → Volkswagen, "MB" → Mercedes-Benz, "citroen" → Citroën.
 * Unknown makes are kept (tidied) so a new make in a file is not lost.
 */
export function canonicalMake(value: string): CanonicalMake {
  const definition = MAKE_BY_KEY.get(normalizeKey(value))
  const name = definition ? definition.name : tidyName(value)
  return {
    name,
    key: normalizeKey(name),
    handle: slugify(name),
    known: Boolean(definition),
  }
}

/** Make dedupe key through the alias table: makeKey("VW") === makeKey("Volkswagen"). */
export function makeKey(value: string): string {
  return canonicalMake(value).key
}

// ---------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------

export const BODIES = [
  "hatchback",
  "sedan",
  "estate",
  "coupe",
  "convertible",
  "coupe_convertible",
  "suv",
  "mpv",
  "van",
  "pickup",
  "minibus",
  "chassis_cab",
] as const

export type Body = (typeof BODIES)[number]

/** Spellings of a body type, in French, English and the makers' own names (keys are normalizeWords form). */
const BODY_ALIASES: Record<string, Body> = {
  hatchback: "hatchback",
  hatch: "hatchback",
  hayon: "hatchback",
  bicorps: "hatchback",
  citadine: "hatchback",
  compacte: "hatchback",
  "petite citadine": "hatchback",
  "3 portes": "hatchback",
  "5 portes": "hatchback",
  "3p": "hatchback",
  "5p": "hatchback",
  "3 doors": "hatchback",
  "5 doors": "hatchback",
  sedan: "sedan",
  saloon: "sedan",
  berline: "sedan",
  "4 portes": "sedan",
  "4p": "sedan",
  tricorps: "sedan",
  limousine: "sedan",
  notchback: "sedan",
  estate: "estate",
  break: "estate",
  sw: "estate",
  "station wagon": "estate",
  wagon: "estate",
  variant: "estate",
  touring: "estate",
  avant: "estate",
  combi: "estate",
  kombi: "estate",
  "sports tourer": "estate",
  sportstourer: "estate",
  tourer: "estate",
  grandtour: "estate",
  "grand tour": "estate",
  sportwagon: "estate",
  "sport wagon": "estate",
  sportbrake: "estate",
  "shooting brake": "estate",
  familiale: "estate",
  coupe: "coupe",
  convertible: "convertible",
  cabriolet: "convertible",
  cabrio: "convertible",
  decapotable: "convertible",
  roadster: "convertible",
  spider: "convertible",
  spyder: "convertible",
  cc: "coupe_convertible",
  "coupe cabriolet": "coupe_convertible",
  suv: "suv",
  "4x4": "suv",
  "tout terrain": "suv",
  crossover: "suv",
  mpv: "mpv",
  monospace: "mpv",
  minivan: "mpv",
  ludospace: "mpv",
  multispace: "mpv",
  combispace: "mpv",
  tepee: "mpv",
  van: "van",
  fourgon: "van",
  fourgonnette: "van",
  utilitaire: "van",
  "panel van": "van",
  societe: "van",
  vu: "van",
  pickup: "pickup",
  "pick up": "pickup",
  "double cabine": "pickup",
  "simple cabine": "pickup",
  "double cab": "pickup",
  "single cab": "pickup",
  "crew cab": "pickup",
  plateau: "pickup",
  minibus: "minibus",
  "mini bus": "minibus",
  "chassis cabine": "chassis_cab",
  "chassis cab": "chassis_cab",
  "cabine approfondie": "chassis_cab",
}

/**
 * Canonical body for a free-text body ("Break", "SW", "Fourgon", "berline 5 portes").
 * Returns null when the text names no known body.
 */
export function normalizeBody(value: string): Body | null {
  const words = normalizeWords(value)
  if (!words) {
    return null
  }
  if ((BODIES as readonly string[]).includes(words.replace(/ /g, "_"))) {
    return words.replace(/ /g, "_") as Body
  }
  if (BODY_ALIASES[words]) {
    return BODY_ALIASES[words]
  }
  // "berline 5 portes": door counts decide between hatchback and sedan
  const doors = words.match(/\b([2345]) ?(?:portes|p|doors?)\b/)
  if (doors) {
    return doors[1] === "4" ? "sedan" : "hatchback"
  }
  for (const [alias, body] of Object.entries(BODY_ALIASES)) {
    if (alias.length > 2 && new RegExp(`(^| )${alias}( |$)`).test(words)) {
      return body
    }
  }
  return null
}

// ---------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------

const ROMAN_RE = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$/
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
