import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type PriceHistoryService from "../../../../../../services/price-history"

/**
 * GET /store/products/:id/price-history/summary — per variant and currency, the lowest base price
 * in force during the last 30 days (the reference price to show next to a discount).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: PriceHistoryService = req.scope.resolve("priceHistoryService")
  res.json({ price_history_summary: await service.summary(req.params.id, 30) })
}
