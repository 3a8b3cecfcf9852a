import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

import type PriceWatchService from "../../../../services/price-watch"
import { only, page, text } from "../../../utils/query"

/** GET /admin/prospector/observations?watched_page_id=&limit=&offset= (newest first; amount in minor units) */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  only(req.query as Record<string, unknown>, ["watched_page_id", "limit", "offset"])
  const service: PriceWatchService = req.scope.resolve("priceWatchService")
  const p = page(req)
  const [observations, count] = await service.listObservations({ watched_page_id: text(req.query.watched_page_id, "watched_page_id") }, p)
  res.json({ observations, count, ...p })
}
