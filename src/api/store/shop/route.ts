import type {
  MedusaRequest,
  MedusaResponse,
  StoreService,
} from "@medusajs/medusa"

/**
 * GET /store/shop: the shop's public identity for the storefront header and
 * footer (name, phone, address, opening hours, currency).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const storeService = req.scope.resolve<StoreService>("storeService")
  const store = await storeService.retrieve()
  const metadata = (store.metadata ?? {}) as Record<string, unknown>
  res.json({
    shop: {
      name: store.name,
      currency_code: store.default_currency_code,
      phone: metadata.phone ?? null,
      address: metadata.address ?? null,
      opening_hours: metadata.opening_hours ?? null,
    },
  })
}
