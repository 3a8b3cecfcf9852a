import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import VehicleMakeService from "../../../../../services/vehicle-make"

/** GET /admin/vehicles/makes/:id */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    make: await req.scope
      .resolve<VehicleMakeService>("vehicleMakeService")
      .retrieveMake(req.params.id),
  })
}

/** POST /admin/vehicles/makes/:id { name?, aliases? } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    make: await req.scope
      .resolve<VehicleMakeService>("vehicleMakeService")
      .updateMake(req.params.id, (req.body ?? {}) as Record<string, any>),
  })
}

/** DELETE /admin/vehicles/makes/:id: only a make without models */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await req.scope
    .resolve<VehicleMakeService>("vehicleMakeService")
    .deleteMake(req.params.id)
  res.json({ id: req.params.id, object: "vehicle_make", deleted: true })
}
