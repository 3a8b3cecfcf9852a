import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { cleanText } from "@shabou/text"
import { slugify } from "../lib/normalize"
import { Pagination, Row } from "../types"

type InjectedDependencies = { manager: EntityManager }

export interface BrandInput {
  name?: string
  handle?: string
  logo_url?: string | null
  country?: string | null
  description?: string | null
  metadata?: Record<string, unknown> | null
}

const COLUMNS = `id, name, handle, logo_url, country, description, metadata, created_at, updated_at`
// published, not deleted products only: drafts are invisible to the store
const PRODUCT_COUNT = `(SELECT count(*)::int FROM fitment_product fp JOIN product p ON p.id = fp.product_id
   WHERE fp.brand_id = brand.id AND p.status = 'published' AND p.deleted_at IS NULL) AS product_count`

/** Parts brands (Bosch, Valeo, ...): CRUD and the store listing. */
export default class BrandService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
  }

  async list(
    filter: { q?: string; handle?: string },
    page: Pagination
  ): Promise<[Row[], number]> {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.q) {
      params.push(`%${filter.q}%`)
      where.push(
        `(name ILIKE $${params.length} OR handle ILIKE $${params.length})`
      )
    }
    if (filter.handle) {
      params.push(filter.handle)
      where.push(`handle = $${params.length}`)
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const rows = await this.activeManager_.query(
      `SELECT ${COLUMNS}, ${PRODUCT_COUNT}
       FROM brand ${clause} ORDER BY name, id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM brand ${clause}`,
      params
    )
    return [rows, count]
  }

  async retrieve(idOrHandle: string): Promise<Row> {
    const rows = await this.activeManager_.query(
      `SELECT ${COLUMNS}, ${PRODUCT_COUNT}
       FROM brand WHERE id = $1 OR handle = $1 LIMIT 1`,
      [idOrHandle]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Brand ${idOrHandle} was not found`
      )
    }
    return rows[0]
  }

  async create(input: BrandInput): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const name = cleanText(String(input.name ?? ""))
      if (!name) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "name: is required"
        )
      }
      const handle = input.handle ? slugify(input.handle) : slugify(name)
      if (!handle) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `handle: "${input.handle ?? name}" gives an empty handle`
        )
      }
      const id = generateEntityId(undefined, "brand")
      try {
        await manager.query(
          `INSERT INTO brand (id, name, handle, logo_url, country, description, metadata) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            id,
            name,
            handle,
            input.logo_url ?? null,
            input.country ?? null,
            input.description ?? null,
            input.metadata ?? null,
          ]
        )
      } catch (e) {
        if ((e as { code?: string }).code === "23505") {
          throw new MedusaError(
            MedusaError.Types.DUPLICATE_ERROR,
            `handle: a brand with handle "${handle}" already exists`
          )
        }
        throw e
      }
      return await this.withTransaction(manager).retrieve(id)
    })
  }

  /** Creates the brand or updates the one with the same handle (used by the demo seed). */
  async upsert(
    input: BrandInput & { name: string }
  ): Promise<{ brand: Row; created: boolean }> {
    return await this.atomicPhase_(async (manager) => {
      const handle = slugify(input.handle ?? input.name)
      const existing = await manager.query(
        `SELECT id FROM brand WHERE handle = $1`,
        [handle]
      )
      if (existing.length) {
        return {
          brand: await this.withTransaction(manager).update(
            existing[0].id,
            input
          ),
          created: false,
        }
      }
      return {
        brand: await this.withTransaction(manager).create({ ...input, handle }),
        created: true,
      }
    })
  }

  async update(id: string, input: BrandInput): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const current = await this.withTransaction(manager).retrieve(id)
      const name =
        input.name !== undefined ? cleanText(String(input.name)) : current.name
      if (!name) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "name: must not be empty"
        )
      }
      const handle =
        input.handle !== undefined
          ? slugify(String(input.handle ?? ""))
          : current.handle
      if (!handle) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `handle: "${input.handle ?? ""}" gives an empty handle`
        )
      }
      try {
        await manager.query(
          `UPDATE brand SET name = $2, handle = $3, logo_url = $4, country = $5, description = $6, metadata = $7, updated_at = now() WHERE id = $1`,
          [
            current.id,
            name,
            handle,
            input.logo_url !== undefined ? input.logo_url : current.logo_url,
            input.country !== undefined ? input.country : current.country,
            input.description !== undefined
              ? input.description
              : current.description,
            input.metadata !== undefined ? input.metadata : current.metadata,
          ]
        )
      } catch (e) {
        if ((e as { code?: string }).code === "23505") {
          throw new MedusaError(
            MedusaError.Types.DUPLICATE_ERROR,
            `handle: a brand with handle "${handle}" already exists`
          )
        }
        throw e
      }
      return await this.withTransaction(manager).retrieve(current.id)
    })
  }

  /** Deletes a brand no product uses; refused (NOT_ALLOWED, with the count) while products still carry it. */
  async delete(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const brand = await this.withTransaction(manager).retrieve(id)
      // lock the brand row so a product cannot take the brand between the count and the delete
      await manager.query(`SELECT id FROM brand WHERE id = $1 FOR UPDATE`, [
        brand.id,
      ])
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM fitment_product WHERE brand_id = $1`,
        [brand.id]
      )
      if (count > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Brand ${brand.name} is used by ${count} product(s): give them another brand (or none) before deleting it`
        )
      }
      await manager.query(`DELETE FROM brand WHERE id = $1`, [brand.id])
    })
  }
}
