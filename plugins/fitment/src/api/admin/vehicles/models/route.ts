import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { text } from "@shabou/api-params"
import VehicleModelService from "../../../../services/vehicle-model"

/** GET /admin/vehicles/models?make_id=&q= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const models = await req.scope
    .resolve<VehicleModelService>("vehicleModelService")
    .listModels({
      make_id: text(req.query.make_id, "make_id"),
      q: text(req.query.q, "q"),
    })
  res.json({ models, count: models.length })
}

/** POST /admin/vehicles/models { make_id, name, aliases? } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const model = await req.scope
    .resolve<VehicleModelService>("vehicleModelService")
    .createModel((req.body ?? {}) as Record<string, any>)
  res.status(201).json({ model })
}
