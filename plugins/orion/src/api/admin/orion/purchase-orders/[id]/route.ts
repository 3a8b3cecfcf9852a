import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { objectBody, onlyKnown } from "@shabou/api-params"
import type OrionPurchaseOrderService from "../../../../../services/orion-purchase-order"

/** GET /admin/orion/purchase-orders/:id */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: OrionPurchaseOrderService = req.scope.resolve(
    "orionPurchaseOrderService"
  )
  res.json({ purchase_order: await service.retrieve(req.params.id) })
}

/** POST /admin/orion/purchase-orders/:id { supplier?, quantity?, expected_date?, note? } — changes an open line. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = objectBody(req.body)
  onlyKnown(body, ["supplier", "quantity", "expected_date", "note"], "field")
  const service: OrionPurchaseOrderService = req.scope.resolve(
    "orionPurchaseOrderService"
  )
  res.json({ purchase_order: await service.update(req.params.id, body) })
}
