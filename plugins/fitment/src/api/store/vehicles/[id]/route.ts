import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import VehicleCatalogService from "../../../../services/vehicle-catalog"

/** GET /store/vehicles/:id → { vehicle } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { natural_key: _k, ...vehicle } = await req.scope
    .resolve<VehicleCatalogService>("vehicleCatalogService")
    .retrieveVehicle(req.params.id)
  res.json({ vehicle })
}
