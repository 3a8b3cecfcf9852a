import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/medusa"
import authenticateCustomer from "@medusajs/medusa/dist/api/middlewares/authenticate-customer"
import cors from "cors"
import { parseCorsOrigins } from "medusa-core-utils"
import { MedusaError } from "@medusajs/utils"
import { list } from "@shabou/api-params"
import {
  compressed,
  etagMatches,
  makeAnswer,
  pickEncoding,
  type CachedAnswer,
} from "../lib/answer-cache"
import {
  checkPage,
  normalisedQuery,
  parseListQuery,
  parseRetrieveQuery,
} from "../lib/catalogue-request"
import type CatalogueService from "../services/catalogue"
import { withoutKey, type Answer, type Caller } from "../services/catalogue"
import type CatalogueCacheService from "../services/catalogue-cache"

/**
 * The store read path: answers from the catalogue read model and its cache before core Medusa's
 * routes, for everything the read model covers; the rest goes on to core (header
 * `x-catalogue: core`). `x-catalogue: model` is an answer built from the read model,
 * `cache` one served from the answer cache.
 */

type Source = "model" | "cache" | "core"

const customerAuth = authenticateCustomer()
let corsFor: ReturnType<typeof cors> | null = null

function services(req: MedusaRequest) {
  return {
    catalogue: req.scope.resolve("catalogueService") as CatalogueService,
    cache: req.scope.resolve("catalogueCacheService") as CatalogueCacheService,
  }
}

/** Waits for this instance's own writes to reach the read model (see CatalogueService.syncAfterWrite). */
async function synced(
  req: MedusaRequest,
  catalogue: CatalogueService
): Promise<void> {
  const search = req.scope.resolve("postgresSearchService") as {
    drainDirty: (batch: number) => Promise<number>
  }
  await catalogue.syncAfterWrite((batch) => search.drainDirty(batch))
}

/** Every write request through this instance (admin edits, carts and orders): noted when answered. */
export function noteWrites(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const catalogue = req.scope.resolve("catalogueService") as CatalogueService
  res.on("finish", () => catalogue.noteWrite())
  next()
}

/** Our own rendering requests, and (in tests only) a request asking for core's answer. */
function bypassed(req: MedusaRequest, catalogue: CatalogueService): boolean {
  const flag = req.get("x-catalogue-bypass")
  if (!flag) {
    return false
  }
  return (
    flag === catalogue.internalToken ||
    (flag === "1" && process.env.CATALOGUE_ALLOW_BYPASS === "true")
  )
}

/** The store's CORS headers, as core's store router sets them (our answers end before it). */
function withCors(
  req: MedusaRequest,
  res: MedusaResponse,
  then: () => void
): void {
  if (!corsFor) {
    const config = req.scope.resolve("configModule") as {
      projectConfig: { store_cors?: string }
    }
    corsFor = cors({
      origin: parseCorsOrigins(config.projectConfig.store_cors || ""),
      credentials: true,
    })
  }
  corsFor(req as any, res as any, then)
}

export function sendAnswer(
  req: MedusaRequest,
  res: MedusaResponse,
  answer: CachedAnswer,
  source: Source
): void {
  withCors(req, res, () => {
    res.setHeader("x-catalogue", source)
    res.setHeader("ETag", answer.etag)
    res.setHeader("Vary", "Accept-Encoding")
    res.setHeader("Cache-Control", "no-cache")
    if (
      answer.status === 200 &&
      etagMatches(req.get("if-none-match"), answer.etag)
    ) {
      res.status(304).end()
      return
    }
    res.status(answer.status)
    res.setHeader("Content-Type", "application/json; charset=utf-8")
    const encoding = pickEncoding(
      req.get("accept-encoding"),
      answer.body.length
    )
    if (encoding) {
      res.setHeader("Content-Encoding", encoding)
      res.end(compressed(answer, encoding))
      return
    }
    res.end(answer.body)
  })
}

function toCore(res: MedusaResponse, next: MedusaNextFunction): void {
  res.setHeader("x-catalogue", "core")
  next()
}

let lastFailure = 0

/**
 * A refused request (MedusaError: a bad parameter) is answered as such; any other failure of the
 * read model is logged and the request goes to core, which answers it the slow way.
 */
function failed(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
  e: unknown
): void {
  // by its type, not instanceof: @shabou/api-params may hold another copy of the class
  const type = (e as { type?: unknown } | null)?.type
  if (
    (Object.values(MedusaError.Types) as unknown[]).includes(type) ||
    res.headersSent
  ) {
    return next(e)
  }
  if (Date.now() - lastFailure > 60000) {
    lastFailure = Date.now()
    const logger = req.scope.resolve("logger") as { warn: (m: string) => void }
    logger.warn(
      `catalogue: ${req.method} ${req.path} answered by core after a read-model failure: ${(e as Error).message}`
    )
  }
  toCore(res, next)
}

/** The caller: signed-in customer (session or bearer, as core reads them) and publishable key. */
async function callerOf(
  req: MedusaRequest,
  res: MedusaResponse
): Promise<Caller | null> {
  const forward: Record<string, string> = {}
  for (const h of ["authorization", "cookie", "x-publishable-api-key"]) {
    const v = req.get(h)
    if (v) {
      forward[h] = v
    }
  }
  let customerId: string | undefined
  if (forward.authorization || forward.cookie) {
    await new Promise<void>((resolve, reject) =>
      customerAuth(req as any, res as any, (e?: unknown) =>
        e ? reject(e) : resolve()
      )
    )
    customerId = (req.user as { customer_id?: string } | undefined)?.customer_id
  }
  let keyChannelIds: string[] | undefined
  if (forward["x-publishable-api-key"]) {
    const scopes = await req.scope
      .resolve("publishableApiKeyService")
      .getResourceScopes(forward["x-publishable-api-key"])
      .catch(() => null)
    if (!scopes) {
      return null
    }
    keyChannelIds = scopes.sales_channel_ids?.length
      ? scopes.sales_channel_ids
      : undefined
  }
  return { customerId, forward, keyChannelIds }
}

/** The channels a listing may show: the publishable key's, the request's, else the store's default. */
async function channelsOf(
  req: MedusaRequest,
  caller: Caller,
  catalogue: CatalogueService
): Promise<string[] | null> {
  const asked = list(
    (req.query as Record<string, unknown>).sales_channel_id,
    "sales_channel_id"
  )
  if (caller.keyChannelIds) {
    // asked channels outside the key's scopes: core answers its 400
    return !asked
      ? caller.keyChannelIds
      : asked.every((c) => caller.keyChannelIds?.includes(c))
        ? asked
        : null
  }
  if (asked) {
    return asked
  }
  const def = await catalogue.defaultChannel()
  return def ? [def] : null
}

/**
 * What both product routes do first: core's answer when bypassed, this instance's writes synced,
 * the parameters parsed, and the caller; null when core answers (already passed on).
 */
async function prepare<T>(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
  parse: (
    query: Record<string, unknown>
  ) => { covered: true; request: T } | { covered: false }
): Promise<{
  catalogue: CatalogueService
  cache: CatalogueCacheService
  request: T
  caller: Caller
  query: Record<string, unknown>
} | null> {
  const { catalogue, cache } = services(req)
  if (bypassed(req, catalogue)) {
    toCore(res, next)
    return null
  }
  await synced(req, catalogue)
  const query = req.query as Record<string, unknown>
  const parsed = parse(query)
  const caller =
    parsed.covered && catalogue.ready ? await callerOf(req, res) : null
  if (!parsed.covered || !caller) {
    toCore(res, next)
    return null
  }
  return { catalogue, cache, request: parsed.request, caller, query }
}

/** GET /store/products */
export async function catalogueList(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const ready = await prepare(req, res, next, parseListQuery)
    if (!ready) {
      return
    }
    const { catalogue, cache, request, caller, query } = ready
    const channels = await channelsOf(req, caller, catalogue)
    const context =
      channels && (await catalogue.resolve(request.render, caller))
    if (!channels || !context) {
      return toCore(res, next)
    }
    const key = `L:${catalogue.generations.products}|${context.key}|${channels.join(",")}|${normalisedQuery(query)}`
    await fromCacheOrModel(req, res, next, cache, key, () =>
      catalogue.list(request, channels, caller, context)
    )
  } catch (e) {
    failed(req, res, next, e)
  }
}

/** The cached answer under `key`, else the read model's (kept for the next time), else core's. */
async function fromCacheOrModel(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
  cache: CatalogueCacheService,
  key: string,
  build: () => Promise<Answer | null>
): Promise<void> {
  const hit = await cache.get(key)
  if (hit) {
    return sendAnswer(req, res, hit, "cache")
  }
  // one build per key at a time: the requests that miss while it runs wait for its answer
  let building = building_.get(key)
  if (!building) {
    building = (async () => {
      const answer = await build()
      if (!answer) {
        return null
      }
      const cached = makeAnswer(answer.status, answer.body, answer.expiresAt)
      // in this instance's memory at once; the answer does not wait for Redis to take it
      void cache.set(key, cached)
      return cached
    })().finally(() => building_.delete(key))
    building_.set(key, building)
  }
  const cached = await building
  if (!cached) {
    return toCore(res, next)
  }
  sendAnswer(req, res, cached, "model")
}

/** answers being built, by cache key (see fromCacheOrModel) */
const building_ = new Map<string, Promise<CachedAnswer | null>>()

/** GET /store/products/:id */
export async function catalogueRetrieve(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const ready = await prepare(req, res, next, parseRetrieveQuery)
    if (!ready) {
      return
    }
    const { catalogue, cache, request, caller } = ready
    const context = await catalogue.resolve(request, withoutKey(caller))
    if (!context) {
      return toCore(res, next)
    }
    const id = req.params.id
    // tagged with the product's own version: another product's change leaves this page cached
    const key = `P:${catalogue.versionOf(id)}|${context.key}|${caller.keyChannelIds?.join(",") ?? ""}|${id}`
    await fromCacheOrModel(req, res, next, cache, key, () =>
      catalogue.retrieve(id, caller, context)
    )
  } catch (e) {
    failed(req, res, next, e)
  }
}

/**
 * Answers that core (or another plugin's route) builds, kept in the answer cache: search, and the
 * lists a storefront loads on every page (vehicles, brands, categories). `tags` says which
 * generations the answer depends on.
 */
export function cachedAnswer(tags: Array<"products" | "lists">) {
  return async function cachedAnswerMiddleware(
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    try {
      const { catalogue, cache } = services(req)
      if (res.locals.catalogueCached) {
        return next()
      }
      res.locals.catalogueCached = true
      if (req.method === "GET") {
        checkPage(req.query as Record<string, unknown>)
      }
      if (bypassed(req, catalogue)) {
        return toCore(res, next)
      }
      await synced(req, catalogue)
      const gens = tags.map((t) => catalogue.generations[t]).join(".")
      const body = req.method === "POST" ? JSON.stringify(req.body ?? null) : ""
      const key = `A:${gens}|${req.get("x-publishable-api-key") ?? ""}|${req.method} ${req.path}?${normalisedQuery(
        req.query as Record<string, unknown>
      )}|${body}`
      const hit = await cache.get(key)
      if (hit) {
        return sendAnswer(req, res, hit, "cache")
      }
      const json = res.json.bind(res)
      res.json = ((payload: unknown) => {
        if (res.statusCode !== 200) {
          return json(payload)
        }
        const answer = makeAnswer(200, JSON.stringify(payload))
        void cache.set(key, answer)
        sendAnswer(req, res, answer, "model")
        return res
      }) as typeof res.json
      next()
    } catch (e) {
      next(e)
    }
  }
}
