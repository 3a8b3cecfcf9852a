import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { Lifetime } from "awilix"
import type { EntityManager } from "typeorm"
import type { Caller, RenderContext } from "../lib/catalogue-answer"
import { contextKey, type RenderParams } from "../lib/catalogue-request"
import { onManager } from "../lib/on-manager"
import type { CatalogueBodyRepository } from "../repositories/catalogue-body"
import type CatalogueStateService from "./catalogue-state"

type InjectedDependencies = {
  manager: EntityManager
  catalogueStateService: CatalogueStateService
  catalogueBodyRepository: typeof CatalogueBodyRepository
}

/**
 * The rendering contexts of the read model: what a product's JSON depends on besides the product
 * (region or currency, the customer's groups, the publishable key's channels, `expand`, `fields`),
 * resolved against the database, and the contexts rendered ahead of time.
 */
export default class CatalogueContextService extends TransactionBaseService {
  /** one per process: it keeps the regions per lists generation */
  static LIFE_TIME = Lifetime.SINGLETON

  protected state_: CatalogueStateService
  protected readonly catalogueBodyRepository_: typeof CatalogueBodyRepository
  private regions_: { ids: Map<string, string>; lists: number } | null = null

  constructor(container: InjectedDependencies) {
    super(container)
    this.state_ = container.catalogueStateService
    this.catalogueBodyRepository_ = container.catalogueBodyRepository
  }

  private get bodyRepository() {
    return onManager(this.activeManager_, this.catalogueBodyRepository_)
  }

  /** Region id → currency, cached per lists generation (a region change moves it). */
  async regions(): Promise<Map<string, string>> {
    const lists = this.state_.generations.lists
    if (!this.regions_ || this.regions_.lists !== lists) {
      const rows = await this.bodyRepository.regions()
      this.regions_ = {
        ids: new Map(rows.map((r) => [r.id, r.currency_code])),
        lists,
      }
    }
    return this.regions_.ids
  }

  /** The contexts every product is rendered in ahead of time: no region, and each region. */
  async eagerContexts(): Promise<RenderContext[]> {
    const regions = await this.regions()
    // the regions first: a storefront sends its region
    return [
      ...[...regions.keys()].map((id) => ({
        key: contextKey({ regionId: id }),
        params: { region_id: id },
      })),
      { key: contextKey({}), params: {} },
    ]
  }

  /**
   * The context of a request, or null when core must answer (an unknown region or cart: core
   * words its own error).
   */
  async resolve(
    params: RenderParams,
    caller: Caller
  ): Promise<RenderContext | null> {
    let regionId = params.region_id
    let currency = params.currency_code
    if (params.cart_id) {
      const cart = await this.bodyRepository.cartRegion(params.cart_id)
      if (!cart) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `cart_id: no cart with id ${params.cart_id}`
        )
      }
      regionId = cart.region_id
      currency = undefined
    }
    if (regionId) {
      if (!(await this.regions()).has(regionId)) {
        return null
      }
      currency = undefined
    }
    let groups: string[] | undefined
    if (caller.customerId) {
      groups = await this.bodyRepository.customerGroups(caller.customerId)
    }
    const render: RenderParams = {
      q: params.q,
      region_id: regionId,
      currency_code: currency,
      expand: params.expand,
      fields: params.fields,
    }
    return {
      key: contextKey({
        regionId,
        currencyCode: currency,
        customerGroupIds: groups,
        keyChannelIds: caller.keyChannelIds,
        expand: params.expand,
        fields: params.fields,
        freeText: params.q !== undefined,
      }),
      params: render,
    }
  }
}
