import { MedusaError } from "@medusajs/utils"

/** The body of POST /store/carts/:id/vehicle. */
export type CartVehicleInput = {
  vehicle_id?: unknown
  garage_vehicle_id?: unknown
  vin?: unknown
}

/** What the body asks for: a vehicle of the customer's garage, or one of the base (with its VIN when given). */
export type CartVehicleRequest =
  | { garage_vehicle_id: string; customer_id: string }
  | { vehicle_id: string; vin: string | null }

/**
 * Reads the body: a bad field is a 400 naming it; a garage vehicle asks for a
 * signed-in customer (401) who owns the cart when it has an owner (403).
 */
export function cartVehicleRequest(
  cartId: string,
  input: CartVehicleInput,
  customerId: string | null,
  cartCustomerId: string | null
): CartVehicleRequest {
  if (input.garage_vehicle_id !== undefined) {
    if (
      typeof input.garage_vehicle_id !== "string" ||
      !input.garage_vehicle_id
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "garage_vehicle_id: must be the id of a vehicle of your garage"
      )
    }
    if (!customerId) {
      throw new MedusaError(
        MedusaError.Types.UNAUTHORIZED,
        "garage_vehicle_id: sign in to use a vehicle of your garage"
      )
    }
    if (cartCustomerId && cartCustomerId !== customerId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cart ${cartId} belongs to another customer`
      )
    }
    return {
      garage_vehicle_id: input.garage_vehicle_id,
      customer_id: customerId,
    }
  }
  if (typeof input.vehicle_id !== "string" || !input.vehicle_id.trim()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "vehicle_id: is required (or garage_vehicle_id)"
    )
  }
  if (
    input.vin !== undefined &&
    input.vin !== null &&
    typeof input.vin !== "string"
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "vin: must be a text of 17 characters"
    )
  }
  return {
    vehicle_id: input.vehicle_id.trim(),
    vin: typeof input.vin === "string" ? input.vin : null,
  }
}
