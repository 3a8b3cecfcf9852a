import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { SqlWhere } from "@shabou/sql"
import { BRAND_FIELDS, BrandField } from "../lib/brand-fields"
import { Brand } from "../models/brand"
import type { Pagination } from "../types"

/** A brand with how many published products carry it. */
export type BrandRow = {
  id: string
  name: string
  handle: string
  logo_url: string | null
  country: string | null
  description: string | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
  product_count: number
}

/** What a brand's row holds besides its id. */
export type BrandValues = Pick<BrandRow, BrandField>

const COLUMNS = `id, name, handle, logo_url, country, description, metadata, created_at, updated_at`
// published, not deleted products only: drafts are invisible to the store
const PRODUCT_COUNT = `(SELECT count(*)::int FROM fitment_product fp JOIN product p ON p.id = fp.product_id
   WHERE fp.brand_id = brand.id AND p.status = 'published' AND p.deleted_at IS NULL) AS product_count`

export const BrandRepository = dataSource.getRepository(Brand).extend({
  async listFiltered(
    filter: { q?: string; handle?: string },
    page: Pagination
  ): Promise<[BrandRow[], number]> {
    const { clause, values: params } = new SqlWhere()
      .when(
        filter.q ? `%${filter.q}%` : undefined,
        (p) => `(name ILIKE ${p} OR handle ILIKE ${p})`
      )
      .when(filter.handle || undefined, (p) => `handle = ${p}`)
    const rows = await this.query(
      `SELECT ${COLUMNS}, ${PRODUCT_COUNT}
       FROM brand ${clause} ORDER BY name, id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.query(
      `SELECT count(*)::int AS count FROM brand ${clause}`,
      params
    )
    return [rows, count]
  },

  async findByIdOrHandle(idOrHandle: string): Promise<BrandRow | null> {
    const [row] = await this.query(
      `SELECT ${COLUMNS}, ${PRODUCT_COUNT}
       FROM brand WHERE id = $1 OR handle = $1 LIMIT 1`,
      [idOrHandle]
    )
    return row ?? null
  },

  async findIdByHandle(handle: string): Promise<string | null> {
    const [row] = await this.query(`SELECT id FROM brand WHERE handle = $1`, [
      handle,
    ])
    return row?.id ?? null
  },

  /** Throws the driver's unique violation (code 23505) when the handle is taken. */
  async insertRow(id: string, values: BrandValues): Promise<void> {
    await this.query(
      `INSERT INTO brand (id, ${BRAND_FIELDS.join(", ")}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, ...BRAND_FIELDS.map((c) => values[c])]
    )
  },

  /** Throws the driver's unique violation (code 23505) when the handle is taken. */
  async updateRow(id: string, values: BrandValues): Promise<void> {
    await this.query(
      `UPDATE brand SET ${BRAND_FIELDS.map((c, i) => `${c} = $${i + 2}`).join(", ")}, updated_at = now() WHERE id = $1`,
      [id, ...BRAND_FIELDS.map((c) => values[c])]
    )
  },

  /** Locks the brand row until the end of the transaction, so no product takes it meanwhile. */
  async lockById(id: string): Promise<void> {
    await this.query(`SELECT id FROM brand WHERE id = $1 FOR UPDATE`, [id])
  },

  /** Products carrying the brand, drafts and deleted ones included. */
  async countProducts(id: string): Promise<number> {
    const [{ count }] = await this.query(
      `SELECT count(*)::int AS count FROM fitment_product WHERE brand_id = $1`,
      [id]
    )
    return count
  },

  async deleteById(id: string): Promise<void> {
    await this.query(`DELETE FROM brand WHERE id = $1`, [id])
  },
})

export default BrandRepository
