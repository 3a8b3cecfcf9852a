import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { CATALOGUE_AFTER_DRAIN_SQL } from "../lib/document-sql"
import {
  DEFAULT_CHANNEL_SQL,
  GENERATIONS_SQL,
  RENDERER_SEEN_SQL,
  STATUS_SQL,
  type DefaultChannelRow,
  type GenerationsRow,
  type StatusRow,
} from "../lib/read-model-sql"
import { CatalogueState } from "../models/catalogue-state"

/**
 * `catalogue_state`: the generations the answer cache is keyed on (moved by the drain), the
 * renderer's sign of life, the read model's status, and the store's default channel it is read for.
 */
export const CatalogueStateRepository = dataSource
  .getRepository(CatalogueState)
  .extend({
    /** The generations (none before the migration's row exists). */
    async generations(): Promise<GenerationsRow | undefined> {
      const [row]: GenerationsRow[] = await this.query(GENERATIONS_SQL)
      return row
    },

    /**
     * After documents were rebuilt, in the same transaction: their bodies go, the generations move
     * and the markers do their part (`CATALOGUE_AFTER_DRAIN_SQL`).
     */
    async afterRebuild(
      productIds: string[],
      requeueAll: boolean,
      listsChanged: boolean
    ): Promise<void> {
      await this.query(CATALOGUE_AFTER_DRAIN_SQL, [
        productIds,
        requeueAll,
        listsChanged,
      ])
    },

    /** Tells `npm run catalogue:rebuild` that a server renders the bodies. */
    async rendererSeen(): Promise<void> {
      await this.query(RENDERER_SEEN_SQL)
    },

    /** Published products, queued changes, and bodies missing in these contexts. */
    async status(contextKeys: string[]): Promise<StatusRow> {
      const [row]: StatusRow[] = await this.query(STATUS_SQL, [contextKeys])
      return row
    },

    /** The store's default sales channel. */
    async defaultChannel(): Promise<string | null> {
      const [row]: DefaultChannelRow[] = await this.query(DEFAULT_CHANNEL_SQL)
      return row?.id ?? null
    },
  })

export default CatalogueStateRepository
