import { MedusaError } from "@medusajs/utils"

/** A 400 answer (MedusaError INVALID_DATA) with the message as written. */
export function invalidData(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/** A 400 answer naming the parameter at fault: `limit: must be between 1 and 500, got 0`. */
export function invalidParam(name: string, message: string): MedusaError {
  return invalidData(`${name}: ${message}`)
}

/** A 404 answer (MedusaError NOT_FOUND) with the message as written: `throw notFound(\`Lead ${id} was not found\`)`. */
export function notFound(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, message)
}
