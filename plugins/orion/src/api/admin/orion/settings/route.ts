import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionRestockSettingsService from "../../../../services/orion-restock-settings"
import { badRequest } from "../../../_utils/params"

/** GET /admin/orion/settings — restock settings and the plugin defaults. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: OrionRestockSettingsService = req.scope.resolve("orionRestockSettingsService")
  res.json(await service.list())
}

/**
 * POST /admin/orion/settings { scope: "default"|"category"|"brand", key?, service_level?, lead_time_days? }
 * Creates or replaces the setting of (scope, key).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req.body ?? {}) as Record<string, unknown>
  for (const k of Object.keys(body)) {
    if (!["scope", "key", "service_level", "lead_time_days"].includes(k)) {
      badRequest(`unknown field "${k}" (allowed: scope, key, service_level, lead_time_days)`)
    }
  }
  const service: OrionRestockSettingsService = req.scope.resolve("orionRestockSettingsService")
  res.json({ setting: await service.upsert(body as any) })
}
