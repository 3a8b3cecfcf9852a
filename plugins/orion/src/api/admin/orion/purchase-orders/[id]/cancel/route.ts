import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionPurchaseOrderService from "../../../../../../services/orion-purchase-order"

/** POST /admin/orion/purchase-orders/:id/cancel — the supplier will not deliver: the line no longer counts as on order. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: OrionPurchaseOrderService = req.scope.resolve(
    "orionPurchaseOrderService"
  )
  res.json({ purchase_order: await service.cancel(req.params.id) })
}
