import type { MedusaRequest } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import {
  invalidParam,
  objectBody,
  onlyKnown,
  textField,
} from "@shabou/api-params"
import { GarageInput } from "../../services/garage"

const KEYS = ["vehicle_id", "vin", "name", "is_current"] as const

/** The signed-in customer (the garage routes sit behind requireCustomerAuthentication). */
export function customerIdOf(req: MedusaRequest): string {
  const id = (req as unknown as { user?: { customer_id?: string } }).user
    ?.customer_id
  if (!id) {
    throw new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      "Sign in to use your garage"
    )
  }
  return id
}

/** A garage body: only the known fields, each of its type, or a 400 naming the field. */
export function garageBody(raw: unknown): GarageInput {
  const body = objectBody(raw)
  onlyKnown(body, KEYS, "field")
  if (body.is_current !== undefined && typeof body.is_current !== "boolean") {
    throw invalidParam("is_current", "must be true or false")
  }
  return {
    vehicle_id: textField(body.vehicle_id, "vehicle_id", { nullable: true }),
    vin: textField(body.vin, "vin", { nullable: true }),
    name: textField(body.name, "name", { nullable: true }),
    is_current: body.is_current,
  }
}
