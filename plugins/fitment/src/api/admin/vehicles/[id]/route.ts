import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import VehicleService from "../../../../services/vehicle"

/** GET /admin/vehicles/:id */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    vehicle: await req.scope
      .resolve<VehicleService>("vehicleService")
      .retrieveVehicle(req.params.id),
  })
}

/** POST /admin/vehicles/:id { any vehicle field } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    vehicle: await req.scope
      .resolve<VehicleService>("vehicleService")
      .updateVehicle(req.params.id, (req.body ?? {}) as Record<string, any>),
  })
}

/** DELETE /admin/vehicles/:id: refused while links exist (merge instead: links are never dropped) */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await req.scope
    .resolve<VehicleService>("vehicleService")
    .deleteVehicle(req.params.id)
  res.json({ id: req.params.id, object: "vehicle", deleted: true })
}
