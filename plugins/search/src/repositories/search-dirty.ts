import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { QUEUED_SQL, type QueuedRow } from "../lib/read-model-sql"
import { TAKE_DIRTY_SQL, type DirtyRow } from "../lib/search-sql"
import { SearchDirty } from "../models/search-dirty"

/**
 * `search_dirty`: the queue of documents to rebuild, filled by statement triggers (installed by the
 * migrations, or here when their table came later: loaders/search-refresh.ts) and taken by the drain.
 */
export const SearchDirtyRepository = dataSource
  .getRepository(SearchDirty)
  .extend({
    /** Has the queue's table been created (the migrations run)? */
    async installed(): Promise<boolean> {
      const [{ ready }]: { ready: boolean }[] = await this.query(
        `SELECT to_regclass('public.search_dirty') IS NOT NULL AS ready`
      )
      return ready
    },

    /** How many products (and markers) wait in the queue. */
    async queued(): Promise<number> {
      const [{ left }]: QueuedRow[] = await this.query(QUEUED_SQL)
      return left
    },

    /**
     * Takes up to `batch` queued entries, skipping those another instance holds, in the caller's
     * transaction (they are gone once it commits).
     */
    async take(batch: number): Promise<DirtyRow[]> {
      return this.query(TAKE_DIRTY_SQL, [batch])
    },

    /** Does `table` exist without triggers whose names start with `prefix` (`search_dirty_`, `catalogue_dirty_`)? */
    async lacksTriggers(table: string, prefix: string): Promise<boolean> {
      const [{ missing }]: { missing: boolean }[] = await this.query(
        `SELECT to_regclass('public.' || $1::text) IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass('public.' || $1::text) AND tgname LIKE $2::text || '%') AS missing`,
        [table, prefix]
      )
      return missing
    },

    /** Installs the `search_dirty_*` triggers on `table` (`key`: its column naming the product). */
    async installSearchTriggers(table: string, key: string): Promise<void> {
      await this.query(`SELECT search_install_dirty_triggers($1, $2)`, [
        table,
        key,
      ])
    },

    /** Installs the `catalogue_dirty_*` triggers on `table` (see lib/catalogue-sources.ts). */
    async installCatalogueTriggers(
      table: string,
      fn: string,
      arg: string
    ): Promise<void> {
      await this.query(`SELECT catalogue_install_triggers($1, $2, $3)`, [
        table,
        fn,
        arg,
      ])
    },

    /** Queues every document's product again. */
    async queueEveryDocument(): Promise<void> {
      await this.query(
        `INSERT INTO search_dirty (product_id) SELECT product_id FROM search_document ON CONFLICT DO NOTHING`
      )
    },
  })

export default SearchDirtyRepository
