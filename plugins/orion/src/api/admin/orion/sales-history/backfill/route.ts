import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionSalesHistoryService from "../../../../../services/orion-sales-history"

/** POST /admin/orion/sales-history/backfill — records every order not yet in the history. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: OrionSalesHistoryService = req.scope.resolve(
    "orionSalesHistoryService"
  )
  res.json({ backfill: await service.backfill() })
}
