import { TransactionBaseService } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import { onManager } from "../lib/on-manager"
import type { CatalogueListEntryRepository } from "../repositories/catalogue-list-entry"
import type { CatalogueStateRepository } from "../repositories/catalogue-state"
import type { SearchDirtyRepository } from "../repositories/search-dirty"
import type { SearchDocumentRepository } from "../repositories/search-document"
import type { SearchWordRepository } from "../repositories/search-word"

type InjectedDependencies = {
  manager: EntityManager
  searchDocumentRepository: typeof SearchDocumentRepository
  searchDirtyRepository: typeof SearchDirtyRepository
  searchWordRepository: typeof SearchWordRepository
  catalogueListEntryRepository: typeof CatalogueListEntryRepository
  catalogueStateRepository: typeof CatalogueStateRepository
}

const FITMENT_CACHE_MS = 60000
const REFRESH_CHUNK = 1000

/**
 * Keeps `search_document` (and with it the catalogue read model) up to date: drains the queue the
 * database triggers fill (`search_dirty`), rebuilds documents, removes them all. Each batch is one
 * transaction, taken on `activeManager_` rather than through `atomicPhase_`: the refresh loop's
 * instance is shared (the loop, `npm run catalogue:rebuild`), and `atomicPhase_` points the whole
 * instance at its transaction while it runs.
 */
export default class SearchDocumentsService extends TransactionBaseService {
  protected readonly searchDocumentRepository_: typeof SearchDocumentRepository
  protected readonly searchDirtyRepository_: typeof SearchDirtyRepository
  protected readonly searchWordRepository_: typeof SearchWordRepository
  protected readonly catalogueListEntryRepository_: typeof CatalogueListEntryRepository
  protected readonly catalogueStateRepository_: typeof CatalogueStateRepository
  private fitment_: { present: boolean; at: number } | null = null

  constructor(container: InjectedDependencies) {
    super(container)
    this.searchDocumentRepository_ = container.searchDocumentRepository
    this.searchDirtyRepository_ = container.searchDirtyRepository
    this.searchWordRepository_ = container.searchWordRepository
    this.catalogueListEntryRepository_ = container.catalogueListEntryRepository
    this.catalogueStateRepository_ = container.catalogueStateRepository
  }

  /** Is the fitment plugin's schema present? (checked again after a minute) */
  async fitmentPresent(
    manager: EntityManager = this.activeManager_
  ): Promise<boolean> {
    if (!this.fitment_ || Date.now() - this.fitment_.at > FITMENT_CACHE_MS) {
      const present = await onManager(
        manager,
        this.searchDocumentRepository_
      ).fitmentPresent()
      this.fitment_ = { present, at: Date.now() }
    }
    return this.fitment_.present
  }

  /** Rebuilds (or removes) the documents of these products, in one transaction per chunk. */
  async refresh(productIds: string[]): Promise<number> {
    const ids = [
      ...new Set(productIds.filter((id) => typeof id === "string" && id)),
    ]
    let done = 0
    for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
      const chunk = ids.slice(i, i + REFRESH_CHUNK)
      await this.activeManager_.transaction(async (m) => {
        const documents = m.withRepository(this.searchDocumentRepository_)
        await documents.withoutJit()
        await this.rebuild_(m, documents, chunk)
        await m
          .withRepository(this.catalogueStateRepository_)
          .afterRebuild(chunk, false, false)
      })
      done += chunk.length
    }
    return done
  }

  /** Drains the queue until it is empty (`drainDirty` batch after batch); how many entries it took. */
  async drainAll(batch = 500): Promise<number> {
    let taken = 0
    for (let n; (n = await this.drainDirty(batch)) > 0;) {
      taken += n
    }
    return taken
  }

  /**
   * Drains the queue and waits, up to `withinMs`, for what another drain holds (the refresh loop's
   * batch in flight, taken with SKIP LOCKED, so `drainAll` returns without it) to be committed:
   * afterwards every product queued before the call has its document (the boot after the demo seed).
   */
  async settle(withinMs = 60000): Promise<number> {
    const until = Date.now() + withinMs
    const queue = onManager(this.activeManager_, this.searchDirtyRepository_)
    let taken = await this.drainAll()
    while ((await queue.queued()) > 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      taken += await this.drainAll()
    }
    return taken
  }

  /** Takes up to `batch` queued products (skipping those another instance holds) and rebuilds them. */
  async drainDirty(batch = 500): Promise<number> {
    return await this.activeManager_.transaction(async (m) => {
      const documents = m.withRepository(this.searchDocumentRepository_)
      await documents.withoutJit()
      const rows = await m
        .withRepository(this.searchDirtyRepository_)
        .take(batch)
      if (!rows.length) {
        return 0
      }
      const markers = rows
        .map((r) => r.product_id)
        .filter((id) => id.startsWith("*"))
      const ids = rows
        .map((r) => r.product_id)
        .filter((id) => !id.startsWith("*"))
      if (ids.length) {
        await this.rebuild_(m, documents, ids)
      }
      await m
        .withRepository(this.catalogueStateRepository_)
        .afterRebuild(ids, markers.includes("*all"), markers.length > 0)
      return rows.length
    })
  }

  /**
   * Rebuilds the documents of these products in the caller's transaction, with what is made of
   * them: the typo dictionary's words and the products' entries in the kept lists.
   */
  private async rebuild_(
    m: EntityManager,
    documents: typeof SearchDocumentRepository,
    ids: string[]
  ): Promise<void> {
    const fitment = await this.fitmentPresent(m)
    await documents.rebuild(ids, fitment)
    await m.withRepository(this.searchWordRepository_).addWordsOf(ids)
    await m
      .withRepository(this.catalogueListEntryRepository_)
      .rewrite(ids, fitment)
  }

  /**
   * The brand of each product that has one, read where the document SQL reads it (fitment's
   * tables): product id → brand name. Empty without fitment.
   */
  async brandsOf(productIds: string[]): Promise<Map<string, string>> {
    if (!productIds.length || !(await this.fitmentPresent())) {
      return new Map()
    }
    const rows = await onManager(
      this.activeManager_,
      this.searchDocumentRepository_
    ).brandsOf(productIds)
    return new Map(rows.map((r) => [r.id, r.brand]))
  }

  /** Removes every document (Medusa's `deleteAllDocuments`). */
  async deleteAll(): Promise<void> {
    await this.activeManager_.transaction(async (m) => {
      await m.withRepository(this.searchDocumentRepository_).deleteAll()
    })
  }
}
