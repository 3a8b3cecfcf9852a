import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { id, onlyKnown, pagination, text } from "@shabou/api-params"
import type OrionAccuracyService from "../../../../../services/orion-accuracy"

/**
 * GET /admin/orion/accuracy/rows?run_id=…[&variant_id=…]&limit=&offset= — the forecast against the actual per part
 * and past period of a run: mean, p10, p50, p90, units sold, absolute error, inside p10–p90.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  onlyKnown(q, ["run_id", "variant_id", "limit", "offset"], "parameter")
  const runId = id(
    text(q.run_id, "run_id", { required: true }),
    "run_id"
  ) as string
  const service: OrionAccuracyService = req.scope.resolve(
    "orionAccuracyService"
  )
  res.json(
    await service.listRows(
      runId,
      pagination(q, { limit: 100, max: 1000 }),
      id(q.variant_id, "variant_id")
    )
  )
}
