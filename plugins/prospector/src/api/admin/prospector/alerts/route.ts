import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { boolean, onlyKnown, pagination, text } from "@shabou/api-params"

import type PriceAlertService from "../../../../services/price-alert"

/** GET /admin/prospector/alerts?watched_page_id=&kind=&acknowledged=&limit=&offset= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  onlyKnown(req.query as Record<string, unknown>, [
    "watched_page_id",
    "kind",
    "acknowledged",
    "limit",
    "offset",
  ])
  const service: PriceAlertService = req.scope.resolve("priceAlertService")
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
