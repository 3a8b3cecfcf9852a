/** French labels of the fitment API's codes (fuel, body, position, source), declared once for every screen. */

export const FUEL_LABELS: Record<string, string> = {
  petrol: "Essence",
  diesel: "Diesel",
  hybrid: "Hybride",
  plug_in_hybrid: "Hybride rechargeable",
  electric: "Électrique",
  lpg: "GPL",
  petrol_lpg: "Essence/GPL",
  cng: "GNV",
  flex: "Flex (essence/éthanol E85)",
}

export const BODY_LABELS: Record<string, string> = {
  hatchback: "Hayon (3/5 portes)",
  sedan: "Berline",
  estate: "Break",
  coupe: "Coupé",
  convertible: "Cabriolet",
  coupe_convertible: "Coupé-cabriolet",
  suv: "SUV / 4x4",
  mpv: "Monospace",
  van: "Fourgon / utilitaire",
  pickup: "Pick-up",
  minibus: "Minibus",
  chassis_cab: "Châssis cabine",
}

export const POSITION_LABELS: Record<string, string> = {
  front: "Avant",
  rear: "Arrière",
  left: "Gauche",
  right: "Droite",
  front_left: "Avant gauche",
  front_right: "Avant droit",
  rear_left: "Arrière gauche",
  rear_right: "Arrière droit",
}

export const SOURCE_LABELS: Record<string, string> = {
  import: "Import",
  staff: "Équipe",
  supplier: "Fournisseur",
}

/**
 * The fuel as it reads inside a sentence ("1.5 dCi 90 ch diesel"): the label with a lower-case first
 * letter, except acronyms ("GPL", "GNV"); an unknown code as is.
 */
export function fuelInText(fuel: string): string {
  const label = FUEL_LABELS[fuel]
  if (!label) {
    return fuel
  }
  return label.length > 1 && label[1] === label[1].toLowerCase()
    ? label[0].toLowerCase() + label.slice(1)
    : label
}
