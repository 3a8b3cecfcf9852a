import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import VehicleMakeService from "../../../../services/vehicle-make"

/** GET /store/vehicles/makes → { makes: [{ id, name, handle }] }: only makes that have vehicles. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const makes = await req.scope
    .resolve<VehicleMakeService>("vehicleMakeService")
    .listMakes({ withVehiclesOnly: true })
  res.json({
    makes: makes.map((m) => ({ id: m.id, name: m.name, handle: m.handle })),
  })
}
