import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

import type PriceWatchService from "../../../../services/price-watch"
import { bool, only, page, text } from "../../../utils/query"

/** GET /admin/prospector/alerts?watched_page_id=&kind=&acknowledged=&limit=&offset= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  only(req.query as Record<string, unknown>, ["watched_page_id", "kind", "acknowledged", "limit", "offset"])
  const service: PriceWatchService = req.scope.resolve("priceWatchService")
  const p = page(req)
  const [alerts, count] = await service.listAlerts(
    {
      watched_page_id: text(req.query.watched_page_id, "watched_page_id"),
      kind: text(req.query.kind, "kind"),
      acknowledged: bool(req.query.acknowledged, "acknowledged"),
    },
    p
  )
  res.json({ alerts, count, ...p })
}
