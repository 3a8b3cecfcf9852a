import type {
  CartService,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/medusa"
import {
  defaultStoreCartFields,
  defaultStoreCartRelations,
} from "@medusajs/medusa/dist/api/routes/store/carts"
import CartFitmentService from "../../../../../services/cart-fitment"

/**
 * The cart's vehicle. Medusa 1.20's POST /store/carts/:id refuses `metadata`, so the vehicle has its own route.
 * GET /store/carts/:id/vehicle → { vehicle } (null when none)
 * POST /store/carts/:id/vehicle { vehicle_id, vin? } or { garage_vehicle_id } (signed in) → { vehicle, cart }: every line re-checked
 * DELETE /store/carts/:id/vehicle → { vehicle: null, cart }
 * The cart's lines carry `fitment: { verdict, reason, vehicle_id, checked_at }` in the cart responses.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    vehicle: await req.scope
      .resolve<CartFitmentService>("cartFitmentService")
      .vehicleOf("cart", req.params.id),
  })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req.body ?? {}) as Record<string, unknown>
  const customerId =
    (req as unknown as { user?: { customer_id?: string } }).user?.customer_id ??
    null
  const service = req.scope.resolve<CartFitmentService>("cartFitmentService")
  const vehicle = await service.setVehicle(req.params.id, body, customerId)
  res.json({ vehicle, cart: await storeCart(req, service) })
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<CartFitmentService>("cartFitmentService")
  await service.clearVehicle(req.params.id)
  res.json({ vehicle: null, cart: await storeCart(req, service) })
}

/** The cart as the core store routes answer it, each line with its verdict. */
async function storeCart(req: MedusaRequest, service: CartFitmentService) {
  const cart = await req.scope
    .resolve<CartService>("cartService")
    .retrieveWithTotals(req.params.id, {
      select: defaultStoreCartFields,
      relations: defaultStoreCartRelations,
    })
  const lines = await service.linesOf(cart.id)
  for (const item of cart.items ?? []) {
    ;(item as unknown as { fitment: unknown }).fitment =
      lines.get(item.id) ?? null
  }
  return cart
}
