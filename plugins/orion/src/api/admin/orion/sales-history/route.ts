import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionSalesHistoryService from "../../../../services/orion-sales-history"
import { badRequest, optionalString, page } from "../../../_utils/params"

/** GET /admin/orion/sales-history?variant_id=&sku=&source=order|import&limit=&offset= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  const source = optionalString(q, "source")
  if (source && source !== "order" && source !== "import") {
    badRequest(`query parameter source must be "order" or "import", got "${source}"`)
  }
  const service: OrionSalesHistoryService = req.scope.resolve("orionSalesHistoryService")
  res.json(await service.list({ variant_id: optionalString(q, "variant_id"), sku: optionalString(q, "sku"), source }, page(q)))
}
