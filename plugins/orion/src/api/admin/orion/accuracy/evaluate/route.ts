import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { date, objectBody, onlyKnown } from "@shabou/api-params"
import type OrionAccuracyService from "../../../../../services/orion-accuracy"

/**
 * POST /admin/orion/accuracy/evaluate { through? } — scores the kept runs against the sales of their periods
 * that ended before `through` (YYYY-MM-DD, default today: the periods fully past). Runs also do this on their own
 * when they finish (up to their own history end).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = objectBody(req.body)
  onlyKnown(body, ["through"], "field")
  const through = date(body.through, "through") ?? new Date()
  const service: OrionAccuracyService = req.scope.resolve(
    "orionAccuracyService"
  )
  res.json({
    scored: await service.evaluate(through.toISOString().slice(0, 10)),
  })
}
