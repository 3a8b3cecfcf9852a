import { TransactionBaseService } from "@medusajs/medusa"
import { Lifetime } from "awilix"
import { randomBytes } from "crypto"
import type { EntityManager } from "typeorm"
import type { Caller, RenderContext } from "../lib/catalogue-answer"
import type { RenderParams } from "../lib/catalogue-request"
import type { BodyPart } from "../lib/catalogue-sql"
import { deflateFragmentOffThread } from "../lib/gzip-parts"
import { internalGet } from "../lib/internal-get"
import { onManager } from "../lib/on-manager"
import type { CatalogueBodyRepository } from "../repositories/catalogue-body"
import type CatalogueStateService from "./catalogue-state"

type InjectedDependencies = {
  manager: EntityManager
  catalogueStateService: CatalogueStateService
  catalogueBodyRepository: typeof CatalogueBodyRepository
}

export const RENDER_BATCH = 200

/**
 * Renders product bodies by asking core itself: an internal `GET /store/products?id[]=…` through
 * the whole HTTP stack of this server, flagged with a per-process secret so that it bypasses the
 * read model, and stores each body with the document version it was rendered from.
 */
export default class CatalogueRendererService extends TransactionBaseService {
  /** one per process: it holds the rendering server and the secret */
  static LIFE_TIME = Lifetime.SINGLETON

  protected state_: CatalogueStateService
  protected readonly catalogueBodyRepository_: typeof CatalogueBodyRepository
  /** the secret that marks our own rendering requests (bypass the read model, never cached) */
  readonly internalToken = randomBytes(24).toString("hex")
  private baseUrl_: string | null = null

  constructor(container: InjectedDependencies) {
    super(container)
    this.state_ = container.catalogueStateService
    this.catalogueBodyRepository_ = container.catalogueBodyRepository
    // the store rate limit (scripts/lib/security.js) lets this process's own rendering requests through
    process.env.CATALOGUE_INTERNAL_TOKEN = this.internalToken
  }

  /** Called once the HTTP server listens (scripts/lib/app.js): bodies are rendered through it. */
  attachServer(baseUrl: string): void {
    this.baseUrl_ = baseUrl.replace(/\/$/, "")
  }

  get ready(): boolean {
    return this.baseUrl_ !== null
  }

  /**
   * Renders products through core (batches of RENDER_BATCH), stores each body with the document
   * version it was read at (a product changed meanwhile keeps no stale body) and the time its
   * prices change next (a price list starting or ending). Returns each rendered body with its
   * fragment, by product id (none for a product core does not render for this caller).
   */
  async render(
    rows: { id: string; version: string }[],
    context: RenderContext,
    channels: string[],
    caller: Caller
  ): Promise<Map<string, BodyPart>> {
    const out = new Map<string, BodyPart>()
    if (!this.baseUrl_) {
      return out
    }
    for (let i = 0; i < rows.length; i += RENDER_BATCH) {
      const batch = rows.slice(i, i + RENDER_BATCH)
      const bodies = await this.renderBatch(
        batch.map((r) => r.id),
        context.params,
        channels,
        caller
      )
      const ids: string[] = []
      const versions: string[] = []
      const texts: string[] = []
      for (const r of batch) {
        // "" records that core does not render this product in this context (not in its channels):
        // such a read goes to core, and warming does not try it again until the product changes
        const body = bodies.get(r.id) ?? ""
        ids.push(r.id)
        versions.push(r.version)
        texts.push(body)
      }
      if (ids.length) {
        // each body's gzip fragment (lib/gzip-parts.ts), compressed on libuv's thread pool: a batch
        // of 200 bodies would hold the event loop for about 10 ms
        const fragments = await Promise.all(
          texts.map((t) =>
            t ? deflateFragmentOffThread(Buffer.from(t)) : null
          )
        )
        texts.forEach((body, i) => {
          if (body) {
            out.set(ids[i], { body, fragment: fragments[i] })
          }
        })
        // one statement, atomic by itself: not in atomicPhase_, which would point this shared
        // instance's activeManager_ at the transaction while concurrent reads use it
        await onManager(
          this.activeManager_,
          this.catalogueBodyRepository_
        ).store(ids, versions, texts, context.key, fragments)
      }
      this.state_.stats.rendered += ids.length
    }
    return out
  }

  private async renderBatch(
    ids: string[],
    params: RenderParams,
    channels: string[],
    caller: Caller
  ): Promise<Map<string, string>> {
    const qs = new URLSearchParams()
    for (const id of ids) {
      qs.append("id[]", id)
    }
    qs.set("limit", String(ids.length))
    qs.set("offset", "0")
    if (!caller.keyChannelIds?.length) {
      for (const c of channels) {
        qs.append("sales_channel_id[]", c)
      }
    }
    for (const key of [
      "q",
      "region_id",
      "currency_code",
      "expand",
      "fields",
    ] as const) {
      if (params[key] !== undefined) {
        qs.set(key, params[key] as string)
      }
    }
    const res = await internalGet(
      `${this.baseUrl_}/store/products?${qs.toString()}`,
      {
        ...caller.forward,
        "x-catalogue-bypass": this.internalToken,
        accept: "application/json",
      }
    )
    const text = res.text
    if (res.status !== 200) {
      this.state_.stats.renderErrors++
      throw new Error(
        `rendering ${ids.length} products through core answered ${res.status}: ${text.slice(0, 300)}`
      )
    }
    const parsed = JSON.parse(text) as { products: Array<{ id: string }> }
    return new Map(parsed.products.map((p) => [p.id, JSON.stringify(p)]))
  }
}
