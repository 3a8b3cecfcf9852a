import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { date, onlyKnown, pagination, text } from "@shabou/api-params"

import type PriceObservationService from "../../../../services/price-observation"

/**
 * GET /admin/prospector/observations?watched_page_id=&variant_id=&product_id=&since=&limit=&offset=
 * (newest first; amount in minor units; each row names its page's `supplier`, `url` and our `variant_id`)
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  onlyKnown(req.query as Record<string, unknown>, [
    "watched_page_id",
    "variant_id",
    "product_id",
    "since",
    "limit",
    "offset",
  ])
  const service: PriceObservationService = req.scope.resolve(
    "priceObservationService"
  )
  const p = pagination(req.query, { limit: 50, max: 200 })
  const [observations, count] = await service.listObservations(
    {
      watched_page_id: text(req.query.watched_page_id, "watched_page_id"),
      variant_id: text(req.query.variant_id, "variant_id"),
      product_id: text(req.query.product_id, "product_id"),
      since: date(req.query.since, "since"),
    },
    p
  )
  res.json({ observations, count, ...p })
}
