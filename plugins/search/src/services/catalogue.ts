import { Lifetime } from "awilix"
import { MedusaError } from "@medusajs/utils"
import { randomBytes } from "crypto"
import http from "http"
import type { EntityManager } from "typeorm"
import {
  contextKey,
  type ListRequest,
  type RenderParams,
} from "../lib/catalogue-request"
import {
  CATEGORY_IDS_SQL,
  countSql,
  KEPT_ORDER_MAX,
  listBody,
  listSql,
  orderedIdsSql,
  pageByIdsSql,
  retrieveSql,
  type Resolved as ResolvedFilters,
} from "../lib/catalogue-sql"

type Logger = { info: (m: string) => void; warn: (m: string) => void }

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
}

/** Who is asking, as far as a product's JSON depends on it. */
export type Caller = {
  customerId?: string
  /** headers forwarded to core when a body is rendered for this caller */
  forward: Record<string, string>
  /** the publishable key's sales channels, when the request carries a key with some */
  keyChannelIds?: string[]
}

export type Answer = {
  status: number
  body: string
  productIds: string[]
  expiresAt?: number
}

/**
 * The caller as core's product page sees it once the publishable key is checked: core's listing adds
 * `sales_channels` to every product of a keyed request, its product page does not, so a page is
 * rendered without the key (limited to the product's channels instead).
 */
export function withoutKey(caller: Caller): Caller {
  const forward = { ...caller.forward }
  delete forward["x-publishable-api-key"]
  return { customerId: caller.customerId, forward }
}

/** A rendering context resolved against the database (cart → region, customer → groups). */
export type Resolved = { key: string; params: RenderParams }

const RENDER_BATCH = 200
/** batches rendered at once while warming (core's JSON work and the database overlap) */
const WARM_PARALLEL = 2
const WARM_PER_TICK = 2000
/** listing counts and resolved category filters kept in memory (a few bytes each; the oldest go first) */
const KEPT_VALUES = 20000
/** listings whose ordered ids are kept (each at most `keptOrderMax` ids: 1,000 are about 60 kB; a vehicle's, about 12 kB) */
const KEPT_ORDERS = 1500
/** how long a complete set of eager bodies is trusted without a change */
const WARM_RECHECK_MS = 60000

/**
 * The catalogue read model (see the plugin README): one indexed query per store read over
 * `search_document` + `catalogue_body`. A body is each product's JSON exactly as core Medusa's
 * store route renders it for a context; a missing or stale one is rendered by asking core itself
 * (an internal request through the whole HTTP stack, flagged to bypass the read model), stored
 * with the document version it was rendered from, and reused until the product changes.
 */
export default class CatalogueService {
  /** one per process: it holds the rendering server, the generations and the memory cache */
  static LIFE_TIME = Lifetime.SINGLETON

  protected manager_: EntityManager
  protected logger_: Logger
  /** the secret that marks our own rendering requests (bypass the read model, never cached) */
  readonly internalToken = randomBytes(24).toString("hex")
  private baseUrl_: string | null = null
  private generations_ = { products: 0, lists: 0 }
  private defaultChannel_: { id: string | null; at: number } | null = null
  private regions_: { ids: Map<string, string>; lists: number } | null = null
  private warming_ = false
  private seenAt_ = 0
  /** the generations at which the eager contexts were last found complete, and when to look again */
  private complete_: { products: number; lists: number; until: number } | null =
    null
  /** each product's document version as this instance last saw it (the tag of its page's cache entries) */
  private versions_ = new Map<string, string>()
  private maxVersion_ = "0"
  /** listing counts by generation and filters (see `count`) */
  private counts_ = new Map<string, Promise<number>>()
  /** where each eager context's warming pass stands, in the newest-first order (see `warm`) */
  private cursors_ = new Map<
    string,
    { generation: string; created: string; id: string }
  >()
  /** category filters resolved, by generation (see `resolveFilters`) */
  private categories_ = new Map<string, Promise<string[]>>()
  /** the ids of the listings that match few products, in order, by generation and filters (see `orderedIds`) */
  private orders_ = new Map<
    string,
    Promise<{ ids: string[] | null; generation: string }>
  >()
  /** whether a vehicle exists, by lists generation and id (a vehicle's change moves the generation) */
  private vehicles_ = new Map<string, Promise<boolean>>()
  readonly stats = { model: 0, rendered: 0, core: 0, renderErrors: 0 }

  /** listings matching at most this many products keep their ordered ids (plugin option `keptOrderMax`) */
  private keptOrderMax_: number

  constructor(
    container: InjectedDependencies,
    options: { keptOrderMax?: number } = {}
  ) {
    this.manager_ = container.manager
    this.logger_ = container.logger
    const max = options.keptOrderMax ?? KEPT_ORDER_MAX
    if (!Number.isInteger(max) || max < 0 || max > 100000) {
      throw new Error(
        `search plugin option keptOrderMax (CATALOGUE_KEPT_ORDER_MAX) must be a whole number from 0 to 100000, got ${options.keptOrderMax}`
      )
    }
    this.keptOrderMax_ = max
    // the store rate limit (scripts/lib/security.js) lets this process's own rendering requests through
    process.env.CATALOGUE_INTERNAL_TOKEN = this.internalToken
  }

  private written_ = false
  private syncing_: Promise<void> | null = null

  /** A write went through this instance (an admin edit, an order): the next store read waits for it. */
  noteWrite(): void {
    this.written_ = true
  }

  /**
   * Read-your-writes on this instance: after a write here, the next store read first drains the
   * queue (and waits for a drain another tick holds) so that it answers from the new data.
   * Writes made elsewhere (another instance, a command line) are seen at the next tick (200 ms).
   */
  async syncAfterWrite(
    drain: (batch: number) => Promise<number>
  ): Promise<void> {
    if (!this.written_) {
      return
    }
    if (!this.syncing_) {
      this.written_ = false
      this.syncing_ = (async () => {
        const started = Date.now()
        for (;;) {
          while ((await drain(500)) > 0) {
            // until nothing is left for this instance
          }
          const [{ left }] = await this.manager_.query(
            `SELECT count(*)::int AS left FROM search_dirty`
          )
          if (!left || Date.now() - started > 2000) {
            break
          }
          // rows another drain holds right now: wait for its commit
          await new Promise((r) => setTimeout(r, 20))
        }
        await this.refreshGenerations()
      })().finally(() => {
        this.syncing_ = null
      })
    }
    await this.syncing_
  }

  /** Called once the HTTP server listens: bodies are rendered through it. */
  attachServer(baseUrl: string): void {
    this.baseUrl_ = baseUrl.replace(/\/$/, "")
  }

  get ready(): boolean {
    return this.baseUrl_ !== null
  }

  get generations(): { products: number; lists: number } {
    return this.generations_
  }

  /** Reads the generations the answer cache is keyed on (every tick, on every instance). */
  async refreshGenerations(): Promise<{ products: number; lists: number }> {
    const [row] = await this.manager_.query(
      `SELECT products_generation::int AS products, lists_generation::int AS lists FROM catalogue_state WHERE id = 1`
    )
    if (row) {
      this.generations_ = { products: row.products, lists: row.lists }
    }
    const changed: { id: string; version: string }[] =
      await this.manager_.query(
        `SELECT product_id AS id, version::text AS version FROM search_document WHERE version > $1::bigint ORDER BY version`,
        [this.maxVersion_]
      )
    for (const c of changed) {
      this.versions_.set(c.id, c.version)
      this.maxVersion_ = c.version
    }
    return this.generations_
  }

  /** The version of a product's document as this instance knows it: the tag of its page's answers. */
  versionOf(id: string): string {
    return this.versions_.get(id) ?? "0"
  }

  async defaultChannel(): Promise<string | null> {
    if (!this.defaultChannel_ || Date.now() - this.defaultChannel_.at > 10000) {
      const [row] = await this.manager_.query(
        `SELECT default_sales_channel_id AS id FROM store LIMIT 1`
      )
      this.defaultChannel_ = { id: row?.id ?? null, at: Date.now() }
    }
    return this.defaultChannel_.id
  }

  /** Region id → currency, cached per lists generation (a region change moves it). */
  async regions(): Promise<Map<string, string>> {
    if (!this.regions_ || this.regions_.lists !== this.generations_.lists) {
      const rows: { id: string; currency_code: string }[] =
        await this.manager_.query(
          `SELECT id, currency_code FROM region WHERE deleted_at IS NULL ORDER BY id`
        )
      this.regions_ = {
        ids: new Map(rows.map((r) => [r.id, r.currency_code])),
        lists: this.generations_.lists,
      }
    }
    return this.regions_.ids
  }

  /** The contexts every product is rendered in ahead of time: no region, and each region. */
  async eagerContexts(): Promise<Resolved[]> {
    const regions = await this.regions()
    // the regions first: a storefront sends its region
    return [
      ...[...regions.keys()].map((id) => ({
        key: contextKey({ regionId: id }),
        params: { region_id: id },
      })),
      { key: contextKey({}), params: {} },
    ]
  }

  /**
   * The context of a request, or null when core must answer (an unknown region or cart: core
   * words its own error).
   */
  async resolve(
    params: RenderParams,
    caller: Caller
  ): Promise<Resolved | null> {
    let regionId = params.region_id
    let currency = params.currency_code
    if (params.cart_id) {
      const [cart] = await this.manager_.query(
        `SELECT region_id FROM cart WHERE id = $1 AND deleted_at IS NULL`,
        [params.cart_id]
      )
      if (!cart) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `cart_id: no cart with id ${params.cart_id}`
        )
      }
      regionId = cart.region_id
      currency = undefined
    }
    if (regionId) {
      if (!(await this.regions()).has(regionId)) {
        return null
      }
      currency = undefined
    }
    let groups: string[] | undefined
    if (caller.customerId) {
      const rows: { id: string }[] = await this.manager_.query(
        `SELECT customer_group_id AS id FROM customer_group_customers WHERE customer_id = $1 ORDER BY 1`,
        [caller.customerId]
      )
      groups = rows.map((r) => r.id)
    }
    const render: RenderParams = {
      q: params.q,
      region_id: regionId,
      currency_code: currency,
      expand: params.expand,
      fields: params.fields,
    }
    return {
      key: contextKey({
        regionId,
        currencyCode: currency,
        customerGroupIds: groups,
        keyChannelIds: caller.keyChannelIds,
        expand: params.expand,
        fields: params.fields,
        freeText: params.q !== undefined,
      }),
      params: render,
    }
  }

  /** A store listing in a resolved context (see `resolve`), or null when core must answer. */
  async list(
    request: ListRequest,
    channels: string[],
    caller: Caller,
    context: Resolved
  ): Promise<Answer | null> {
    if (request.filters.vehicleIds) {
      const lists = this.generations_.lists
      const known = await Promise.all(
        request.filters.vehicleIds.map((id) =>
          kept(this.vehicles_, `${lists}|${id}`, () =>
            this.manager_
              .query(`SELECT 1 FROM vehicle WHERE id = $1`, [id])
              .then((r: unknown[]) => r.length > 0)
          )
        )
      )
      const unknown = request.filters.vehicleIds.filter((_, i) => !known[i])
      if (unknown.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `vehicle_id: no vehicle with id ${unknown.join(", ")}`
        )
      }
    }
    // core loads no relation at all with `expand=` and reads the page again through another query
    // (`find`): its count is then the page's length and a filter on ids replaces the page; left to
    // core. Sorting by price there fails in core (500): a 400 instead, when there is a page to sort.
    const coreOnly =
      request.render.expand === "" &&
      !caller.keyChannelIds &&
      request.filters.q === undefined
    if (coreOnly && request.order.field !== "price") {
      return null
    }
    const filters = await this.resolveFilters(request)
    type PageRow = {
      id: string
      version: string
      body: string | null
      expires: string | null
      generation: string
    }
    let rows: PageRow[] | null = null
    let total: number | null = null
    const order = await this.orderedIds(request, channels, filters)
    if (order) {
      // a listing of few products: its page by id, its count the length of its ids
      const ids = order.ids.slice(
        request.offset,
        request.offset + request.limit
      )
      const page = ids.length ? pageByIdsSql(ids, context.key) : null
      const read: PageRow[] = page
        ? await this.manager_.query(page.sql, page.params)
        : []
      if (
        read.length === ids.length &&
        read.every((r) => r.generation === order.generation)
      ) {
        rows = read
        total = order.ids.length
      }
      // else the catalogue changed between the two statements: read the page as any other
    }
    if (!rows) {
      const { sql, params } = listSql(request, channels, filters, context.key)
      rows = (await this.manager_.query(sql, params)) as PageRow[]
    }
    if (coreOnly) {
      if (rows.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "order: sorting by variants.prices.amount needs the variants' prices: leave expand out, or include variants.prices in it"
        )
      }
      return null
    }
    // a page shorter than asked is the last one: the count is where it ends (a product page by handle)
    total ??=
      rows.length && rows.length < request.limit
        ? request.offset + rows.length
        : await this.count(request, channels, filters, rows[0]?.generation)
    if (rows.some((r) => r.body === "")) {
      // a product core would not render for this caller (e.g. outside its channels)
      this.stats.core++
      return null
    }
    const missing = rows.filter((r) => r.body === null)
    if (missing.length) {
      const rendered = await this.render(missing, context, channels, caller)
      for (const r of missing) {
        const body = rendered.get(r.id)
        if (body === undefined) {
          // core would not render it for this caller (e.g. it left the channel meanwhile)
          this.stats.core++
          return null
        }
        r.body = body
      }
    }
    this.stats.model++
    return {
      status: 200,
      body: listBody(
        rows.map((r) => r.body as string),
        total,
        request.offset,
        request.limit
      ),
      productIds: rows.map((r) => r.id),
      expiresAt: earliest(rows.map((r) => r.expires)),
    }
  }

  /**
   * The values a listing's filters stand for (see `Resolved` in lib/catalogue-sql): the categories,
   * kept until the catalogue changes (a category's change queues the products below it, which moves
   * the products generation).
   */
  async resolveFilters(request: ListRequest): Promise<ResolvedFilters> {
    const f = request.filters
    if (!f.categoryIds) {
      return {}
    }
    const asked = [...f.categoryIds].sort()
    const key = `${this.generations_.products}.${this.generations_.lists}|${f.includeCategoryChildren ? 1 : 0}|${asked.join(",")}`
    const ids = kept(this.categories_, key, () =>
      this.manager_
        .query(CATEGORY_IDS_SQL, [asked, Boolean(f.includeCategoryChildren)])
        .then((r: { ids: string[] }[]) => r[0].ids)
    )
    return { categoryIds: await ids }
  }

  /**
   * How many products a listing's filters match. Kept per filter set and catalogue generation (read
   * in the page's own statement, so that a page and its count always come from the same data): the
   * pages of one listing share one count, computed once until the catalogue changes; concurrent
   * requests for the same count wait for one statement.
   */
  async count(
    request: ListRequest,
    channels: string[],
    filters: ResolvedFilters,
    generation?: string
  ): Promise<number> {
    const { sql, params } = countSql(request, channels, filters)
    if (generation === undefined) {
      // a page past the end: no row carries the generation
      const [{ total }] = await this.manager_.query(sql, params)
      return total
    }
    return kept(
      this.counts_,
      `${generation}|${sql}|${JSON.stringify(params)}`,
      () =>
        this.manager_
          .query(sql, params)
          .then((r: { total: number }[]) => r[0].total)
    )
  }

  /**
   * The ids a listing's filters match, in its order, when they are few (option `keptOrderMax`): one
   * statement per filter set, order and generation, kept until the catalogue changes, so the
   * listing's other pages and its count need no search (the pages of a shopper's vehicle). Null for
   * a larger listing (its pages walk an index in their order and stop at their last row).
   */
  async orderedIds(
    request: ListRequest,
    channels: string[],
    filters: ResolvedFilters
  ): Promise<{ ids: string[]; generation: string } | null> {
    if (!this.keptOrderMax_) {
      return null
    }
    const known = `${this.generations_.products}.${this.generations_.lists}`
    const max = this.keptOrderMax_
    const { sql, params } = orderedIdsSql(request, channels, filters, max)
    const key = `${known}|${sql}|${JSON.stringify(params)}`
    const found = await kept(
      this.orders_,
      key,
      () =>
        this.manager_
          .query(sql, params)
          .then(([r]: { ids: string[]; generation: string }[]) => ({
            ids: r.ids.length > max ? null : r.ids,
            generation: r.generation,
          })),
      KEPT_ORDERS
    )
    if (found.generation !== known) {
      // read at a generation this instance has not seen yet: good for this request, not to keep
      this.orders_.delete(key)
    }
    return found.ids ? { ids: found.ids, generation: found.generation } : null
  }

  /** `GET /store/products/:id`: a draft or deleted product is a 404; null when core must answer. */
  async retrieve(
    id: string,
    caller: Caller,
    context: Resolved
  ): Promise<Answer | null> {
    const q = retrieveSql("id", id, context.key)
    const [row]: {
      id: string
      version: string
      status: string
      channels: string[]
      body: string | null
      expires: string | null
    }[] = await this.manager_.query(q.sql, q.params)
    const keyed = caller.keyChannelIds
    if (
      keyed &&
      row?.status !== "draft" &&
      !(
        row?.status === "published" &&
        row.channels.some((c) => keyed.includes(c))
      )
    ) {
      // a publishable key and a product outside its channels (or none, or deleted): core answers its 400
      return null
    }
    if (!row) {
      // not in the read model: a product created a moment ago, or none (core says which)
      const [product] = await this.manager_.query(
        `SELECT status FROM product WHERE id = $1 AND deleted_at IS NULL`,
        [id]
      )
      if (product && product.status === "published") {
        return null
      }
      return notFound(id)
    }
    if (row.status !== "published") {
      return notFound(id)
    }
    let body = row.body
    if (body === "") {
      return null
    }
    if (body === null) {
      const rendered = await this.render(
        [row],
        context,
        row.channels,
        withoutKey(caller)
      )
      body = rendered.get(id) ?? null
      if (body === null) {
        return null
      }
    }
    this.stats.model++
    return {
      status: 200,
      body: `{"product":${body}}`,
      productIds: [id],
      expiresAt: earliest([row.expires]),
    }
  }

  /**
   * Renders products through core (batches of 100), stores each body with the document version
   * it was read at (a product changed meanwhile keeps no stale body) and the time its prices
   * change next (a price list starting or ending).
   */
  async render(
    rows: { id: string; version: string }[],
    context: Resolved,
    channels: string[],
    caller: Caller
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>()
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
        if (body) {
          out.set(r.id, body)
        }
        ids.push(r.id)
        versions.push(r.version)
        texts.push(body)
      }
      if (ids.length) {
        await this.manager_.query(STORE_BODIES_SQL, [
          ids,
          versions,
          texts,
          context.key,
        ])
      }
      this.stats.rendered += ids.length
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
      this.stats.renderErrors++
      throw new Error(
        `rendering ${ids.length} products through core answered ${res.status}: ${text.slice(0, 300)}`
      )
    }
    const parsed = JSON.parse(text) as { products: Array<{ id: string }> }
    return new Map(parsed.products.map((p) => [p.id, JSON.stringify(p)]))
  }

  /**
   * Renders the bodies the eager contexts lack (after a change, at first start), up to
   * WARM_PER_TICK products per call; returns how many it rendered.
   */
  async warm(limit = WARM_PER_TICK): Promise<number> {
    if (!this.baseUrl_ || this.warming_) {
      return 0
    }
    if (Date.now() - this.seenAt_ > 5000) {
      // tells `npm run catalogue:rebuild` that a server renders the bodies
      this.seenAt_ = Date.now()
      await this.manager_.query(
        `UPDATE catalogue_state SET renderer_seen_at = now() WHERE id = 1`
      )
    }
    const gens = this.generations_
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
      for (const context of await this.eagerContexts()) {
        while (done < limit) {
          // a pass goes down the newest-first index from where the last batch stopped (the products
          // above have their bodies): each batch reads its own rows, not every rendered one again
          const from = this.cursors_.get(context.key)
          const cursor = from?.generation === generation ? from : undefined
          const rows: {
            id: string
            version: string
            channels: string[]
            created: string
          }[] = await this.manager_.query(
            `SELECT d.product_id AS id, d.version::text AS version, d.sales_channel_ids AS channels, d.product_created_at::text AS created
               FROM search_document d
              WHERE d.status = 'published' AND cardinality(d.sales_channel_ids) > 0
                AND NOT (d.product_id = ANY($3::text[]))
                AND ($4::timestamptz IS NULL OR (d.product_created_at, d.product_id) < ($4::timestamptz, $5::text))
                AND NOT EXISTS (SELECT 1 FROM catalogue_body b WHERE b.product_id = d.product_id AND b.context = $1
                                   AND b.version = d.version AND (b.expires_at IS NULL OR b.expires_at > now()))
              ORDER BY d.product_created_at DESC, d.product_id DESC
              LIMIT $2`,
            [
              context.key,
              RENDER_BATCH * WARM_PARALLEL,
              skipped,
              cursor?.created ?? null,
              cursor?.id ?? null,
            ]
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
          const batches: (typeof rows)[] = []
          for (let i = 0; i < rows.length; i += RENDER_BATCH) {
            batches.push(rows.slice(i, i + RENDER_BATCH))
          }
          await Promise.all(
            batches.map(async (batch) => {
              // rendered with every channel they are in: core filters by channel, the body does not depend on it
              const channels = [...new Set(batch.flatMap((r) => r.channels))]
              const rendered = await this.render(batch, context, channels, {
                forward: {},
              }).catch((e) => {
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

  /** How far the read model is: products, bodies missing in the eager contexts, queue length. */
  async status(): Promise<{
    products: number
    pending: number
    queued: number
    ready: boolean
    generations: { products: number; lists: number }
    stats: CatalogueService["stats"]
  }> {
    const contexts = await this.eagerContexts()
    const [row] = await this.manager_.query(
      `SELECT (SELECT count(*)::int FROM search_document WHERE status = 'published') AS products,
              (SELECT count(*)::int FROM search_dirty) AS queued,
              (SELECT count(*)::int FROM search_document d, unnest($1::text[]) AS c(key)
                WHERE d.status = 'published' AND cardinality(d.sales_channel_ids) > 0
                  AND NOT EXISTS (SELECT 1 FROM catalogue_body b WHERE b.product_id = d.product_id AND b.context = c.key
                                     AND b.version = d.version AND (b.expires_at IS NULL OR b.expires_at > now()))) AS pending`,
      [contexts.map((c) => c.key)]
    )
    return {
      products: row.products,
      pending: row.pending,
      queued: row.queued,
      ready: row.pending === 0 && row.queued === 0,
      generations: this.generations_,
      stats: this.stats,
    }
  }
}

/**
 * A GET to this same server on a connection of its own, closed after the answer: no kept-alive
 * socket holds up the server's graceful shutdown.
 */
function internalGet(
  url: string,
  headers: Record<string, string>
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString("utf8"),
        })
      )
      res.on("error", reject)
    })
    req.on("error", reject)
  })
}

/**
 * The value kept under `key`, else `make()`'s, kept (a promise: concurrent callers share one
 * statement; a failure is not kept). At most KEPT_VALUES per map, the oldest dropped first.
 */
function kept<T>(
  map: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
  limit = KEPT_VALUES
): Promise<T> {
  let value = map.get(key)
  if (!value) {
    value = make()
    map.set(key, value)
    value.catch(() => map.delete(key))
    if (map.size > limit) {
      // a Map keeps insertion order
      map.delete(map.keys().next().value as string)
    }
  }
  return value
}

/** The earliest of the bodies' expiry times (epoch ms), if any has one. */
function earliest(times: (string | null)[]): number | undefined {
  const ms = times
    .filter((t): t is string => t !== null)
    .map((t) => new Date(t).getTime())
  return ms.length ? Math.min(...ms) : undefined
}

function notFound(id: string): Answer {
  return {
    status: 404,
    body: JSON.stringify({
      type: "not_found",
      message: `Product with id: ${id} was not found`,
    }),
    productIds: [],
  }
}

/**
 * Stores rendered bodies if their document is still at the version they were rendered from;
 * `expires_at` is the next start or end of a price list on one of the product's prices.
 * $1 ids, $2 versions, $3 bodies, $4 context.
 */
const STORE_BODIES_SQL = `
INSERT INTO catalogue_body (product_id, context, version, body, expires_at, rendered_at)
SELECT x.id, $4, d.version, x.body,
       (SELECT min(t.at) FROM product_variant v
          JOIN product_variant_money_amount pvma ON pvma.variant_id = v.id AND pvma.deleted_at IS NULL
          JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
          JOIN price_list pl ON pl.id = ma.price_list_id AND pl.deleted_at IS NULL
          CROSS JOIN LATERAL (VALUES (pl.starts_at), (pl.ends_at)) AS t(at)
         WHERE v.product_id = x.id AND t.at > now()),
       now()
  FROM unnest($1::text[], $2::bigint[], $3::text[]) AS x(id, version, body)
  JOIN search_document d ON d.product_id = x.id AND d.version = x.version
 ORDER BY x.id
ON CONFLICT (product_id, context) DO UPDATE
   SET version = EXCLUDED.version, body = EXCLUDED.body, expires_at = EXCLUDED.expires_at, rendered_at = EXCLUDED.rendered_at`
