import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import {
  boolean,
  objectBody,
  onlyKnown,
  pagination,
  text,
} from "@shabou/api-params"

import type WatchedPageService from "../../../../services/watched-page"

/**
 * GET /admin/prospector/watched-pages?supplier=&kind=&active=&variant_id=&product_id=&q=&limit=&offset=: each page with
 * `product_title`, `variant_title`, `last_observation` ({ amount, currency, in_stock, observed_at, method }) and `open_alerts`.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  onlyKnown(req.query as Record<string, unknown>, [
    "supplier",
    "kind",
    "active",
    "variant_id",
    "product_id",
    "q",
    "limit",
    "offset",
  ])
  const service: WatchedPageService = req.scope.resolve("watchedPageService")
  const p = pagination(req.query, { limit: 50, max: 200 })
  const [watched_pages, count] = await service.listPages(
    {
      supplier: text(req.query.supplier, "supplier"),
      kind: text(req.query.kind, "kind"),
      active: boolean(req.query.active, "active"),
      variant_id: text(req.query.variant_id, "variant_id"),
      product_id: text(req.query.product_id, "product_id"),
      q: text(req.query.q, "q", { maxLength: 200 }),
    },
    p
  )
  res.json({ watched_pages, count, ...p })
}

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
