import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { ProductBrandRow } from "../lib/fitment-shape"
import { ProductRecord } from "../lib/plan"
import { FitmentProduct } from "../models/fitment-product"

export type ProductFacts = {
  product_id: string
  brand_id: string | null
  is_universal: boolean
}

/** Per-product fitment facts (table fitment_product): brand and universal flag. */
export const FitmentProductRepository = dataSource
  .getRepository(FitmentProduct)
  .extend({
    async findFacts(productId: string): Promise<ProductFacts | undefined> {
      const [row] = await this.query(
        `SELECT product_id, brand_id, is_universal FROM fitment_product WHERE product_id = $1`,
        [productId]
      )
      return row
    },

    async upsertFacts(facts: ProductFacts): Promise<void> {
      await this.query(
        `INSERT INTO fitment_product (product_id, brand_id, is_universal) VALUES ($1, $2, $3)
         ON CONFLICT (product_id) DO UPDATE SET brand_id = EXCLUDED.brand_id, is_universal = EXCLUDED.is_universal, updated_at = now()`,
        [facts.product_id, facts.brand_id, facts.is_universal]
      )
    },

    /** Marks products universal (one statement for all). */
    async setUniversal(productIds: string[]): Promise<void> {
      await this.query(
        `INSERT INTO fitment_product (product_id, is_universal) SELECT unnest($1::text[]), true
         ON CONFLICT (product_id) DO UPDATE SET is_universal = true, updated_at = now()`,
        [productIds]
      )
    },

    /** The universal flag of the products that have facts. */
    async universalOf(productIds: string[]): Promise<Map<string, boolean>> {
      const rows: Array<{ product_id: string; is_universal: boolean }> =
        await this.query(
          `SELECT product_id, is_universal FROM fitment_product WHERE product_id = ANY($1)`,
          [productIds]
        )
      return new Map(rows.map((r) => [r.product_id, r.is_universal]))
    },

    /** The brand of each product that has facts. */
    async findBrands(productIds: string[]): Promise<ProductBrandRow[]> {
      return await this.query(
        `SELECT fp.product_id, fp.is_universal, b.id, b.name, b.handle, b.logo_url, b.country
         FROM fitment_product fp LEFT JOIN brand b ON b.id = fp.brand_id WHERE fp.product_id = ANY($1)`,
        [productIds]
      )
    },

    /** Whether a (not deleted) product exists; `published` also asks for its status. */
    async productExists(
      productId: string,
      published: boolean
    ): Promise<boolean> {
      const rows = await this.query(
        `SELECT id FROM product WHERE id = $1 AND deleted_at IS NULL${published ? ` AND status = 'published'` : ""}`,
        [productId]
      )
      return rows.length > 0
    },

    async brandExists(brandId: string): Promise<boolean> {
      const rows = await this.query(`SELECT id FROM brand WHERE id = $1`, [
        brandId,
      ])
      return rows.length > 0
    },

    /**
     * The products an import names (by compacted SKU, lower-case handle or id),
     * with their SKUs and universal flag.
     */
    async findImportProducts(
      skus: string[],
      handles: string[],
      ids: string[]
    ): Promise<Array<ProductRecord & { skus: string[]; universal: boolean }>> {
      return await this.query(
        `WITH wanted AS (
           SELECT pv.product_id AS id FROM product_variant pv
           WHERE pv.deleted_at IS NULL AND pv.sku IS NOT NULL AND upper(regexp_replace(pv.sku, '[^A-Za-z0-9]', '', 'g')) = ANY($1)
           UNION SELECT p.id FROM product p WHERE lower(p.handle) = ANY($2) OR p.id = ANY($3)
         )
         SELECT p.id, p.handle, COALESCE(fp.is_universal, false) AS universal,
                COALESCE(array_agg(pv.sku) FILTER (WHERE pv.sku IS NOT NULL), '{}') AS skus
         FROM wanted w JOIN product p ON p.id = w.id AND p.deleted_at IS NULL
         LEFT JOIN product_variant pv ON pv.product_id = p.id AND pv.deleted_at IS NULL
         LEFT JOIN fitment_product fp ON fp.product_id = p.id
         GROUP BY p.id, p.handle, fp.is_universal`,
        [skus, handles, ids]
      )
    },
  })

export default FitmentProductRepository
