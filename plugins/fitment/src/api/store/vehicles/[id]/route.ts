import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import VehicleService from "../../../../services/vehicle"

/** GET /store/vehicles/:id → { vehicle } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { natural_key: _k, ...vehicle } = await req.scope
    .resolve<VehicleService>("vehicleService")
    .retrieveVehicle(req.params.id)
  res.json({ vehicle })
}
