import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { boolean, text } from "@shabou/api-params"

import { sendPage } from "../../../utils/send-page"
import type PriceAlertService from "../../../../services/price-alert"

/** GET /admin/prospector/alerts?watched_page_id=&kind=&acknowledged=&limit=&offset= */
export const GET = (req: MedusaRequest, res: MedusaResponse) =>
  sendPage(
    req,
    res,
    "alerts",
    ["watched_page_id", "kind", "acknowledged"],
    (q, page) =>
      req.scope.resolve<PriceAlertService>("priceAlertService").listAlerts(
        {
          watched_page_id: text(q.watched_page_id, "watched_page_id"),
          kind: text(q.kind, "kind"),
          acknowledged: boolean(q.acknowledged, "acknowledged"),
        },
        page
      )
  )
