import { normalizeWords } from "./name-key"

/** Bodies: the canonical body types and their spellings in French, English and the makers' names. */

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
export const BODY_ALIASES: Record<string, Body> = {
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
