import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import VehicleModelService from "../../../../../services/vehicle-model"

/** GET /admin/vehicles/models/:id */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    model: await req.scope
      .resolve<VehicleModelService>("vehicleModelService")
      .retrieveModel(req.params.id),
  })
}

/** POST /admin/vehicles/models/:id { name?, aliases? } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    model: await req.scope
      .resolve<VehicleModelService>("vehicleModelService")
      .updateModel(req.params.id, (req.body ?? {}) as Record<string, any>),
  })
}

/** DELETE /admin/vehicles/models/:id: only a model without vehicles */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await req.scope
    .resolve<VehicleModelService>("vehicleModelService")
    .deleteModel(req.params.id)
  res.json({ id: req.params.id, object: "vehicle_model", deleted: true })
}
