import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { text } from "@shabou/api-params"
import VehicleMakeService from "../../../../services/vehicle-make"

/** GET /admin/vehicles/makes?q= → every make, with or without vehicles */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const makes = await req.scope
    .resolve<VehicleMakeService>("vehicleMakeService")
    .listMakes({ q: text(req.query.q, "q") })
  res.json({ makes, count: makes.length })
}

/** POST /admin/vehicles/makes { name, aliases? }: 409-like duplicate error when the name is a spelling of an existing make */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const make = await req.scope
    .resolve<VehicleMakeService>("vehicleMakeService")
    .createMake((req.body ?? {}) as Record<string, any>)
  res.status(201).json({ make })
}
