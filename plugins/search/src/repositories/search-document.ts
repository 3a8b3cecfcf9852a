import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { preparedQuery, runStatement } from "@shabou/sql"
import {
  CATEGORY_IDS_SQL,
  type CategoryIdsRow,
  type CountRow,
  type ListSql,
  type OrderedIdsRow,
  type PageRow,
  type RetrieveRow,
} from "../lib/catalogue-sql"
import { upsertDocumentsSql } from "../lib/document-sql"
import {
  FITMENT_PRESENT_SQL,
  PRODUCT_BRANDS_SQL,
  VEHICLE_EXISTS_SQL,
  type FitmentPresentRow,
  type ProductBrandRow,
} from "../lib/fitment-sources"
import {
  CHANGED_VERSIONS_SQL,
  PRODUCT_STATUS_SQL,
  type ProductStatusRow,
  type VersionRow,
} from "../lib/read-model-sql"
import { DELETE_ALL_DOCUMENTS_SQL, NO_JIT_SQL } from "../lib/search-sql"
import { SearchDocument } from "../models/search-document"

/**
 * `search_document`: the documents rebuilt from the catalogue (the set-based document SQL of
 * lib/document-sql.ts), and the store listing's reads over them. A listing's statements are built
 * from its request by lib/catalogue-sql.ts (their text and values also key the counts and orders
 * CatalogueFiltersService keeps) and run here: as named prepared statements on the pool when they
 * say so (`runStatement`), else planned for their values. The reads of the tables a document is
 * made of that the read path needs (a product's status, a vehicle, categories, brands) are here too.
 */
export const SearchDocumentRepository = dataSource
  .getRepository(SearchDocument)
  .extend({
    /**
     * `SET LOCAL jit = off` for the rest of the caller's transaction: JIT compiling the document SQL
     * costs seconds, running it milliseconds (lib/search-sql.ts).
     */
    async withoutJit(): Promise<void> {
      await this.query(NO_JIT_SQL)
    },

    /** Is the fitment plugin's schema present? */
    async fitmentPresent(): Promise<boolean> {
      const [{ present }]: FitmentPresentRow[] =
        await this.query(FITMENT_PRESENT_SQL)
      return Boolean(present)
    },

    /** Rebuilds the documents of these products (removes those of deleted products). */
    async rebuild(productIds: string[], fitment: boolean): Promise<void> {
      await this.query(upsertDocumentsSql({ fitment }), [productIds])
    },

    /** Removes every document. */
    async deleteAll(): Promise<void> {
      await this.query(DELETE_ALL_DOCUMENTS_SQL)
    },

    /** The brand names of those of these products that have one (fitment's tables). */
    async brandsOf(productIds: string[]): Promise<ProductBrandRow[]> {
      return this.query(PRODUCT_BRANDS_SQL, [productIds])
    },

    /** Documents whose version is above `version`, oldest change first. */
    async changedSince(version: string): Promise<VersionRow[]> {
      return this.query(CHANGED_VERSIONS_SQL, [version])
    },

    /** The status of a product that has no document (a product created a moment ago, or none). */
    async productStatus(productId: string): Promise<ProductStatusRow | null> {
      const [row]: ProductStatusRow[] = await this.query(PRODUCT_STATUS_SQL, [
        productId,
      ])
      return row ?? null
    },

    /**
     * Does the vehicle exist? A named prepared statement on the pool; in a transaction, on its
     * connection (see `preparedQuery`).
     */
    async vehicleExists(vehicleId: string): Promise<boolean> {
      const rows = await preparedQuery(this.manager, VEHICLE_EXISTS_SQL, [
        vehicleId,
      ])
      return rows.length > 0
    },

    /** The active, public categories among `asked` (with their descendants when asked). */
    async categoryIds(asked: string[], children: boolean): Promise<string[]> {
      const [row]: CategoryIdsRow[] = await this.query(CATEGORY_IDS_SQL, [
        asked,
        children,
      ])
      return row.ids
    },

    /** A page of a listing (`listSql`, `pageByIdsSql`). */
    page(statement: ListSql): Promise<PageRow[]> {
      return runStatement<PageRow>(this.manager, statement)
    },

    /** One product with its body (`retrieveSql`). */
    async retrieve(statement: ListSql): Promise<RetrieveRow | undefined> {
      const [row] = await runStatement<RetrieveRow>(this.manager, statement)
      return row
    },

    /** How many documents a listing's filters match (`countSql`). */
    async count(statement: ListSql): Promise<number> {
      const [row] = await runStatement<CountRow>(this.manager, statement)
      return row.total
    },

    /** The ids a listing's filters match, in its order, and the generations (`orderedIdsSql`). */
    async orderedIds(statement: ListSql): Promise<OrderedIdsRow> {
      const [row] = await runStatement<OrderedIdsRow>(this.manager, statement)
      return row
    },
  })

export default SearchDocumentRepository
