import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import GarageService from "../../../../../services/garage"
import { customerIdOf, garageBody } from "../../../../utils/garage-body"

/**
 * GET /store/customers/me/garage → { garage_vehicles: [{ id, name, label, vin, is_current, vehicle }], count } (current first)
 * POST /store/customers/me/garage { vehicle_id?, vin?, name?, is_current? } → { garage_vehicle }
 * Signed-in customers only (see middlewares).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const list = await req.scope
    .resolve<GarageService>("garageService")
    .list(customerIdOf(req))
  res.json({ garage_vehicles: list, count: list.length })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const garage_vehicle = await req.scope
    .resolve<GarageService>("garageService")
    .add(customerIdOf(req), garageBody(req.body))
  res.json({ garage_vehicle })
}
