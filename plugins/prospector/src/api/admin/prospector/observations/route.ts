import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { onlyKnown, pagination, text } from "@shabou/api-params"

import type PriceWatchService from "../../../../services/price-watch"

/** GET /admin/prospector/observations?watched_page_id=&limit=&offset= (newest first; amount in minor units) */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  onlyKnown(req.query as Record<string, unknown>, ["watched_page_id", "limit", "offset"])
  const service: PriceWatchService = req.scope.resolve("priceWatchService")
  const p = pagination(req.query, { limit: 50, max: 200 })
  const [observations, count] = await service.listObservations({ watched_page_id: text(req.query.watched_page_id, "watched_page_id") }, p)
  res.json({ observations, count, ...p })
}
