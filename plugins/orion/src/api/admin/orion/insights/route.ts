import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionAlertService from "../../../../services/orion-alert"
import { INSIGHT_TYPES } from "../../../../services/orion-alert"
import { parseAlertQuery } from "../../../utils/alert-query"

/** GET /admin/orion/insights?type=spike|decline|dead_stock&status=&sort=&limit=&offset= — demand insights with reasons. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: OrionAlertService = req.scope.resolve("orionAlertService")
  const { alerts, ...rest } = await service.list(
    parseAlertQuery(req.query as Record<string, unknown>, INSIGHT_TYPES)
  )
  res.json({ insights: alerts, ...rest })
}
