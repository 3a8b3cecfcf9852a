import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import cors from "cors"
import { parseCorsOrigins } from "medusa-core-utils"
import {
  compressed,
  etagMatches,
  pickEncoding,
  plainBody,
  type CachedAnswer,
} from "../../lib/answer-cache"

/** Where an answer came from (header `x-catalogue`). */
export type Source = "model" | "cache" | "core"

let corsFor: ReturnType<typeof cors> | null = null

/**
 * The store's CORS headers, as core's store router sets them (our answers end before it), once
 * per request.
 */
export function withCors(
  req: MedusaRequest,
  res: MedusaResponse,
  then: () => void
): void {
  if (res.locals.storeCors) {
    return then()
  }
  res.locals.storeCors = true
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

/** Sends a read model or cached answer: ETag (304 on a match), compression, `x-catalogue`. */
export function sendAnswer(
  req: MedusaRequest,
  res: MedusaResponse,
  answer: CachedAnswer,
  source: Source
): void {
  withCors(req, res, () => {
    res.setHeader("x-catalogue", source)
    res.setHeader("ETag", answer.etag)
    // added to CORS's "Origin", not in its place
    res.vary("Accept-Encoding")
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
    const encoding = pickEncoding(req.get("accept-encoding"), answer.size)
    if (encoding) {
      res.setHeader("Content-Encoding", encoding)
      res.end(compressed(answer, encoding))
      return
    }
    res.end(plainBody(answer))
  })
}

/** The request goes on to core's route. */
export function toCore(res: MedusaResponse, next: MedusaNextFunction): void {
  res.setHeader("x-catalogue", "core")
  next()
}

let lastFailure = 0

/**
 * A refused request (MedusaError: a bad parameter) is answered as such, with the store's CORS
 * headers (core's store router, which would set them, comes after us); any other failure of the
 * read model is logged and the request goes to core, which answers it the slow way.
 */
export function failed(
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
    return res.headersSent ? next(e) : withCors(req, res, () => next(e))
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
