import type { AwilixContainer } from "awilix"
import { withBrands } from "../lib/meilisearch-settings"
import { resolveOptions, type SearchPluginOptions } from "../options"
import type SearchDocumentsService from "../services/search-documents"

type DocumentWriter = (
  indexName: string,
  documents: unknown,
  type: string
) => Promise<unknown>

type MeilisearchService = {
  addDocuments: DocumentWriter
  replaceDocuments: DocumentWriter
}

const PRODUCTS = "products"

/**
 * With `engine: "meilisearch"`: the products medusa-plugin-meilisearch indexes get fitment's brand
 * (the PostgreSQL search document's source) before its transformer (lib/meilisearch-settings.ts)
 * runs: Medusa loads products without it. One query per batch of documents.
 */
export default async function meilisearchBrandsLoader(
  container: AwilixContainer,
  rawOptions: SearchPluginOptions = {}
): Promise<void> {
  if (
    resolveOptions(rawOptions).engine !== "meilisearch" ||
    !container.hasRegistration("searchService")
  ) {
    return
  }
  const search = container.resolve("searchService") as MeilisearchService
  const documents = container.resolve(
    "searchDocumentsService"
  ) as SearchDocumentsService
  const withBrand =
    (write: DocumentWriter): DocumentWriter =>
    async (indexName, docs, type) => {
      if (type !== PRODUCTS || !Array.isArray(docs)) {
        return await write(indexName, docs, type)
      }
      const brands = await documents.brandsOf(
        docs.map((d: { id: string }) => d.id)
      )
      return await write(indexName, withBrands(docs, brands), type)
    }
  search.addDocuments = withBrand(search.addDocuments.bind(search))
  search.replaceDocuments = withBrand(search.replaceDocuments.bind(search))
}
