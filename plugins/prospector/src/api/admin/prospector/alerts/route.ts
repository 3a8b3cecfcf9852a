import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { boolean, onlyKnown, pagination, text } from "@shabou/api-params"

import type PriceWatchService from "../../../../services/price-watch"

/** GET /admin/prospector/alerts?watched_page_id=&kind=&acknowledged=&limit=&offset= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  onlyKnown(req.query as Record<string, unknown>, [
    "watched_page_id",
    "kind",
    "acknowledged",
    "limit",
    "offset",
  ])
  const service: PriceWatchService = req.scope.resolve("priceWatchService")
  const p = pagination(req.query, { limit: 50, max: 200 })
  const [alerts, count] = await service.listAlerts(
    {
      watched_page_id: text(req.query.watched_page_id, "watched_page_id"),
      kind: text(req.query.kind, "kind"),
      acknowledged: boolean(req.query.acknowledged, "acknowledged"),
    },
    p
  )
  res.json({ alerts, count, ...p })
}
