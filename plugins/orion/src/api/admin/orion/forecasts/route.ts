import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionForecastService from "../../../../services/orion-forecast"
import { badRequest, optionalString } from "../../../_utils/params"

/** GET /admin/orion/forecasts?variant_id=…[&run_id=…] — mean and p10…p90 per period, model, metrics, reorder point. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  const variantId = optionalString(q, "variant_id")
  if (!variantId) {
    badRequest("query parameter variant_id is required")
  }
  const service: OrionForecastService = req.scope.resolve("orionForecastService")
  res.json(await service.forVariant(variantId, optionalString(q, "run_id")))
}
