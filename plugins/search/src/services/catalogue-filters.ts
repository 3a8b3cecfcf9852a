import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { Lifetime } from "awilix"
import type { EntityManager } from "typeorm"
import type { ListRequest } from "../lib/catalogue-request"
import {
  orderedIdsSql,
  type ListSql,
  type OrderedIdsRow,
  type Resolved as ResolvedFilters,
} from "../lib/catalogue-sql"
import { kept } from "../lib/kept-values"
import { onManager } from "../lib/on-manager"
import { resolveOptions, type SearchPluginOptions } from "../options"
import type { CatalogueListEntryRepository } from "../repositories/catalogue-list-entry"
import type { SearchDocumentRepository } from "../repositories/search-document"
import type CatalogueStateService from "./catalogue-state"

type InjectedDependencies = {
  manager: EntityManager
  catalogueStateService: CatalogueStateService
  searchDocumentRepository: typeof SearchDocumentRepository
  catalogueListEntryRepository: typeof CatalogueListEntryRepository
}

/** listings whose ordered ids are kept (each at most `keptOrderMax` ids: 1,000 are about 60 kB; a vehicle's, about 12 kB) */
const KEPT_ORDERS = 1500

/**
 * What a listing's filters stand for, kept per catalogue generation so that the pages of one
 * listing share them: the vehicles checked, the categories resolved, the count, and the ordered
 * ids of a listing that matches few products.
 */
export default class CatalogueFiltersService extends TransactionBaseService {
  /** one per process: the kept values are shared by every request */
  static LIFE_TIME = Lifetime.SINGLETON

  protected state_: CatalogueStateService
  protected readonly searchDocumentRepository_: typeof SearchDocumentRepository
  protected readonly catalogueListEntryRepository_: typeof CatalogueListEntryRepository
  /** listings matching at most this many products keep their ordered ids (plugin option `keptOrderMax`) */
  private keptOrderMax_: number
  /** listing counts by generation and filters (see `count`) */
  private counts_ = new Map<string, Promise<number>>()
  /** category filters resolved, by generation (see `resolveFilters`) */
  private categories_ = new Map<string, Promise<string[]>>()
  /** the ids of the listings that match few products, in order, by generation and filters (see `orderedIds`) */
  private orders_ = new Map<
    string,
    Promise<{ ids: string[] | null; generation: string }>
  >()
  /** whether a vehicle exists, by lists generation and id (a vehicle's change moves the generation) */
  private vehicles_ = new Map<string, Promise<boolean>>()

  constructor(
    container: InjectedDependencies,
    options: SearchPluginOptions = {}
  ) {
    super(container)
    this.state_ = container.catalogueStateService
    this.searchDocumentRepository_ = container.searchDocumentRepository
    this.catalogueListEntryRepository_ = container.catalogueListEntryRepository
    this.keptOrderMax_ = resolveOptions(options).keptOrderMax
  }

  private get documentRepository() {
    return onManager(this.activeManager_, this.searchDocumentRepository_)
  }

  private get entryRepository() {
    return onManager(this.activeManager_, this.catalogueListEntryRepository_)
  }

  /** A 400 naming the vehicles of `vehicle_id` that do not exist. */
  async checkVehicles(vehicleIds: string[]): Promise<void> {
    const lists = this.state_.generations.lists
    const known = await Promise.all(
      vehicleIds.map((id) =>
        kept(this.vehicles_, `${lists}|${id}`, () =>
          this.documentRepository.vehicleExists(id)
        )
      )
    )
    const unknown = vehicleIds.filter((_, i) => !known[i])
    if (unknown.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `vehicle_id: no vehicle with id ${unknown.join(", ")}`
      )
    }
  }

  /**
   * The values a listing's filters stand for (see `Resolved` in lib/catalogue-sql): the categories,
   * kept until the catalogue changes (a category's change queues the products below it, which moves
   * the products generation).
   */
  async resolveFilters(request: ListRequest): Promise<ResolvedFilters> {
    const f = request.filters
    if (!f.categoryIds) {
      return {}
    }
    const gens = this.state_.generations
    const asked = [...f.categoryIds].sort()
    const key = `${gens.products}.${gens.lists}|${f.includeCategoryChildren ? 1 : 0}|${asked.join(",")}`
    const ids = kept(this.categories_, key, () =>
      this.documentRepository.categoryIds(
        asked,
        Boolean(f.includeCategoryChildren)
      )
    )
    return { categoryIds: await ids }
  }

  /**
   * How many products a listing's filters match (`countSql` over the documents, or `entryCountSql`
   * over the kept lists when `keptLists`). Kept per statement and catalogue generation (read in the page's own statement, so that a page
   * and its count always come from the same data): the pages of one listing share one count,
   * computed once until the catalogue changes; concurrent requests for the same count wait for one
   * statement.
   */
  async count(
    statement: ListSql,
    generation?: string,
    keptLists = false
  ): Promise<number> {
    const counted = () =>
      keptLists
        ? this.entryRepository.count(statement)
        : this.documentRepository.count(statement)
    if (generation === undefined) {
      // a page past the end: no row carries the generation
      return counted()
    }
    return kept(
      this.counts_,
      `${generation}|${statement.sql}|${JSON.stringify(statement.params)}`,
      counted
    )
  }

  /**
   * The ids a listing's filters match, in its order, when they are few (option `keptOrderMax`): one
   * statement per filter set, order and generation, kept until the catalogue changes, so the
   * listing's other pages and its count need no search (the pages of a shopper's vehicle). Null for
   * a larger listing (its pages walk an index in their order and stop at their last row).
   */
  async orderedIds(
    request: ListRequest,
    channels: string[],
    filters: ResolvedFilters
  ): Promise<OrderedIdsRow | null> {
    if (!this.keptOrderMax_) {
      return null
    }
    const gens = this.state_.generations
    const known = `${gens.products}.${gens.lists}`
    const max = this.keptOrderMax_
    const statement = orderedIdsSql(request, channels, filters, max)
    const key = `${known}|${statement.sql}|${JSON.stringify(statement.params)}`
    const found = await kept(
      this.orders_,
      key,
      () =>
        this.documentRepository.orderedIds(statement).then((r) => ({
          ids: r.ids.length > max ? null : r.ids,
          generation: r.generation,
        })),
      KEPT_ORDERS
    )
    if (found.generation !== known) {
      // read at a generation this instance has not seen yet: good for this request, not to keep
      this.orders_.delete(key)
    }
    return found.ids ? { ids: found.ids, generation: found.generation } : null
  }
}
