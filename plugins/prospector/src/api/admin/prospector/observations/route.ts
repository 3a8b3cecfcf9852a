import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { date, text } from "@shabou/api-params"

import { sendPage } from "../../../utils/send-page"
import type PriceObservationService from "../../../../services/price-observation"

/**
 * GET /admin/prospector/observations?watched_page_id=&variant_id=&product_id=&since=&limit=&offset=
 * (newest first; amount in minor units; each row names its page's `supplier`, `url` and our `variant_id`)
 */
export const GET = (req: MedusaRequest, res: MedusaResponse) =>
  sendPage(
    req,
    res,
    "observations",
    ["watched_page_id", "variant_id", "product_id", "since"],
    (q, page) =>
      req.scope
        .resolve<PriceObservationService>("priceObservationService")
        .listObservations(
          {
            watched_page_id: text(q.watched_page_id, "watched_page_id"),
            variant_id: text(q.variant_id, "variant_id"),
            product_id: text(q.product_id, "product_id"),
            since: date(q.since, "since"),
          },
          page
        )
  )
