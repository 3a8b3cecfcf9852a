import { aliasTo, asFunction, asValue, AwilixContainer } from "awilix"
import { CATALOGUE_SOURCES } from "../lib/catalogue-sources"
import { FITMENT_DIRTY_SOURCES } from "../lib/fitment-sources"
import { resolveOptions, type SearchPluginOptions } from "../options"
import type { SearchDirtyRepository } from "../repositories/search-dirty"
import type CatalogueService from "../services/catalogue"
import type CatalogueCacheService from "../services/catalogue-cache"
import type CatalogueWarmerService from "../services/catalogue-warmer"
import type SearchDocumentsService from "../services/search-documents"

type Logger = { info: (m: string) => void; warn: (m: string) => void }

const STARTED = Symbol.for("shabou.search.refresh")
const BOOT_DRAIN_MAX = 5000

/**
 * 1. Medusa's boot-time indexer (SearchIndexingSubscriber) would load every product with nine
 *    relations through the ORM and hand them to addDocuments: minutes at 100k products, on every
 *    boot. Documents are built in SQL here, so it is turned into a no-op and the queue below
 *    covers the same ground (the migration queued every product; triggers queue every change).
 * 2. Installs the queueing triggers on the fitment tables when they appeared after our migration.
 * 3. Builds a small backlog of queued documents before the server answers (a fresh database:
 *    the migration queued every product), then drains `search_dirty` every second: a change is
 *    searchable about 1 s after its commit.
 */
export default async function searchRefreshLoader(
  container: AwilixContainer,
  rawOptions: SearchPluginOptions = {}
): Promise<void> {
  const options = resolveOptions(rawOptions)
  const logger: Logger = container.resolve("logger")
  if (options.engine === "meilisearch") {
    // the documents are still kept: the catalogue read model is built on them
    logger.info(
      "search plugin: Meilisearch is the search engine, the PostgreSQL search stays unregistered"
    )
  } else {
    container.register({
      searchService: aliasTo("postgresSearchService"),
      isSearchEngineInstalled: asValue(true),
    })
  }
  const documents = container.resolve(
    "searchDocumentsService"
  ) as SearchDocumentsService
  const queue = container.resolve(
    "searchDirtyRepository"
  ) as typeof SearchDirtyRepository
  if (!(await queue.installed())) {
    logger.warn(
      "search plugin: table search_dirty is missing, run the migrations (npm run migrate)"
    )
    return
  }

  if (options.engine !== "meilisearch") {
    const Indexer =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("@medusajs/medusa/dist/subscribers/search-indexing").default
    Indexer.prototype.retrieveNextProducts = async () => []
  }

  for (const [table, key] of FITMENT_DIRTY_SOURCES) {
    if (await queue.lacksTriggers(table, "search_dirty_")) {
      await queue.installSearchTriggers(table, key)
      await queue.queueEveryDocument()
    }
  }

  // the catalogue read model hears the same tables plus its own (prices, images…); tables created
  // after its migration (the fitment plugin's) get their triggers here
  for (const [table, fn, arg] of CATALOGUE_SOURCES) {
    if (await queue.lacksTriggers(table, "catalogue_dirty_")) {
      await queue.installCatalogueTriggers(table, fn, arg)
    }
  }

  // documents queued while the server was down (or by the migration on first boot): up to
  // BOOT_DRAIN_MAX are built before the server answers, a bigger backlog by the loop below
  const queued = await queue.queued()
  if (queued > 0 && queued <= BOOT_DRAIN_MAX) {
    const started = Date.now()
    await documents.drainAll()
    logger.info(
      `search plugin: ${queued} queued search documents built in ${Date.now() - started} ms`
    )
  } else if (queued > BOOT_DRAIN_MAX) {
    logger.info(
      `search plugin: ${queued} search documents queued, building them in the background (about 4,000 a second)`
    )
  }

  const g = globalThis as any
  if (g[STARTED]) {
    return
  }
  g[STARTED] = true
  const catalogue = container.resolve("catalogueService") as CatalogueService
  const warmer = container.resolve(
    "catalogueWarmerService"
  ) as CatalogueWarmerService
  await catalogue.state.refreshGenerations()
  const every = options.refreshIntervalMs
  let busy = false
  let stopped = false
  let lastError = 0
  let lastWarm = 0
  const tick = async () => {
    if (busy || stopped) {
      return
    }
    busy = true
    try {
      let drained = 0
      let taken: number
      do {
        taken = await documents.drainDirty(500)
        drained += taken
      } while (taken === 500)
      // after the drain: this instance's cache keys move to the new generations (other
      // instances' drains are seen here too)
      await catalogue.state.refreshGenerations()
      if (!drained || Date.now() - lastWarm > 2000) {
        // bodies are rendered once the queue is quiet (a product still changing would be rendered
        // twice), and at least every 2 s while changes keep coming
        lastWarm = Date.now()
        void warm()
      }
    } catch (e) {
      if (!stopped && Date.now() - lastError > 60000) {
        lastError = Date.now()
        logger.warn(
          `search plugin: refreshing documents failed: ${(e as Error).message}`
        )
      }
    } finally {
      busy = false
    }
  }
  // bodies the eager contexts lack are rendered beside the drain, never blocking it
  let warming = false
  const warm = async () => {
    if (warming || !catalogue.renderer.ready) {
      return
    }
    warming = true
    try {
      await warmer.warm()
    } catch (e) {
      if (!stopped && Date.now() - lastError > 60000) {
        lastError = Date.now()
        logger.warn(
          `catalogue: rendering product bodies failed: ${(e as Error).message}`
        )
      }
    } finally {
      warming = false
    }
  }
  const timer = setInterval(() => void tick(), every)
  timer.unref()
  // bodies rendered by a version before fragments get theirs, once, beside everything else
  void (async () => {
    try {
      while (!stopped && (await warmer.fillFragments()) > 0) {
        // until a pass finds none
      }
    } catch (e) {
      if (!stopped) {
        logger.warn(
          `catalogue: keeping the bodies' gzip fragments failed: ${(e as Error).message}`
        )
      }
    }
  })()

  // Stopped with the container (Medusa's shutdown disposes it): the loop no longer queries a closed
  // pool, and the catalogue cache's Redis client, which reconnects forever, is closed.
  container.register({
    searchRefreshLoop: asFunction(() => ({
      stop: async () => {
        if (stopped) {
          return
        }
        stopped = true
        clearInterval(timer)
        g[STARTED] = false
        await (
          container.resolve("catalogueCacheService") as CatalogueCacheService
        ).close()
      },
    }))
      .singleton()
      .disposer((loop) => loop.stop()),
  })
  container.resolve("searchRefreshLoop")
}
