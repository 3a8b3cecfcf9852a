import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { text } from "@shabou/api-params"
import type OrionVariantForecastService from "../../../../services/orion-variant-forecast"

/** GET /admin/orion/forecasts?variant_id=…[&run_id=…] — mean and p10…p90 per period, model, metrics, reorder point. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  const variantId = text(q.variant_id, "variant_id", { required: true })
  const service: OrionVariantForecastService = req.scope.resolve(
    "orionVariantForecastService"
  )
  res.json(await service.forVariant(variantId, text(q.run_id, "run_id")))
}
