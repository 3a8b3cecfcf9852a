import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { id } from "@shabou/api-params"
import VehicleService from "../../../../services/vehicle"

/** GET /store/vehicles/years?model_id= (or make_id) → { years: [2024, 2023, …] }: years covered by one of its vehicles. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const modelId = id(req.query.model_id, "model_id")
  const makeId = id(req.query.make_id, "make_id")
  if (!modelId && !makeId) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "model_id: is required (or make_id)"
    )
  }
  const years = await req.scope
    .resolve<VehicleService>("vehicleService")
    .listYears({ model_id: modelId, make_id: makeId })
  res.json({ years })
}
