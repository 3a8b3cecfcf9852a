import { TransactionBaseService } from "@medusajs/medusa"
import { Lifetime } from "awilix"
import type { EntityManager } from "typeorm"
import { CAN_JOIN, deflateFragmentOffThread } from "../lib/gzip-parts"
import { onManager } from "../lib/on-manager"
import type { MissingBodyRow } from "../lib/read-model-sql"
import type { CatalogueBodyRepository } from "../repositories/catalogue-body"
import type { CatalogueStateRepository } from "../repositories/catalogue-state"
import type CatalogueContextService from "./catalogue-context"
import type CatalogueRendererService from "./catalogue-renderer"
import { RENDER_BATCH } from "./catalogue-renderer"
import type CatalogueStateService from "./catalogue-state"

type InjectedDependencies = {
  manager: EntityManager
  catalogueStateService: CatalogueStateService
  catalogueContextService: CatalogueContextService
  catalogueRendererService: CatalogueRendererService
  catalogueBodyRepository: typeof CatalogueBodyRepository
  catalogueStateRepository: typeof CatalogueStateRepository
}

/** batches rendered at once while warming (core's JSON work and the database overlap) */
const WARM_PARALLEL = 2
export const WARM_PER_TICK = 2000
/** how long a complete set of eager bodies is trusted without a change */
const WARM_RECHECK_MS = 60000
/** bodies given their fragment per statement, and per call of `fillFragments` */
const FRAGMENT_BATCH = 500
export const FRAGMENTS_PER_TICK = 5000

/**
 * Renders, beside the drain, the bodies the eager contexts (no region, each region) lack: after a
 * change, and at first start.
 */
export default class CatalogueWarmerService extends TransactionBaseService {
  /** one per process: it keeps where each context's pass stands */
  static LIFE_TIME = Lifetime.SINGLETON

  protected state_: CatalogueStateService
  protected contexts_: CatalogueContextService
  protected renderer_: CatalogueRendererService
  protected readonly catalogueBodyRepository_: typeof CatalogueBodyRepository
  protected readonly catalogueStateRepository_: typeof CatalogueStateRepository
  private warming_ = false
  private seenAt_ = 0
  /** the generations at which the eager contexts were last found complete, and when to look again */
  private complete_: { products: number; lists: number; until: number } | null =
    null
  /** where each eager context's warming pass stands, in the newest-first order (see `warm`) */
  private cursors_ = new Map<
    string,
    { generation: string; created: string; id: string }
  >()

  /** where the fragment backfill stands (product id, context); "done" once a pass found none */
  private fragmentsFrom_: [string, string] | null | "done" = null

  constructor(container: InjectedDependencies) {
    super(container)
    this.state_ = container.catalogueStateService
    this.contexts_ = container.catalogueContextService
    this.renderer_ = container.catalogueRendererService
    this.catalogueBodyRepository_ = container.catalogueBodyRepository
    this.catalogueStateRepository_ = container.catalogueStateRepository
  }

  private get bodyRepository() {
    return onManager(this.activeManager_, this.catalogueBodyRepository_)
  }

  /**
   * Gives the bodies rendered before fragments were kept (an older version of this plugin) their
   * deflate fragment (lib/gzip-parts.ts), up to `limit` per call, in key order, one pass per process
   * (the search-refresh loader calls it until it returns 0): the bodies rendered since carry theirs.
   * Compressed on libuv's thread pool, beside the answers.
   */
  async fillFragments(limit = FRAGMENTS_PER_TICK): Promise<number> {
    if (!CAN_JOIN) {
      return 0
    }
    let done = 0
    while (this.fragmentsFrom_ !== "done" && done < limit) {
      const rows = await this.bodyRepository.withoutFragment(
        FRAGMENT_BATCH,
        this.fragmentsFrom_
      )
      if (!rows.length) {
        this.fragmentsFrom_ = "done"
        break
      }
      const fragments = await Promise.all(
        rows.map((r) => deflateFragmentOffThread(Buffer.from(r.body)))
      )
      await this.bodyRepository.storeFragments(rows, fragments)
      const last = rows[rows.length - 1]
      this.fragmentsFrom_ = [last.id, last.context]
      done += rows.length
    }
    return done
  }

  /**
   * Renders the bodies the eager contexts lack, up to `limit` products per call; returns how many
   * it rendered.
   */
  async warm(limit = WARM_PER_TICK): Promise<number> {
    if (!this.renderer_.ready || this.warming_) {
      return 0
    }
    if (Date.now() - this.seenAt_ > 5000) {
      // tells `npm run catalogue:rebuild` that a server renders the bodies
      this.seenAt_ = Date.now()
      await onManager(
        this.activeManager_,
        this.catalogueStateRepository_
      ).rendererSeen()
    }
    const gens = this.state_.generations
    const c = this.complete_
    if (
      c &&
      c.products === gens.products &&
      c.lists === gens.lists &&
      Date.now() < c.until
    ) {
      // nothing changed since every body was there: the search for missing bodies (an anti-join over
      // every product) waits for a change, or a minute (bodies expire with their price lists)
      return 0
    }
    this.warming_ = true
    try {
      let done = 0
      // products core does not list for these channels: left out for this call, not rendered again and again
      const skipped: string[] = []
      const generation = `${gens.products}.${gens.lists}`
      for (const context of await this.contexts_.eagerContexts()) {
        while (done < limit) {
          // a pass goes down the newest-first index from where the last batch stopped (the products
          // above have their bodies): each batch reads its own rows, not every rendered one again
          const from = this.cursors_.get(context.key)
          const cursor = from?.generation === generation ? from : undefined
          const rows = await this.bodyRepository.missing(
            context.key,
            RENDER_BATCH * WARM_PARALLEL,
            skipped,
            cursor
          )
          if (!rows.length) {
            this.cursors_.delete(context.key)
            if (cursor) {
              // the end of a pass: once more from the top (a body may have expired meanwhile)
              continue
            }
            break
          }
          const last = rows[rows.length - 1]
          this.cursors_.set(context.key, {
            generation,
            created: last.created,
            id: last.id,
          })
          const batches: MissingBodyRow[][] = []
          for (let i = 0; i < rows.length; i += RENDER_BATCH) {
            batches.push(rows.slice(i, i + RENDER_BATCH))
          }
          await Promise.all(
            batches.map(async (batch) => {
              // rendered with every channel they are in: core filters by channel, the body does not depend on it
              const channels = [...new Set(batch.flatMap((r) => r.channels))]
              const rendered = await this.renderer_
                .render(batch, context, channels, { forward: {} })
                .catch((e) => {
                  skipped.push(...batch.map((r) => r.id))
                  throw e
                })
              skipped.push(
                ...batch.filter((r) => !rendered.has(r.id)).map((r) => r.id)
              )
            })
          )
          done += rows.length
        }
      }
      this.complete_ = done
        ? null
        : { ...gens, until: Date.now() + WARM_RECHECK_MS }
      return done
    } finally {
      this.warming_ = false
    }
  }
}
