import type {
  MedusaRequest,
  MedusaResponse,
  Store,
  StoreService,
} from "@medusajs/medusa"
import { shopWhatsAppNumber } from "../../lib/whatsapp"

/**
 * The store and the shop's WhatsApp number (store settings, else SHOP_WHATSAPP_NUMBER) for the WhatsApp links;
 * null once the 409 is answered, when neither is set or the number is not one.
 */
export async function shopWhatsApp(
  req: MedusaRequest,
  res: MedusaResponse
): Promise<{ store: Store; number: string } | null> {
  const store = await req.scope.resolve<StoreService>("storeService").retrieve()
  const number = shopWhatsAppNumber(
    store.metadata,
    process.env.SHOP_WHATSAPP_NUMBER
  )
  if ("error" in number) {
    // Medusa's error handler replaces the message of a CONFLICT error by a generic one: answered here
    res.status(409).json({ type: "conflict", message: number.error })
    return null
  }
  return { store, number: number.number }
}
