import { AbstractSearchService } from "@medusajs/utils"
import type SearchDocumentsService from "./search-documents"
import type SearchQueryService from "./search-query"
import type { SearchOptions, SearchResult } from "./search-query"

export type { SearchFilter, SearchResult } from "./search-query"
export type { SearchHit } from "../lib/search-sql"

type InjectedDependencies = {
  searchDocumentsService: SearchDocumentsService
  searchQueryService: SearchQueryService
}

/**
 * Product search on PostgreSQL, registered as Medusa's `searchService` (it extends
 * AbstractSearchService): Medusa's search interface over SearchQueryService (the search) and
 * SearchDocumentsService (the documents). Documents live in `search_document`, kept fresh by
 * database triggers that queue changed products in `search_dirty` (drained by
 * loaders/search-refresh.ts).
 */
export default class PostgresSearchService extends AbstractSearchService {
  /**
   * Not auto-aliased as `searchService` by Medusa's plugin loader: loaders/search-refresh.ts does it
   * unless the plugin runs with `engine: "meilisearch"`, so with Meilisearch nothing of ours is the
   * search service.
   */
  static _isSearchService = false
  isDefault = false
  protected documents_: SearchDocumentsService
  protected query_: SearchQueryService

  constructor(
    container: InjectedDependencies,
    options: Record<string, unknown> = {}
  ) {
    super(container, options)
    this.documents_ = container.searchDocumentsService
    this.query_ = container.searchQueryService
  }

  createIndex(
    indexName: string,
    options: unknown
  ): { indexName: string; options: unknown } {
    return { indexName, options }
  }

  getIndex(indexName: string): { indexName: string; table: string } {
    return { indexName, table: "search_document" }
  }

  async addDocuments(
    _indexName: string,
    documents: unknown,
    _type: string
  ): Promise<{ refreshed: number }> {
    const ids = (Array.isArray(documents) ? documents : [])
      .map((d) =>
        d && typeof d === "object" ? (d as { id?: unknown }).id : undefined
      )
      .filter((id): id is string => typeof id === "string")
    return { refreshed: await this.queue(ids) }
  }

  /**
   * Medusa's product subscribers call addDocuments/deleteDocument from the event bus for every
   * product event (1,800 of them after the demo seed). The statement triggers have queued those
   * products already, in the writer's own transaction: nothing more to do here, so the event bus
   * is not held up (and does not move the catalogue's generation once per event).
   */
  async queue(productIds: string[]): Promise<number> {
    return productIds.length
  }

  async replaceDocuments(
    indexName: string,
    documents: unknown,
    type: string
  ): Promise<{ refreshed: number }> {
    return await this.addDocuments(indexName, documents, type)
  }

  async deleteDocument(
    _indexName: string,
    documentId: string | number
  ): Promise<{ refreshed: number }> {
    return { refreshed: await this.queue([String(documentId)]) }
  }

  async deleteAllDocuments(_indexName: string): Promise<void> {
    await this.documents_.deleteAll()
  }

  updateSettings(
    indexName: string,
    settings: unknown
  ): { indexName: string; settings: unknown } {
    return { indexName, settings }
  }

  async search(
    _indexName: string,
    query: string | null,
    options: unknown
  ): Promise<SearchResult> {
    return await this.query_.search(query, options as SearchOptions)
  }
}
