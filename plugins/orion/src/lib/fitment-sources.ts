/**
 * Everything Orion reads of the fitment plugin, in one place (the plugin README's "Reads of fitment"
 * lists it with its reasons): a product's one brand, through fitment's read view
 * `fitment_read_product` (its migration FitmentReadViews1765000000000), never fitment's tables.
 * Fitment may be absent, and a forecast run then reads no brand (`FITMENT_BRAND_PRESENT_SQL`).
 */

/** Is fitment's read view of a product's brand present? */
export const FITMENT_BRAND_PRESENT_SQL = `SELECT to_regclass('public.fitment_read_product') IS NOT NULL AS fitment`

export type FitmentBrandPresentRow = { fitment: boolean }

/**
 * The product's brand (alias `fb`) for the product id `productId` (an SQL expression): `fb.brand_id`
 * (the Réassort screen filters on it, `brand_id=`), `fb.brand_handle` (keys the "brand" restock
 * settings of a forecast run), `fb.brand_name` (shown on the Réassort screen).
 */
export function productBrandJoin(productId: string): string {
  return `LEFT JOIN "fitment_read_product" fb ON fb.product_id = ${productId}`
}
