import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import {
  NO_JIT_SQL,
  NORMALISE_QUERY_SQL,
  searchCountSql,
  searchPageSql,
  type NormalisedQueryRow,
  type SearchCountRow,
  type SearchRow,
} from "../lib/search-sql"
import { SearchMatch } from "../models/search-match"

/** What `searchPageSql` builds a page of matches from. */
export type SearchPage = Parameters<typeof searchPageSql>[0]

/**
 * `search_match`: the product search's reads (lib/search-sql.ts), each in the caller's read-only
 * transaction (its `SET LOCAL` settings end with it). Conditions and values are built by
 * SearchQueryService; `d` is `search_match` in them.
 */
export const SearchMatchRepository = dataSource
  .getRepository(SearchMatch)
  .extend({
    /** `SET LOCAL jit = off` for the rest of the caller's transaction (lib/search-sql.ts). */
    async withoutJit(): Promise<void> {
      await this.query(NO_JIT_SQL)
    },

    /** The query normalised (`norm`) and its Arabic words (`ar`), by the SQL the documents use. */
    async normalise(query: string): Promise<NormalisedQueryRow> {
      const [row]: NormalisedQueryRow[] = await this.query(
        NORMALISE_QUERY_SQL,
        [query]
      )
      return row
    },

    /** How many published documents match `where` (its placeholders bound to `params`). */
    async count(where: string, params: unknown[]): Promise<number> {
      const [{ total }]: SearchCountRow[] = await this.query(
        searchCountSql(where),
        params
      )
      return total
    },

    /** A ranked page of matches with their display columns (`searchPageSql`). */
    page(page: SearchPage, params: unknown[]): Promise<SearchRow[]> {
      return this.query(searchPageSql(page), params)
    },
  })

export default SearchMatchRepository
