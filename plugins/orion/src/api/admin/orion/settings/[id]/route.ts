import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionRestockSettingsService from "../../../../../services/orion-restock-settings"

/** DELETE /admin/orion/settings/:id */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: OrionRestockSettingsService = req.scope.resolve(
    "orionRestockSettingsService"
  )
  await service.delete(req.params.id)
  res.json({
    id: req.params.id,
    object: "orion_restock_setting",
    deleted: true,
  })
}
