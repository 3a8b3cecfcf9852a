import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { invalidParam, pagination, text } from "@shabou/api-params"
import FitmentVerdictService from "../../../../../services/fitment-verdict"

/**
 * GET /store/products/:id/fitment → { universal, vehicles: [{ id, make, model, …, position, quantity, notes }], count, limit, offset }
 * GET /store/products/:id/fitment?vehicle_id= → { verdict: "fits" | "does_not_fit" | "unknown", reason, vehicle, fitments, … }
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<FitmentVerdictService>(
    "fitmentVerdictService"
  )
  const vehicleId = text(req.query.vehicle_id, "vehicle_id")
  if ("vehicle_id" in req.query && !vehicleId) {
    throw invalidParam("vehicle_id", "is empty")
  }
  if (vehicleId) {
    res.json(await service.verdict(req.params.id, vehicleId))
    return
  }
  const page = pagination(req.query, { limit: 100, max: 1000 })
  res.json(await service.productFitment(req.params.id, page))
}
