import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import {
  actorId,
  id,
  objectBody,
  oneOfList,
  onlyKnown,
  pagination,
  text,
} from "@shabou/api-params"
import type OrionPurchaseOrderService from "../../../../services/orion-purchase-order"

const STATUSES = ["open", "received", "cancelled"] as const

/**
 * GET /admin/orion/purchase-orders?status=open,received,cancelled&variant_id=&supplier=&limit=&offset= —
 * purchase order lines, earliest expected first (default: all statuses).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  onlyKnown(q, ["status", "variant_id", "supplier", "limit", "offset"])
  const service: OrionPurchaseOrderService = req.scope.resolve(
    "orionPurchaseOrderService"
  )
  res.json(
    await service.list(
      {
        status: oneOfList(q.status, "status", STATUSES),
        variant_id: id(q.variant_id, "variant_id"),
        supplier: text(q.supplier, "supplier"),
      },
      pagination(q, { limit: 50, max: 500 })
    )
  )
}

/**
 * POST /admin/orion/purchase-orders { supplier, variant_id, quantity, expected_date, note? } — a line ordered from a
 * supplier: it counts as "on order" (with its date) in the next forecast run's restock alerts until received or cancelled.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = objectBody(req.body)
  onlyKnown(
    body,
    ["supplier", "variant_id", "quantity", "expected_date", "note"],
    "field"
  )
  const service: OrionPurchaseOrderService = req.scope.resolve(
    "orionPurchaseOrderService"
  )
  res
    .status(201)
    .json({ purchase_order: await service.create(body, actorId(req)) })
}
