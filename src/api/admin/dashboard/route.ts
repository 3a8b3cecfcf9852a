import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type DashboardService from "../../../services/dashboard"

/**
 * GET /admin/dashboard — the owner's first screen in one call: sales today / 7 / 30 days (TND
 * millimes), orders to ship, out-of-stock variants, top restock alerts, new leads this week,
 * supplier price alerts, the last forecast run and recent activity. Read-only.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: DashboardService = req.scope.resolve("dashboardService")
  res.json({ dashboard: await service.retrieve() })
}
