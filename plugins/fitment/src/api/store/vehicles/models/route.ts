import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { id } from "@shabou/api-params"
import VehicleModelService from "../../../../services/vehicle-model"

/** GET /store/vehicles/models?make_id= → { models: [{ id, make_id, name, handle, year_from, year_to }] }: only models with vehicles. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const makeId = id(req.query.make_id, "make_id")
  if (!makeId) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "make_id: is required"
    )
  }
  const models = await req.scope
    .resolve<VehicleModelService>("vehicleModelService")
    .listModels({ make_id: makeId, withVehiclesOnly: true })
  res.json({
    models: models.map((m) => ({
      id: m.id,
      make_id: m.make_id,
      name: m.name,
      handle: m.handle,
      year_from: m.year_from,
      year_to: m.year_to,
    })),
  })
}
