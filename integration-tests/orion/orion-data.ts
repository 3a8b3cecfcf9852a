/** What the Orion suites read from the test database to choose their parts and check the API's answers. */
import { sql } from "../helpers/env"

export type BestSeller = {
  id: string
  sku: string
  product_id: string
  /** the handle of its fitment brand */
  brand: string
  /** the handle of its first category */
  category: string
}

/** The variant with the most demo sales history: its forecast is not zero. */
export async function bestSeller(): Promise<BestSeller> {
  const [v] = await sql<BestSeller>(
    `SELECT pv.id, pv.sku, pv.product_id,
            (SELECT b.handle FROM fitment_product fp JOIN brand b ON b.id = fp.brand_id WHERE fp.product_id = p.id) AS brand,
            (SELECT pc.handle FROM product_category_product pcp JOIN product_category pc ON pc.id = pcp.product_category_id
             WHERE pcp.product_id = p.id ORDER BY pc.handle LIMIT 1) AS category
     FROM orion_sales_history h JOIN product_variant pv ON pv.id = h.variant_id JOIN product p ON p.id = pv.product_id
     GROUP BY pv.id, p.id ORDER BY sum(h.qty) DESC LIMIT 1`
  )
  return v
}

/** The variant's own TND price (no region, no price list), in millimes. */
export async function tndPrice(variantId: string): Promise<number> {
  const [price] = await sql(
    `SELECT ma.amount FROM product_variant_money_amount pvma JOIN money_amount ma ON ma.id = pvma.money_amount_id
     WHERE pvma.variant_id = $1 AND pvma.deleted_at IS NULL AND ma.deleted_at IS NULL AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL
     ORDER BY ma.region_id NULLS FIRST, ma.min_quantity NULLS FIRST LIMIT 1`,
    [variantId]
  )
  return price.amount
}

/** The ids of the variants in the category or in a category below it. */
export async function variantsInCategory(
  categoryId: string
): Promise<Set<string>> {
  const rows = await sql(
    `SELECT DISTINCT pv.id FROM product_variant pv JOIN product_category_product pcp ON pcp.product_id = pv.product_id
     JOIN product_category pc ON pc.id = pcp.product_category_id JOIN product_category top ON top.id = $1
     WHERE pc.id = top.id OR pc.mpath LIKE top.mpath || '%'`,
    [categoryId]
  )
  return new Set(rows.map((r) => r.id))
}

/** The ids of the products whose fitment brand is this one. */
export async function productsOfBrand(brandId: string): Promise<Set<string>> {
  const rows = await sql(
    `SELECT product_id FROM fitment_product WHERE brand_id = $1`,
    [brandId]
  )
  return new Set(rows.map((r) => r.product_id))
}

/** How many sales history rows are stored. */
export async function salesHistoryCount(): Promise<number> {
  const [{ count }] = await sql(
    `SELECT count(*)::int AS count FROM orion_sales_history`
  )
  return count
}

/** "YYYY-MM-DD" of today in that time zone. */
export const today = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date())

/** The id of the product category with this handle. */
export async function categoryId(handle: string): Promise<string> {
  const [cat] = await sql(`SELECT id FROM product_category WHERE handle = $1`, [
    handle,
  ])
  return cat.id
}

/** The id of the product's fitment brand, or null. */
export async function fitmentBrandId(
  productId: string
): Promise<string | null> {
  const [fp] = await sql(
    `SELECT brand_id FROM fitment_product WHERE product_id = $1`,
    [productId]
  )
  return fp?.brand_id ?? null
}

/** Units of the variant sold on days in [from, to). */
export async function soldBetween(
  variantId: string,
  from: string,
  to: string
): Promise<number> {
  const [{ qty }] = await sql(
    `SELECT COALESCE(sum(qty), 0)::float AS qty FROM orion_sales_history WHERE variant_id = $1 AND day >= $2 AND day < $3`,
    [variantId, from, to]
  )
  return qty
}

/** The variants in stock that never sold (no sales history row at all). */
export function inStockNeverSold(): Promise<Array<{ id: string }>> {
  return sql(
    `SELECT pv.id FROM product_variant pv WHERE pv.deleted_at IS NULL AND pv.inventory_quantity > 0
       AND NOT EXISTS (SELECT 1 FROM orion_sales_history h WHERE h.variant_id = pv.id)`
  )
}
