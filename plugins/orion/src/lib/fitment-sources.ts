/**
 * Every read Orion makes of the fitment plugin's tables, in one place (the plugin README's "Reads of
 * fitment's tables" lists them with their reasons): fitment's owners see here what they must keep.
 * Orion reads only a product's one brand (`fitment_product.brand_id` → `brand`); fitment may be
 * absent, and a forecast run then reads no brand (`FITMENT_BRAND_PRESENT_SQL`).
 */

/** Are the fitment tables Orion reads present? */
export const FITMENT_BRAND_PRESENT_SQL = `SELECT to_regclass('public.fitment_product') IS NOT NULL AND to_regclass('public.brand') IS NOT NULL AS fitment`

export type FitmentBrandPresentRow = { fitment: boolean }

/**
 * The product's fitment link (alias `fp`: `fp.brand_id`) for the product id `productId` (an SQL
 * expression): the Réassort screen filters on `fp.brand_id` (`brand_id=`).
 */
export function fitmentProductJoin(productId: string): string {
  return `LEFT JOIN "fitment_product" fp ON fp.product_id = ${productId}`
}

/**
 * The brand with id `brandId` (an SQL expression), alias `b`: `b.handle` keys the "brand" restock
 * settings (a forecast run), `b.name` is shown on the Réassort screen.
 */
export function brandJoin(brandId: string): string {
  return `LEFT JOIN "brand" b ON b.id = ${brandId}`
}
