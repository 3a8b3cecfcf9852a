import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/medusa"
import {
  makeAnswer,
  makeAnswerOffThread,
  makeGzipAnswer,
  type CachedAnswer,
} from "../lib/answer-cache"
import { withoutKey, type Answer, type Caller } from "../lib/catalogue-answer"
import {
  checkPage,
  normalisedQuery,
  parseListQuery,
  parseRetrieveQuery,
} from "../lib/catalogue-request"
import type CatalogueService from "../services/catalogue"
import type CatalogueCacheService from "../services/catalogue-cache"
import type SearchDocumentsService from "../services/search-documents"
import { bypassed, callerOf, channelsOf } from "./utils/caller"
import { failed, sendAnswer, toCore } from "./utils/send-answer"

/**
 * The store read path: answers from the catalogue read model and its cache before core Medusa's
 * routes, for everything the read model covers; the rest goes on to core (header
 * `x-catalogue: core`). `x-catalogue: model` is an answer built from the read model,
 * `cache` one served from the answer cache.
 */

function services(req: MedusaRequest) {
  return {
    catalogue: req.scope.resolve("catalogueService") as CatalogueService,
    cache: req.scope.resolve("catalogueCacheService") as CatalogueCacheService,
  }
}

/** Waits for this instance's own writes to reach the read model (see CatalogueStateService.syncAfterWrite). */
async function synced(
  req: MedusaRequest,
  catalogue: CatalogueService
): Promise<void> {
  const documents = req.scope.resolve(
    "searchDocumentsService"
  ) as SearchDocumentsService
  await catalogue.state.syncAfterWrite((batch) => documents.drainDirty(batch))
}

/** Every write request through this instance (admin edits, carts and orders): noted when answered. */
export function noteWrites(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const catalogue = req.scope.resolve("catalogueService") as CatalogueService
  res.on("finish", () => catalogue.state.noteWrite())
  next()
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
  if (res.locals.catalogueTried) {
    // tried before Medusa's middleware (read-path-first.ts), which passed it on to core
    next()
    return null
  }
  res.locals.catalogueTried = true
  const { catalogue, cache } = services(req)
  if (bypassed(req, catalogue.renderer.internalToken)) {
    toCore(res, next)
    return null
  }
  await synced(req, catalogue)
  const query = req.query as Record<string, unknown>
  const parsed = parse(query)
  const caller =
    parsed.covered && catalogue.renderer.ready ? await callerOf(req, res) : null
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
    const channels = await channelsOf(req, caller, catalogue.state)
    const context =
      channels && (await catalogue.contexts.resolve(request.render, caller))
    if (!channels || !context) {
      return toCore(res, next)
    }
    const key = `L:${catalogue.state.generations.products}|${context.key}|${channels.join(",")}|${normalisedQuery(query)}`
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
      const cached =
        "gzip" in answer
          ? makeGzipAnswer(
              answer.status,
              answer.gzip,
              answer.size,
              answer.expiresAt
            )
          : await makeAnswerOffThread(
              answer.status,
              answer.body,
              answer.expiresAt
            )
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
    const context = await catalogue.contexts.resolve(
      request,
      withoutKey(caller)
    )
    if (!context) {
      return toCore(res, next)
    }
    const id = req.params.id
    // tagged with the product's own version: another product's change leaves this page cached
    const key = `P:${catalogue.state.versionOf(id)}|${context.key}|${caller.keyChannelIds?.join(",") ?? ""}|${id}`
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
      if (bypassed(req, catalogue.renderer.internalToken)) {
        return toCore(res, next)
      }
      await synced(req, catalogue)
      const gens = tags.map((t) => catalogue.state.generations[t]).join(".")
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
      failed(req, res, next, e)
    }
  }
}
