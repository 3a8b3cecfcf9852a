import { decodeVin, DecodedVin } from "../vin"

/** The date the VIN specs decode at (model years are read relative to it). */
export const now = new Date("2025-06-01T00:00:00Z")

/** A VIN the specs expect to be valid, decoded (throws with the errors otherwise). */
export function decoded(vin: string): DecodedVin {
  const result = decodeVin(vin, { now })
  if (!result.valid) {
    throw new Error(
      `expected a valid VIN, got ${JSON.stringify(result.errors)}`
    )
  }
  return result
}
