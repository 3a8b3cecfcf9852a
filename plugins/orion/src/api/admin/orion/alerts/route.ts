import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionAlertService from "../../../../services/orion-alert"
import { parseAlertQuery } from "../../../utils/alert-query"

/**
 * GET /admin/orion/alerts?type=restock,spike&status=open&variant_id=&sort=-severity&limit=&offset=
 * Unresolved alerts by default; sort on severity, created_at, updated_at, suggested_quantity or sku.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: OrionAlertService = req.scope.resolve("orionAlertService")
  res.json(
    await service.list(parseAlertQuery(req.query as Record<string, unknown>))
  )
}
