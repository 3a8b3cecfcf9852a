import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { objectBody, onlyKnown } from "@shabou/api-params"
import type OrionPurchaseOrderService from "../../../../../../services/orion-purchase-order"

/**
 * POST /admin/orion/purchase-orders/:id/receive { received_quantity? } — the goods arrived: the line is received
 * (all of it by default) and the units received are added to the variant's stock.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = objectBody(req.body)
  onlyKnown(body, ["received_quantity"], "field")
  const service: OrionPurchaseOrderService = req.scope.resolve(
    "orionPurchaseOrderService"
  )
  res.json({
    purchase_order: await service.receive(
      req.params.id,
      body.received_quantity
    ),
  })
}
