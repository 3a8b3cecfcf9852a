import type {
  MedusaRequest,
  MedusaResponse,
  PricingService,
} from "@medusajs/medusa"
import { id, onlyKnown } from "@shabou/api-params"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { whatsAppProductLink } from "../../../../../lib/whatsapp"
import { shopWhatsApp } from "../../../../utils/shop-whatsapp"

type VehicleSnapshot = { label: string; vin: string | null }
type CartFitment = {
  vehicleSnapshot(vehicleId: string): Promise<VehicleSnapshot>
}

/**
 * GET /store/products/:id/whatsapp?variant_id=&vehicle_id=&region_id= → { url, text, number }: "Demander ce
 * produit", a https://wa.me link whose message asks the shop about one product (title, SKU, price taxes included
 * in dinars with 3 decimals, the vehicle when given), with the Arabic greeting of the cart's link.
 * The product by id or handle; 404 for an unknown, draft or deleted product (src/api/middlewares.ts and below);
 * 400 naming variant_id, vehicle_id or region_id when they are not the product's / known; 409 without a shop number.
 * Region: region_id, or the store's region in dinars.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  onlyKnown(req.query, ["variant_id", "vehicle_id", "region_id"])
  const variantId = id(req.query.variant_id, "variant_id")
  const vehicleId = id(req.query.vehicle_id, "vehicle_id")
  const regionId = id(req.query.region_id, "region_id")
  const manager = req.scope.resolve<EntityManager>("manager")

  const [product] = await manager.query(
    `SELECT id, title, handle FROM product WHERE (id = $1 OR handle = $1) AND status = 'published' AND deleted_at IS NULL
      ORDER BY (id = $1) DESC LIMIT 1`,
    [req.params.id]
  )
  if (!product) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product with id: ${req.params.id} was not found`
    )
  }
  const variants: Array<{ id: string; title: string; sku: string | null }> =
    await manager.query(
      `SELECT id, title, sku FROM product_variant WHERE product_id = $1 AND deleted_at IS NULL ORDER BY variant_rank NULLS LAST, created_at, id`,
      [product.id]
    )
  let picked = variants
  if (variantId) {
    picked = variants.filter((v) => v.id === variantId)
    if (!picked.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `variant_id: ${variantId} is not a variant of product ${product.id}`
      )
    }
  }

  const [region] = await manager.query(
    regionId
      ? `SELECT id FROM region WHERE id = $1 AND deleted_at IS NULL`
      : `SELECT id FROM region WHERE currency_code = 'tnd' AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1`,
    regionId ? [regionId] : []
  )
  if (regionId && !region) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `region_id: region ${regionId} was not found`
    )
  }

  let vehicle: VehicleSnapshot | null = null
  if (vehicleId) {
    try {
      vehicle = await req.scope
        .resolve<CartFitment>("cartFitmentService")
        .vehicleSnapshot(vehicleId)
    } catch (e) {
      if ((e as MedusaError).type === MedusaError.Types.NOT_FOUND) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `vehicle_id: vehicle ${vehicleId} was not found`
        )
      }
      throw e
    }
  }

  const shop = await shopWhatsApp(req, res)
  if (!shop) {
    return
  }
  const { store, number } = shop

  // the price the store shows: the region's price list and taxes applied (Medusa's pricing service)
  const priced = region
    ? await req.scope
        .resolve<PricingService>("pricingService")
        .setVariantPrices(
          picked.map((v) => ({ id: v.id, product_id: product.id }) as any),
          { region_id: region.id, include_discount_prices: true }
        )
    : []
  const amounts = priced
    .map((v) => v.calculated_price_incl_tax ?? v.calculated_price)
    .filter((a): a is number => typeof a === "number")
  const one = picked.length === 1 ? picked[0] : null
  const link = whatsAppProductLink(number, {
    shopName: store.name,
    // the variant's name only says something when the product has several ("Standard" alone is noise)
    title:
      one && variants.length > 1
        ? `${product.title} – ${one.title}`
        : product.title,
    reference: one?.sku ?? null,
    price: amounts.length
      ? { amount: Math.min(...amounts), from: new Set(amounts).size > 1 }
      : null,
    variantsToChoose: one ? 0 : picked.length,
    vehicle,
    productRef: product.handle ?? product.id,
  })
  res.json({
    number,
    product_id: product.id,
    variant_id: one?.id ?? null,
    ...link,
  })
}
