import { normalizeKey, slugify, tidyName } from "./name-key"

/** Makes: the built-in table of makes and their spellings, and the canonical make of any spelling. */

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
