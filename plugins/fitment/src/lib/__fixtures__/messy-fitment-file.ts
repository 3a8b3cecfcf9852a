/** The fitments file of messy-files.ts. */
import { BrokenLine, picker, prng, TruthVehicle } from "./messy-vehicle-file"

export interface FitmentFile {
  csv: string
  /** Distinct (sku, vehicle ktype, position) links the file asks for. */
  links: number
  broken: BrokenLine[]
}

/**
 * Fitment file naming vehicles by KType or by make/model/years, with French positions and notes.
 * `skus` must exist in the product snapshot of the test; `vehicles` come from generateVehicleFile().
 */
export function generateFitmentFile(
  vehicles: TruthVehicle[],
  skus: string[],
  rows: number,
  seed = 7
): FitmentFile {
  const rand = prng(seed)
  const pick = picker(rand)
  const header = ["SKU", "KType", "Position", "Qté", "Note", "Universel"]
  const lines = [header.join(",")]
  const seen = new Set<string>()
  const broken: BrokenLine[] = []
  const positions = ["avant", "Arrière", "AV", "front", ""]
  const canonical: Record<string, string> = {
    avant: "front",
    Arrière: "rear",
    AV: "front",
    front: "front",
    "": "",
  }
  while (lines.length - 1 < rows) {
    const line = lines.length + 1
    if (line % 997 === 0) {
      lines.push(`SKU-DOES-NOT-EXIST-${line},${vehicles[0].ktype},avant,2,,`)
      broken.push({ line, column: "SKU", reason: /no product with sku/ })
      continue
    }
    if (line % 1999 === 0) {
      lines.push(
        `${skus[0]},${vehicles[line % vehicles.length].ktype},en haut,1,,`
      )
      broken.push({ line, column: "Position", reason: /unknown position/ })
      continue
    }
    const sku = pick(skus)
    const vehicle = pick(vehicles)
    const position = pick(positions)
    const key = `${sku}|${vehicle.ktype}|${canonical[position]}`
    if (seen.has(key)) {
      continue
    }
    seen.add(key)
    const note =
      rand() < 0.2 ? '"Sauf modèles avec ABS, vérifier le diamètre"' : ""
    lines.push(
      [
        sku.toLowerCase(),
        vehicle.ktype,
        position,
        rand() < 0.5 ? "2" : "1",
        note,
        "",
      ].join(",")
    )
  }
  // quantities are random, so a link must be written once: collisions are skipped above
  return { csv: lines.join("\n") + "\n", links: seen.size, broken }
}
