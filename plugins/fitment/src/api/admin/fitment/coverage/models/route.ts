import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { integer, oneOf, pagination, text } from "@shabou/api-params"
import FitmentCoverageService from "../../../../../services/fitment-coverage"
import { COVERAGE_MODEL_SORTS } from "../../../../../types"

/**
 * GET /admin/fitment/coverage/models?sort=sold|vehicles_without_parts|parts&max_parts=&days=&make_id=&q=&limit=&offset=
 * → `{ totals, models: [{ make_id, make, model_id, model, vehicles, vehicles_without_parts, parts, sold }], count, limit, offset }`.
 * `sold` = units sold (pending and completed orders of the last `days` days, 365 by default) of the parts fitting
 * the model; `max_parts` keeps the models with at most that many parts ("most-sold models with few parts").
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 20, max: 200 })
  const [models, count, totals] = await req.scope.resolve<FitmentCoverageService>("fitmentCoverageService").coverageModels(
    {
      sort: oneOf<(typeof COVERAGE_MODEL_SORTS)[number]>(req.query.sort, "sort", COVERAGE_MODEL_SORTS, { default: "sold" }),
      max_parts: integer(req.query.max_parts, "max_parts", { min: 0, max: 1000000 }),
      days: integer(req.query.days, "days", { min: 1, max: 3650 }),
      make_id: text(req.query.make_id, "make_id"),
      q: text(req.query.q, "q"),
    },
    page
  )
  res.json({ totals, models, count, limit: page.limit, offset: page.offset })
}
