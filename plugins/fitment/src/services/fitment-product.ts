import { TransactionBaseService } from "@medusajs/medusa"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { ProductBrandRow } from "../lib/fitment-shape"
import type {
  FitmentProductRepository,
  ProductFacts,
} from "../repositories/fitment-product"

type InjectedDependencies = {
  manager: EntityManager
  fitmentProductRepository: typeof FitmentProductRepository
}

/** What the fitment plugin knows of a product: its brand and whether it fits every vehicle. */
export default class FitmentProductService extends TransactionBaseService {
  protected readonly fitmentProductRepository_: typeof FitmentProductRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.fitmentProductRepository_ = container.fitmentProductRepository
  }

  private get repo() {
    return this.activeManager_.withRepository(this.fitmentProductRepository_)
  }

  async getProductFacts(productId: string): Promise<ProductFacts> {
    return (
      (await this.repo.findFacts(productId)) ?? {
        product_id: productId,
        brand_id: null,
        is_universal: false,
      }
    )
  }

  /** 404 unless the product exists (and, for the store, is published: drafts are invisible there). */
  async assertProduct(
    productId: string,
    { published = false }: { published?: boolean } = {}
  ): Promise<void> {
    if (!(await this.repo.productExists(productId, published))) {
      throw notFound(`Product with id: ${productId} was not found`)
    }
  }

  /** Sets a product's brand (null removes it) and/or its universal flag. */
  async setProductFacts(
    productId: string,
    facts: { brand_id?: string | null; is_universal?: boolean }
  ): Promise<ProductFacts> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      await self.assertProduct(productId)
      if (facts.brand_id && !(await self.repo.brandExists(facts.brand_id))) {
        throw notFound(`Brand with id: ${facts.brand_id} was not found`)
      }
      const current = await self.getProductFacts(productId)
      const next: ProductFacts = {
        product_id: productId,
        brand_id:
          facts.brand_id === undefined ? current.brand_id : facts.brand_id,
        is_universal:
          facts.is_universal === undefined
            ? current.is_universal
            : facts.is_universal,
      }
      await self.repo.upsertFacts(next)
      return next
    })
  }

  /** Brands of many products in one query (for the store product responses). */
  async brandsOfProducts(
    productIds: string[]
  ): Promise<Map<string, ProductBrandRow>> {
    const map = new Map<string, ProductBrandRow>()
    if (!productIds.length) {
      return map
    }
    for (const r of await this.repo.findBrands(productIds)) {
      map.set(r.product_id, r)
    }
    return map
  }

  /** The universal flag of each product (false for those without facts). */
  async universalOf(productIds: string[]): Promise<Map<string, boolean>> {
    return await this.repo.universalOf(productIds)
  }
}
