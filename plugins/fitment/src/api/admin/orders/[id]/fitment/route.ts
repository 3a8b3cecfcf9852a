import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import CartFitmentService from "../../../../../services/cart-fitment"

/**
 * GET /admin/orders/:id/fitment → { order_id, vehicle, lines: [{ line_item_id, title, sku, quantity, verdict, reason, checked_at }] }:
 * the vehicle the customer ordered for and each line's verdict as at checkout.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(
    await req.scope
      .resolve<CartFitmentService>("cartFitmentService")
      .orderFitment(req.params.id)
  )
}
