import type {
  CartService,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { whatsAppLink } from "../../../../../lib/whatsapp"
import { shopWhatsApp } from "../../../../utils/shop-whatsapp"

/**
 * GET /store/carts/:id/whatsapp → { url, text, number, lines_listed, lines_total }: a https://wa.me link whose
 * message orders the cart (lines with reference, quantity and price, the vehicle, the delivery, the total).
 * The shop's number comes from the store settings (`store.metadata.whatsapp`) or SHOP_WHATSAPP_NUMBER;
 * 409 when neither is set (or the number is not one), 400 for an empty cart.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const [found] = await req.scope
    .resolve<EntityManager>("manager")
    .query(`SELECT id FROM cart WHERE id = $1 AND deleted_at IS NULL`, [
      req.params.id,
    ])
  if (!found) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Cart with id ${req.params.id} was not found`
    )
  }
  const cart = await req.scope
    .resolve<CartService>("cartService")
    .retrieveWithTotals(req.params.id, {
      relations: [
        "items",
        "items.variant",
        "shipping_methods",
        "shipping_methods.shipping_option",
        "region",
      ],
    })
  const shop = await shopWhatsApp(req, res)
  if (!shop) {
    return
  }
  const { store, number } = shop
  if (!cart.items?.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Cart ${cart.id} has no lines to order`
    )
  }
  // the variant's name only says something when its product has several ("Standard" alone is noise)
  const productIds = [
    ...new Set(
      cart.items
        .map((i) => i.variant?.product_id)
        .filter((id): id is string => Boolean(id))
    ),
  ]
  const manager = req.scope.resolve<EntityManager>("manager")
  const multi = new Set<string>(
    (
      await manager.query(
        `SELECT product_id FROM product_variant WHERE product_id = ANY($1) AND deleted_at IS NULL GROUP BY product_id HAVING count(*) > 1`,
        [productIds]
      )
    ).map((r: { product_id: string }) => r.product_id)
  )
  const vehicle = (cart.metadata?.vehicle ?? null) as {
    label?: string
    vin?: string | null
  } | null
  const method = cart.shipping_methods?.[0]
  const link = whatsAppLink(number, {
    shopName: store.name,
    cartId: cart.id,
    lines: [...cart.items]
      .sort(
        (a, b) =>
          new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
      )
      .map((item) => ({
        title:
          item.variant && multi.has(item.variant.product_id) && item.description
            ? `${item.title} – ${item.description}`
            : item.title,
        reference: item.variant?.sku ?? null,
        quantity: item.quantity,
        total: item.total ?? item.unit_price * item.quantity,
      })),
    vehicle: vehicle?.label
      ? { label: vehicle.label, vin: vehicle.vin ?? null }
      : null,
    delivery: method
      ? {
          name: method.shipping_option?.name ?? "Livraison",
          amount: method.total ?? method.price,
        }
      : null,
    total: cart.total ?? 0,
  })
  res.json({ number, ...link })
}
