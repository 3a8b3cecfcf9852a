import { TransactionBaseService } from "@medusajs/medusa"
import { Lifetime } from "awilix"
import type { EntityManager } from "typeorm"
import type { CatalogueStats } from "../lib/catalogue-answer"
import { onManager } from "../lib/on-manager"
import type { CatalogueStateRepository } from "../repositories/catalogue-state"
import type { SearchDirtyRepository } from "../repositories/search-dirty"
import type { SearchDocumentRepository } from "../repositories/search-document"

type InjectedDependencies = {
  manager: EntityManager
  catalogueStateRepository: typeof CatalogueStateRepository
  searchDirtyRepository: typeof SearchDirtyRepository
  searchDocumentRepository: typeof SearchDocumentRepository
}

export type Generations = { products: number; lists: number }

/**
 * What this instance knows of the catalogue read model's state: the generations the answer
 * cache is keyed on, each product's document version, the store's default channel, its own
 * writes (read-your-writes) and the read model's counters. Reads only: the drain writes the state.
 */
export default class CatalogueStateService extends TransactionBaseService {
  /** one per process: the generations and versions are this instance's view */
  static LIFE_TIME = Lifetime.SINGLETON

  private generations_: Generations = { products: 0, lists: 0 }
  private defaultChannel_: { id: string | null; at: number } | null = null
  /** each product's document version as this instance last saw it (the tag of its page's cache entries) */
  private versions_ = new Map<string, string>()
  private maxVersion_ = "0"
  private written_ = false
  private syncing_: Promise<void> | null = null
  readonly stats: CatalogueStats = {
    model: 0,
    rendered: 0,
    core: 0,
    renderErrors: 0,
  }
  protected readonly catalogueStateRepository_: typeof CatalogueStateRepository
  protected readonly searchDirtyRepository_: typeof SearchDirtyRepository
  protected readonly searchDocumentRepository_: typeof SearchDocumentRepository

  constructor(container: InjectedDependencies) {
    super(container)
    this.catalogueStateRepository_ = container.catalogueStateRepository
    this.searchDirtyRepository_ = container.searchDirtyRepository
    this.searchDocumentRepository_ = container.searchDocumentRepository
  }

  private get stateRepository() {
    return onManager(this.activeManager_, this.catalogueStateRepository_)
  }

  private get dirtyRepository() {
    return onManager(this.activeManager_, this.searchDirtyRepository_)
  }

  private get documentRepository() {
    return onManager(this.activeManager_, this.searchDocumentRepository_)
  }

  get generations(): Generations {
    return this.generations_
  }

  /** A write went through this instance (an admin edit, an order): the next store read waits for it. */
  noteWrite(): void {
    this.written_ = true
  }

  /**
   * Read-your-writes on this instance: after a write here, the next store read first drains the
   * queue (and waits for a drain another tick holds) so that it answers from the new data.
   * Writes made elsewhere (another instance, a command line) are seen at the next tick (200 ms).
   */
  async syncAfterWrite(
    drain: (batch: number) => Promise<number>
  ): Promise<void> {
    if (!this.written_) {
      return
    }
    if (!this.syncing_) {
      this.written_ = false
      this.syncing_ = (async () => {
        const started = Date.now()
        for (;;) {
          while ((await drain(500)) > 0) {
            // until nothing is left for this instance
          }
          const left = await this.dirtyRepository.queued()
          if (!left || Date.now() - started > 2000) {
            break
          }
          // rows another drain holds right now: wait for its commit
          await new Promise((r) => setTimeout(r, 20))
        }
        await this.refreshGenerations()
      })().finally(() => {
        this.syncing_ = null
      })
    }
    await this.syncing_
  }

  /** Reads the generations the answer cache is keyed on (every tick, on every instance). */
  async refreshGenerations(): Promise<Generations> {
    const row = await this.stateRepository.generations()
    if (row) {
      this.generations_ = { products: row.products, lists: row.lists }
    }
    const changed = await this.documentRepository.changedSince(this.maxVersion_)
    for (const c of changed) {
      this.versions_.set(c.id, c.version)
      this.maxVersion_ = c.version
    }
    return this.generations_
  }

  /** The version of a product's document as this instance knows it: the tag of its page's answers. */
  versionOf(id: string): string {
    return this.versions_.get(id) ?? "0"
  }

  /** The store's default sales channel (read again after 10 s). */
  async defaultChannel(): Promise<string | null> {
    if (!this.defaultChannel_ || Date.now() - this.defaultChannel_.at > 10000) {
      const id = await this.stateRepository.defaultChannel()
      this.defaultChannel_ = { id, at: Date.now() }
    }
    return this.defaultChannel_.id
  }
}
