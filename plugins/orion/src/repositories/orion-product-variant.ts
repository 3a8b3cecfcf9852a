import { ProductVariant } from "@medusajs/medusa"
import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import {
  FITMENT_BRAND_PRESENT_SQL,
  FitmentBrandPresentRow,
  productBrandJoin,
} from "../lib/fitment-sources"

/** A live variant as a forecast run reads it: stock, brand and categories. */
export type VariantSnapshotRow = {
  id: string
  sku: string | null
  title: string
  inventory_quantity: number | string | null
  manage_inventory: boolean | null
  brand: string | null
  leaf_category: string | null
  root_category: string | null
}

/**
 * The catalogue's variants as Orion reads them (read only). The brand is the product's one brand,
 * fitment's (its handle, the key of the "brand" restock settings); without the fitment plugin there
 * is none (every read of fitment: `lib/fitment-sources.ts`).
 */
export const OrionProductVariantRepository = dataSource
  .getRepository(ProductVariant)
  .extend({
    async forecastSnapshot(): Promise<VariantSnapshotRow[]> {
      const [{ fitment }]: FitmentBrandPresentRow[] = await this.query(
        FITMENT_BRAND_PRESENT_SQL
      )
      return this.query(
        `SELECT pv.id, pv.sku, p.title || CASE WHEN pv.title IS NULL OR pv.title = '' OR pv.title = 'Default' THEN '' ELSE ' — ' || pv.title END AS title,
                pv.inventory_quantity, pv.manage_inventory, ${fitment ? "fb.brand_handle" : "NULL::text"} AS brand,
                leaf.handle AS leaf_category, root.handle AS root_category
         FROM "product_variant" pv
         JOIN "product" p ON p.id = pv.product_id AND p.deleted_at IS NULL${
           fitment
             ? `
         ${productBrandJoin("p.id")}`
             : ""
         }
         LEFT JOIN LATERAL (
           SELECT pc.handle, pc.mpath FROM "product_category_product" pcp JOIN "product_category" pc ON pc.id = pcp.product_category_id
           WHERE pcp.product_id = p.id ORDER BY pc.handle LIMIT 1
         ) leaf ON true
         LEFT JOIN "product_category" root ON root.id = split_part(leaf.mpath, '.', 1)
         WHERE pv.deleted_at IS NULL`
      )
    },

    /** The live (not deleted) variant `id`: its SKU. */
    async findLive(
      id: string
    ): Promise<{ id: string; sku: string | null } | undefined> {
      const [variant]: { id: string; sku: string | null }[] = await this.query(
        `SELECT id, sku FROM "product_variant" WHERE id = $1 AND deleted_at IS NULL`,
        [id]
      )
      return variant
    },

    /** Locks the variant `id` (inside a transaction) and reads its stock. */
    async lockStock(id: string): Promise<
      | {
          id: string
          inventory_quantity: number | string
          manage_inventory: boolean
        }
      | undefined
    > {
      const [variant] = await this.query(
        `SELECT id, inventory_quantity, manage_inventory FROM "product_variant" WHERE id = $1 FOR UPDATE`,
        [id]
      )
      return variant
    },

    /** The live variants (not deleted) with one of these SKUs. */
    async liveBySku(skus: string[]): Promise<{ id: string; sku: string }[]> {
      return this.query(
        `SELECT id, sku FROM "product_variant" WHERE sku = ANY($1) AND deleted_at IS NULL`,
        [skus]
      )
    },

    /** The names of the product categories with these handles. */
    async categoryNames(
      handles: string[]
    ): Promise<{ handle: string; name: string }[]> {
      return handles.length
        ? this.query(
            `SELECT handle, name FROM "product_category" WHERE handle = ANY($1)`,
            [handles]
          )
        : []
    },
  })

export default OrionProductVariantRepository
