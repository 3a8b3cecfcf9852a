import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { compactReference } from "@shabou/text"
import { brandOf, BrandSummary } from "../lib/fitment-shape"
import { normalizePartNumber } from "../lib/part-number"
import { PART_NUMBER_TYPES } from "../models/part-number"
import type {
  NewPartNumber,
  PartNumberMatchRow,
  PartNumberRepository,
  PartNumberRow,
} from "../repositories/part-number"
import { Pagination } from "../types"
import FitmentProductService from "./fitment-product"

type InjectedDependencies = {
  manager: EntityManager
  partNumberRepository: typeof PartNumberRepository
  fitmentProductService: FitmentProductService
}

export type PartNumberInput = {
  type: string
  raw: string
  brand_name?: string | null
  variant_id?: string | null
}

/** The numbers a product is known by (MPN, OE, cross-references), and the store's lookup by number. */
export default class FitmentPartNumberService extends TransactionBaseService {
  protected readonly partNumberRepository_: typeof PartNumberRepository
  protected readonly products_: FitmentProductService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.partNumberRepository_ = container.partNumberRepository
    this.products_ = container.fitmentProductService
  }

  private get repo() {
    return this.activeManager_.withRepository(this.partNumberRepository_)
  }

  /**
   * Products whose own number, OE number or cross-reference normalises to the same key as `number`, or one of whose
   * variants has the shop's SKU written the same way (letters and digits compared, case and separators ignored).
   */
  async lookupPartNumber(
    number: string,
    page: Pagination
  ): Promise<{
    number: string
    normalized: string
    products: Array<
      Omit<PartNumberMatchRow, "total"> & { brand: BrandSummary | null }
    >
    count: number
    limit: number
    offset: number
  }> {
    const normalized = normalizePartNumber(number)
    if (!normalized) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `number: "${number}" holds no part number (letters or digits)`
      )
    }
    const sku = compactReference(number)
    const rows = await this.repo.lookup(normalized, sku, page)
    const brands = await this.products_
      .withTransaction(this.activeManager_)
      .brandsOfProducts(rows.map((r) => r.id))
    return {
      number,
      normalized,
      products: rows.map(({ total: _t, ...r }) => ({
        ...r,
        brand: brandOf(brands.get(r.id)),
      })),
      count:
        rows[0]?.total ??
        (page.offset > 0 ? await this.repo.countLookup(normalized, sku) : 0),
      limit: page.limit,
      offset: page.offset,
    }
  }

  async listPartNumbers(productId: string): Promise<PartNumberRow[]> {
    return await this.repo.findOfProduct(productId)
  }

  /**
   * Adds numbers (idempotent on product + type + brand + normalised number). Returns how many were new.
   * With `refuseDuplicates` (the admin API), a number the product already has, or the same number twice in
   * the request, is refused with a DUPLICATE_ERROR naming it, and nothing is written.
   */
  async addPartNumbers(
    productId: string,
    numbers: PartNumberInput[],
    options: { refuseDuplicates?: boolean } = {}
  ): Promise<number> {
    if (!numbers.length) {
      return 0
    }
    if (options.refuseDuplicates) {
      return await this.atomicPhase_(async (manager) => {
        const self = this.withTransaction(manager)
        refuseDuplicates(numbers, await self.listPartNumbers(productId))
        const added = await self.addPartNumbers(productId, numbers)
        if (added !== numbers.length) {
          throw new MedusaError(
            MedusaError.Types.DUPLICATE_ERROR,
            "numbers: one of the numbers was recorded for this product at the same time"
          )
        }
        return added
      })
    }
    const rows: NewPartNumber[] = numbers.map((n) => {
      if (!(PART_NUMBER_TYPES as readonly string[]).includes(n.type)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `type: must be mpn, oe or cross, got "${n.type}"`
        )
      }
      const key = normalizePartNumber(String(n.raw ?? ""), {
        make: n.brand_name ?? undefined,
      })
      if (!key) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `raw: "${n.raw}" holds no part number`
        )
      }
      return {
        id: generateEntityId(undefined, "pnum"),
        type: n.type,
        brand: n.brand_name?.trim() ?? "",
        raw: String(n.raw).trim(),
        normalized: key,
        variant_id: n.variant_id ?? null,
      }
    })
    return await this.atomicPhase_(async (manager) =>
      this.withTransaction(manager).repo.insertMany(productId, rows)
    )
  }

  async deletePartNumber(productId: string, id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      if (
        !(await this.withTransaction(manager).repo.deleteOfProduct(
          productId,
          id
        ))
      ) {
        throw notFound(
          `Part number ${id} of product ${productId} was not found`
        )
      }
    })
  }
}

/** A DUPLICATE_ERROR for the first number the product has already, or that the request gives twice. */
function refuseDuplicates(
  numbers: PartNumberInput[],
  existing: PartNumberRow[]
): void {
  const seen = new Map<string, { raw: string; id?: string }>(
    existing.map((e) => [partNumberKey(e.type, e.brand_name, e.normalized), e])
  )
  numbers.forEach((n, i) => {
    const key = partNumberKey(
      n.type,
      n.brand_name,
      normalizePartNumber(String(n.raw ?? ""), {
        make: n.brand_name ?? undefined,
      })
    )
    const same = seen.get(key)
    if (same) {
      const brand = n.brand_name?.trim() ? ` (${n.brand_name.trim()})` : ""
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `numbers[${i}]: ${String(n.type).toUpperCase()} number "${String(n.raw).trim()}"${brand} is already recorded for this product` +
          (same.id ? ` as "${same.raw}"` : " earlier in the request")
      )
    }
    seen.set(key, { raw: n.raw })
  })
}

/** The identity of a part number of a product: type, maker (case-insensitive) and normalised number. */
function partNumberKey(
  type: string,
  brand: string | null | undefined,
  normalized: string
): string {
  return `${type}|${(brand ?? "").trim().toLowerCase()}|${normalized}`
}
