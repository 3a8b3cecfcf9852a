import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { oneOf, pagination, text } from "@shabou/api-params"
import type OrionSalesHistoryService from "../../../../services/orion-sales-history"

const SOURCES = ["order", "import"] as const

/** GET /admin/orion/sales-history?variant_id=&sku=&source=order|import&limit=&offset= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  const filters = {
    variant_id: text(q.variant_id, "variant_id"),
    sku: text(q.sku, "sku"),
    source: oneOf(q.source, "source", SOURCES),
  }
  const service: OrionSalesHistoryService = req.scope.resolve(
    "orionSalesHistoryService"
  )
  res.json(await service.list(filters, pagination(q, { limit: 50, max: 500 })))
}
