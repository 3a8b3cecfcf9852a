import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { Lifetime } from "awilix"
import type { EntityManager } from "typeorm"
import {
  earliest,
  notFound,
  withoutKey,
  type Answer,
  type Caller,
  type CatalogueStats,
  type RenderContext,
} from "../lib/catalogue-answer"
import type { ListRequest } from "../lib/catalogue-request"
import {
  countSql,
  joinedAnswer,
  listParts,
  productParts,
  listSql,
  pageByIdsSql,
  retrieveSql,
  type ListSql,
  type OrderedIdsRow,
  type PageRow,
} from "../lib/catalogue-sql"
import { entryCountSql, entryLists, entryPageSql } from "../lib/list-entry-sql"
import { onManager } from "../lib/on-manager"
import type { CatalogueListEntryRepository } from "../repositories/catalogue-list-entry"
import type { CatalogueStateRepository } from "../repositories/catalogue-state"
import type { SearchDocumentRepository } from "../repositories/search-document"
import type CatalogueContextService from "./catalogue-context"
import type CatalogueFiltersService from "./catalogue-filters"
import type CatalogueRendererService from "./catalogue-renderer"
import type CatalogueStateService from "./catalogue-state"
import type { Generations } from "./catalogue-state"

type InjectedDependencies = {
  manager: EntityManager
  catalogueStateService: CatalogueStateService
  catalogueContextService: CatalogueContextService
  catalogueFiltersService: CatalogueFiltersService
  catalogueRendererService: CatalogueRendererService
  searchDocumentRepository: typeof SearchDocumentRepository
  catalogueListEntryRepository: typeof CatalogueListEntryRepository
  catalogueStateRepository: typeof CatalogueStateRepository
}

/**
 * The catalogue read model's store reads (see the plugin README): one indexed query per store read
 * over `search_document` + `catalogue_body`. A body is each product's JSON exactly as core Medusa's
 * store route renders it for a context; a missing one is rendered by asking core itself (see
 * CatalogueRendererService) and reused until the product changes. Its parts are reachable here
 * (`state`, `contexts`, `renderer`) so that the read path resolves one service per request.
 */
export default class CatalogueService extends TransactionBaseService {
  /** one per process: its parts hold the rendering server, the generations and the kept values */
  static LIFE_TIME = Lifetime.SINGLETON

  readonly state: CatalogueStateService
  readonly contexts: CatalogueContextService
  readonly renderer: CatalogueRendererService
  protected filters_: CatalogueFiltersService
  protected readonly searchDocumentRepository_: typeof SearchDocumentRepository
  protected readonly catalogueListEntryRepository_: typeof CatalogueListEntryRepository
  protected readonly catalogueStateRepository_: typeof CatalogueStateRepository

  constructor(container: InjectedDependencies) {
    super(container)
    this.state = container.catalogueStateService
    this.contexts = container.catalogueContextService
    this.filters_ = container.catalogueFiltersService
    this.renderer = container.catalogueRendererService
    this.searchDocumentRepository_ = container.searchDocumentRepository
    this.catalogueListEntryRepository_ = container.catalogueListEntryRepository
    this.catalogueStateRepository_ = container.catalogueStateRepository
  }

  private get documentRepository() {
    return onManager(this.activeManager_, this.searchDocumentRepository_)
  }

  /** A store listing in a resolved context (see `resolve`), or null when core must answer. */
  async list(
    request: ListRequest,
    channels: string[],
    caller: Caller,
    context: RenderContext
  ): Promise<Answer | null> {
    // an unknown vehicle is a 400: checked while the page is read (a vehicle is checked once per
    // generation, on its first page: a second round trip before that page otherwise)
    const checked = request.filters.vehicleIds
      ? this.filters_.checkVehicles(request.filters.vehicleIds)
      : Promise.resolve()
    checked.catch(() => undefined)
    // core loads no relation at all with `expand=` and reads the page again through another query
    // (`find`): its count is then the page's length and a filter on ids replaces the page; left to
    // core. Sorting by price there fails in core (500): a 400 instead, when there is a page to sort.
    const coreOnly =
      request.render.expand === "" &&
      !caller.keyChannelIds &&
      request.filters.q === undefined
    if (coreOnly && request.order.field !== "price") {
      await checked
      return null
    }
    let rows: PageRow[] | null = null
    let total: number | null = null
    let counted: ListSql
    const lists = entryLists(request)
    if (lists) {
      // a vehicle's or a category's listing: one range of the kept lists
      counted = entryCountSql(lists, channels)
      rows = await onManager(
        this.activeManager_,
        this.catalogueListEntryRepository_
      ).page(entryPageSql(lists, request, channels, context.key))
    } else {
      const filters = await this.filters_.resolveFilters(request)
      counted = countSql(request, channels, filters)
      const order = await this.filters_.orderedIds(request, channels, filters)
      if (order) {
        // a listing of few products: its page by id, its count the length of its ids
        rows = await this.pageOf_(order, request, context)
        total = rows ? order.ids.length : null
      }
      if (!rows) {
        rows = await this.documentRepository.page(
          listSql(request, channels, filters, context.key)
        )
      }
    }
    await checked
    if (coreOnly) {
      if (rows.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "order: sorting by variants.prices.amount needs the variants' prices: leave expand out, or include variants.prices in it"
        )
      }
      return null
    }
    // a page shorter than asked is the last one: the count is where it ends (a product page by handle)
    total ??=
      rows.length && rows.length < request.limit
        ? request.offset + rows.length
        : await this.filters_.count(
            counted,
            rows[0]?.generation,
            lists !== null
          )
    const stats = this.state.stats
    if (rows.some((r) => r.body !== null && r.body.length === 0)) {
      // a product core would not render for this caller (e.g. outside its channels)
      stats.core++
      return null
    }
    const missing = rows.filter((r) => r.body === null && r.fragment === null)
    if (missing.length) {
      const rendered = await this.renderer.render(
        missing,
        context,
        channels,
        caller
      )
      for (const r of missing) {
        const part = rendered.get(r.id)
        if (part === undefined) {
          // core would not render it for this caller (e.g. it left the channel meanwhile)
          stats.core++
          return null
        }
        Object.assign(r, part)
      }
    }
    stats.model++
    return {
      status: 200,
      ...joinedAnswer(listParts(rows, total, request.offset, request.limit)),
      productIds: rows.map((r) => r.id),
      expiresAt: earliest(rows.map((r) => r.expires)),
    }
  }

  /**
   * The page of a listing whose ordered ids are kept (`orderedIds`), or null when the catalogue
   * changed between the two statements (the page is then read as any other).
   */
  private async pageOf_(
    order: OrderedIdsRow,
    request: ListRequest,
    context: RenderContext
  ): Promise<PageRow[] | null> {
    const ids = order.ids.slice(request.offset, request.offset + request.limit)
    if (!ids.length) {
      return []
    }
    const read = await this.documentRepository.page(
      pageByIdsSql(ids, context.key)
    )
    return read.length === ids.length &&
      read.every((r) => r.generation === order.generation)
      ? read
      : null
  }

  /** `GET /store/products/:id`: a draft or deleted product is a 404; null when core must answer. */
  async retrieve(
    id: string,
    caller: Caller,
    context: RenderContext
  ): Promise<Answer | null> {
    const row = await this.documentRepository.retrieve(
      retrieveSql("id", id, context.key)
    )
    const keyed = caller.keyChannelIds
    if (
      keyed &&
      row?.status !== "draft" &&
      !(
        row?.status === "published" &&
        row.channels.some((c) => keyed.includes(c))
      )
    ) {
      // a publishable key and a product outside its channels (or none, or deleted): core answers its 400
      return null
    }
    if (!row) {
      // not in the read model: a product created a moment ago, or none (core says which)
      const product = await this.documentRepository.productStatus(id)
      if (product && product.status === "published") {
        return null
      }
      return notFound(id)
    }
    if (row.status !== "published") {
      return notFound(id)
    }
    if (row.body === "") {
      return null
    }
    if (row.body === null && row.fragment === null) {
      const rendered = await this.renderer.render(
        [row],
        context,
        row.channels,
        withoutKey(caller)
      )
      const part = rendered.get(id)
      if (part === undefined) {
        return null
      }
      Object.assign(row, part)
    }
    this.state.stats.model++
    return {
      status: 200,
      ...joinedAnswer(productParts(row)),
      productIds: [id],
      expiresAt: earliest([row.expires]),
    }
  }

  /** How far the read model is: products, bodies missing in the eager contexts, queue length. */
  async status(): Promise<{
    products: number
    pending: number
    queued: number
    ready: boolean
    generations: Generations
    stats: CatalogueStats
  }> {
    const contexts = await this.contexts.eagerContexts()
    const row = await onManager(
      this.activeManager_,
      this.catalogueStateRepository_
    ).status(contexts.map((c) => c.key))
    return {
      products: row.products,
      pending: row.pending,
      queued: row.queued,
      ready: row.pending === 0 && row.queued === 0,
      generations: this.state.generations,
      stats: this.state.stats,
    }
  }
}
