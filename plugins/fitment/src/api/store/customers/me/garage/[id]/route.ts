import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import GarageService from "../../../../../../services/garage"
import { customerIdOf, garageBody } from "../../../../../utils/garage-body"

/**
 * GET /store/customers/me/garage/:id → { garage_vehicle }
 * POST /store/customers/me/garage/:id { name?, vin?, vehicle_id?, is_current: true? } → { garage_vehicle }
 * DELETE /store/customers/me/garage/:id → { id, object: "garage_vehicle", deleted: true }
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const garage_vehicle = await req.scope
    .resolve<GarageService>("garageService")
    .retrieve(customerIdOf(req), req.params.id)
  res.json({ garage_vehicle })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const garage_vehicle = await req.scope
    .resolve<GarageService>("garageService")
    .update(customerIdOf(req), req.params.id, garageBody(req.body))
  res.json({ garage_vehicle })
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await req.scope
    .resolve<GarageService>("garageService")
    .remove(customerIdOf(req), req.params.id)
  res.json({ id: req.params.id, object: "garage_vehicle", deleted: true })
}
