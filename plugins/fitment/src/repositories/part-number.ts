import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { BulkColumn, columnArrays, unnestSql } from "@shabou/sql"
import { PartNumber, PartNumberType } from "../models/part-number"
import { Pagination } from "../types"

/** A part number of a product as the admin lists it. */
export type PartNumberRow = {
  id: string
  product_id: string
  variant_id: string | null
  type: PartNumberType
  brand_name: string | null
  raw: string
  normalized: string
}

/** A part number to insert. */
export type NewPartNumber = {
  id: string
  type: string
  brand: string
  raw: string
  normalized: string
  variant_id: string | null
}

/** A published product a number lookup found, with how it matched. */
export type PartNumberMatchRow = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  status: string
  matches: Array<{ type: string; brand: string | null; number: string }>
  total: number
}

/**
 * Part-number matches ($1 normalised number, $2 compacted SKU): the shop's SKUs first (rank 0, through the
 * expression index IDX_product_variant_sku_compact), then MPN, OE and cross-references.
 */
const MATCHES = `
  SELECT pv.product_id, 'sku' AS type, NULL AS brand, pv.sku AS raw, 0 AS rank FROM product_variant pv
   WHERE $2 <> '' AND upper(regexp_replace(pv.sku, '[^A-Za-z0-9]', '', 'g')) = $2 AND pv.deleted_at IS NULL
  UNION ALL
  SELECT pn.product_id, pn.type, NULLIF(pn.brand_name, ''), pn.raw, CASE pn.type WHEN 'mpn' THEN 1 WHEN 'oe' THEN 2 ELSE 3 END
    FROM part_number pn WHERE pn.normalized = $1`

const NEW_COLUMNS: BulkColumn<NewPartNumber>[] = [
  { name: "id", type: "text", value: (n) => n.id },
  { name: "type", type: "text", value: (n) => n.type },
  { name: "brand", type: "text", value: (n) => n.brand },
  { name: "raw", type: "text", value: (n) => n.raw },
  { name: "norm", type: "text", value: (n) => n.normalized },
  { name: "variant", type: "text", value: (n) => n.variant_id },
]

/** Numbers products are known by (table part_number) and the lookup by number. */
export const PartNumberRepository = dataSource
  .getRepository(PartNumber)
  .extend({
    async findOfProduct(productId: string): Promise<PartNumberRow[]> {
      return await this.query(
        `SELECT id, product_id, variant_id, type, NULLIF(brand_name, '') AS brand_name, raw, normalized
       FROM part_number WHERE product_id = $1 ORDER BY type, raw`,
        [productId]
      )
    },

    /** Inserts numbers, skipping those the product has; returns how many were new. */
    async insertMany(
      productId: string,
      numbers: NewPartNumber[]
    ): Promise<number> {
      const res = await this.query(
        `INSERT INTO part_number (id, product_id, type, brand_name, raw, normalized, variant_id)
       SELECT u.id, $${NEW_COLUMNS.length + 1}, u.type, u.brand, u.raw, u.norm, u.variant FROM ${unnestSql(NEW_COLUMNS)}
       ON CONFLICT (product_id, type, brand_name, normalized) DO NOTHING RETURNING id`,
        [...columnArrays(numbers, NEW_COLUMNS), productId]
      )
      return res.length
    },

    /** Deletes a number of a product; false when there was none. */
    async deleteOfProduct(productId: string, id: string): Promise<boolean> {
      // TypeORM answers DELETE … RETURNING with [rows, affected count]
      const [deleted]: [Array<{ id: string }>, number] = await this.query(
        `DELETE FROM part_number WHERE id = $1 AND product_id = $2 RETURNING id`,
        [id, productId]
      )
      return deleted.length > 0
    },

    /** Published products matching a number (a page, `total` on each row). */
    async lookup(
      normalized: string,
      sku: string,
      page: Pagination
    ): Promise<PartNumberMatchRow[]> {
      return await this.query(
        `WITH matches AS (${MATCHES})
       SELECT p.id, p.title, p.handle, p.thumbnail, p.status,
              json_agg(json_build_object('type', m.type, 'brand', m.brand, 'number', m.raw) ORDER BY m.rank, m.raw) AS matches,
              count(*) OVER ()::int AS total
       FROM matches m JOIN product p ON p.id = m.product_id
       WHERE p.deleted_at IS NULL AND p.status = 'published'
       GROUP BY p.id
       ORDER BY min(m.rank), p.title, p.id
       LIMIT $3 OFFSET $4`,
        [normalized, sku, page.limit, page.offset]
      )
    },

    async countLookup(normalized: string, sku: string): Promise<number> {
      const [{ count }]: Array<{ count: number }> = await this.query(
        `WITH matches AS (${MATCHES})
       SELECT count(DISTINCT p.id)::int AS count FROM matches m JOIN product p ON p.id = m.product_id
       WHERE p.deleted_at IS NULL AND p.status = 'published'`,
        [normalized, sku]
      )
      return count
    },
  })

export default PartNumberRepository
