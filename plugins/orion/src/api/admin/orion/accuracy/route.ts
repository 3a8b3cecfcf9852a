import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { integer, number, oneOf, onlyKnown } from "@shabou/api-params"
import type OrionAccuracyService from "../../../../services/orion-accuracy"

/**
 * GET /admin/orion/accuracy?limit=12&frequency=week|month&threshold=0.25 — forecast against actual:
 * pooled figures (WQL, MASE, bias, 80 % coverage, MAPE of regular parts) per scored run, oldest first,
 * the latest scored run's figures per category and demand class, its worst parts, and the degradation check
 * (threshold defaults to the plugin option accuracyAlertThreshold).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  onlyKnown(q, ["limit", "frequency", "threshold"], "parameter")
  const service: OrionAccuracyService = req.scope.resolve(
    "orionAccuracyService"
  )
  res.json(
    await service.overview({
      limit: integer(q.limit, "limit", { default: 12, min: 1, max: 104 }),
      frequency: oneOf(q.frequency, "frequency", ["week", "month"] as const),
      threshold: number(q.threshold, "threshold", { min: 0.01, max: 10 }),
    })
  )
}
