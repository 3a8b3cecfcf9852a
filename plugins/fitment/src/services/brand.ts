import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { slugify } from "../lib/normalize"
import { requiredName, updatedName } from "../lib/updated-name"
import { BrandRepository, BrandRow } from "../repositories/brand"
import { Pagination } from "../types"

type InjectedDependencies = {
  manager: EntityManager
  brandRepository: typeof BrandRepository
}

export interface BrandInput {
  name?: string
  handle?: string
  logo_url?: string | null
  country?: string | null
  description?: string | null
  metadata?: Record<string, unknown> | null
}

/** Parts brands (Bosch, Valeo, ...): CRUD and the store listing. */
export default class BrandService extends TransactionBaseService {
  protected readonly brandRepository_: typeof BrandRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.brandRepository_ = container.brandRepository
  }

  async list(
    filter: { q?: string; handle?: string },
    page: Pagination
  ): Promise<[BrandRow[], number]> {
    return await this.activeManager_
      .withRepository(this.brandRepository_)
      .listFiltered(filter, page)
  }

  async retrieve(idOrHandle: string): Promise<BrandRow> {
    const brand = await this.activeManager_
      .withRepository(this.brandRepository_)
      .findByIdOrHandle(idOrHandle)
    if (!brand) {
      throw notFound(`Brand ${idOrHandle} was not found`)
    }
    return brand
  }

  async create(input: BrandInput): Promise<BrandRow> {
    return await this.atomicPhase_(async (manager) => {
      const name = requiredName(input.name)
      const handle = input.handle ? slugify(input.handle) : slugify(name)
      if (!handle) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `handle: "${input.handle ?? name}" gives an empty handle`
        )
      }
      const id = generateEntityId(undefined, "brand")
      await manager
        .withRepository(this.brandRepository_)
        .insertRow(id, {
          name,
          handle,
          logo_url: input.logo_url ?? null,
          country: input.country ?? null,
          description: input.description ?? null,
          metadata: input.metadata ?? null,
        })
        .catch(duplicateHandle(handle))
      return await this.withTransaction(manager).retrieve(id)
    })
  }

  /** Creates the brand or updates the one with the same handle (used by the demo seed). */
  async upsert(
    input: BrandInput & { name: string }
  ): Promise<{ brand: BrandRow; created: boolean }> {
    return await this.atomicPhase_(async (manager) => {
      const handle = slugify(input.handle ?? input.name)
      const existing = await manager
        .withRepository(this.brandRepository_)
        .findIdByHandle(handle)
      if (existing) {
        return {
          brand: await this.withTransaction(manager).update(existing, input),
          created: false,
        }
      }
      return {
        brand: await this.withTransaction(manager).create({ ...input, handle }),
        created: true,
      }
    })
  }

  async update(id: string, input: BrandInput): Promise<BrandRow> {
    return await this.atomicPhase_(async (manager) => {
      const current = await this.withTransaction(manager).retrieve(id)
      const name = updatedName(input.name, current.name)
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
      await manager
        .withRepository(this.brandRepository_)
        .updateRow(current.id, {
          name,
          handle,
          logo_url:
            input.logo_url !== undefined ? input.logo_url : current.logo_url,
          country:
            input.country !== undefined ? input.country : current.country,
          description:
            input.description !== undefined
              ? input.description
              : current.description,
          metadata:
            input.metadata !== undefined ? input.metadata : current.metadata,
        })
        .catch(duplicateHandle(handle))
      return await this.withTransaction(manager).retrieve(current.id)
    })
  }

  /** Deletes a brand no product uses; refused (NOT_ALLOWED, with the count) while products still carry it. */
  async delete(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const brand = await this.withTransaction(manager).retrieve(id)
      const brands = manager.withRepository(this.brandRepository_)
      // lock the brand row so a product cannot take the brand between the count and the delete
      await brands.lockById(brand.id)
      const count = await brands.countProducts(brand.id)
      if (count > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Brand ${brand.name} is used by ${count} product(s): give them another brand (or none) before deleting it`
        )
      }
      await brands.deleteById(brand.id)
    })
  }
}

/** The unique handle index refusing a write (23505) is the admin's duplicate, named by its field. */
function duplicateHandle(handle: string): (e: unknown) => never {
  return (e) => {
    if ((e as { code?: string }).code === "23505") {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `handle: a brand with handle "${handle}" already exists`
      )
    }
    throw e
  }
}
