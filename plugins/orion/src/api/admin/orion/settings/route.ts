import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { objectBody, onlyKnown } from "@shabou/api-params"
import type OrionRestockSettingsService from "../../../../services/orion-restock-settings"

/** GET /admin/orion/settings — restock settings and the plugin defaults. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: OrionRestockSettingsService = req.scope.resolve(
    "orionRestockSettingsService"
  )
  res.json(await service.list())
}

/**
 * POST /admin/orion/settings { scope: "default"|"category"|"brand", key?, service_level?, lead_time_days? }
 * Creates or replaces the setting of (scope, key).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = objectBody(req.body)
  onlyKnown(body, ["scope", "key", "service_level", "lead_time_days"], "field")
  const service: OrionRestockSettingsService = req.scope.resolve(
    "orionRestockSettingsService"
  )
  res.json({ setting: await service.upsert(body as any) })
}
