import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import VehicleCatalogService from "../../../../services/vehicle-catalog"

/** GET /store/vehicles/makes → { makes: [{ id, name, handle }] }: only makes that have vehicles. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const makes = await req.scope
    .resolve<VehicleCatalogService>("vehicleCatalogService")
    .listMakes({ withVehiclesOnly: true })
  res.json({
    makes: makes.map((m) => ({ id: m.id, name: m.name, handle: m.handle })),
  })
}
