import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pagination, text } from "@shabou/api-params"
import FitmentCoverageService from "../../../../../services/fitment-coverage"

/** GET /admin/fitment/coverage/vehicles?make_id=&model_id=&q=&limit=&offset= → vehicles no part fits, paged: `{ vehicles, count, limit, offset }` */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 20, max: 200 })
  const [vehicles, count] = await req.scope
    .resolve<FitmentCoverageService>("fitmentCoverageService")
    .vehiclesWithoutParts({ make_id: text(req.query.make_id, "make_id"), model_id: text(req.query.model_id, "model_id"), q: text(req.query.q, "q") }, page)
  res.json({ vehicles, count, limit: page.limit, offset: page.offset })
}
