import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { boolean, objectBody, text } from "@shabou/api-params"

import { sendPage } from "../../../utils/send-page"
import type WatchedPageService from "../../../../services/watched-page"

/**
 * GET /admin/prospector/watched-pages?supplier=&kind=&active=&variant_id=&product_id=&q=&limit=&offset=: each page with
 * `product_title`, `variant_title`, `last_observation` ({ amount, currency, in_stock, observed_at, method }) and `open_alerts`.
 */
export const GET = (req: MedusaRequest, res: MedusaResponse) =>
  sendPage(
    req,
    res,
    "watched_pages",
    ["supplier", "kind", "active", "variant_id", "product_id", "q"],
    (q, page) =>
      req.scope.resolve<WatchedPageService>("watchedPageService").listPages(
        {
          supplier: text(q.supplier, "supplier"),
          kind: text(q.kind, "kind"),
          active: boolean(q.active, "active"),
          variant_id: text(q.variant_id, "variant_id"),
          product_id: text(q.product_id, "product_id"),
          q: text(q.q, "q", { maxLength: 200 }),
        },
        page
      )
  )

/**
 * POST /admin/prospector/watched-pages: { url, supplier, kind?, variant_id? | sku?, offer_sku?, offer_mpn?,
 * offer_gtin?, selector?, stock_selector?, needs_js?, currency?, threshold_percent?, margin_percent?, active? }
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: WatchedPageService = req.scope.resolve("watchedPageService")
  res
    .status(201)
    .json({ watched_page: await service.createPage(objectBody(req.body)) })
}
