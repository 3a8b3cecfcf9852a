import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { runStatement } from "@shabou/sql"
import type { CountRow, ListSql, PageRow } from "../lib/catalogue-sql"
import {
  DELETE_LIST_ENTRIES_SQL,
  insertListEntriesSql,
} from "../lib/list-entry-sql"
import { CatalogueListEntry } from "../models/catalogue-list-entry"

/**
 * `catalogue_list_entry`: the kept lists (lib/list-entry-sql.ts), rewritten with their products'
 * documents, and the listing's reads of them (statements built by `entryPageSql` and
 * `entryCountSql`, named prepared statements on the pool).
 */
export const CatalogueListEntryRepository = dataSource
  .getRepository(CatalogueListEntry)
  .extend({
    /**
     * Writes the entries of these products again from their documents (in the caller's transaction,
     * after the documents): two statements, the old entries removed first.
     */
    async rewrite(productIds: string[], fitment: boolean): Promise<void> {
      await this.query(DELETE_LIST_ENTRIES_SQL, [productIds])
      await this.query(insertListEntriesSql({ fitment }), [productIds])
    },

    /** A page of kept lists (`entryPageSql`). */
    page(statement: ListSql): Promise<PageRow[]> {
      return runStatement<PageRow>(this.manager, statement)
    },

    /** How many products kept lists hold for the sales channels (`entryCountSql`). */
    async count(statement: ListSql): Promise<number> {
      const [row] = await runStatement<CountRow>(this.manager, statement)
      return row.total
    },
  })

export default CatalogueListEntryRepository
