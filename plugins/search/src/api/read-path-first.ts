import type {
  MedusaContainer,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/medusa"
import type { MedusaError } from "@medusajs/utils"
import errorHandler from "@medusajs/medusa/dist/api/middlewares/error-handler"
import type { Router } from "express"
import {
  cachedAnswer,
  catalogueList,
  catalogueRetrieve,
} from "./catalogue-middleware"
import { POST as searchRoute } from "./store/products/search/route"
import { jsonBody } from "./utils/json-body"
import { withCors } from "./utils/send-answer"

type Handler = (
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) => Promise<void>

const searchAnswers = cachedAnswer(["products"])

/**
 * The search route whole: its body parsed, its cached answer, else the route's own answer (kept
 * in the cache by `searchAnswers`).
 */
const search: Handler = async (req, res, next) => {
  jsonBody(req, res, () =>
    searchAnswers(req, res, (e?: unknown) => {
      if (e) {
        return next(e)
      }
      searchRoute(req, res).catch(next)
    })
  )
}

/**
 * The store's anonymous reads (listing, product page, search) served before Medusa's own
 * middleware: the server mounts `router` ahead of Medusa's session, passport, request scope and
 * routers (scripts/lib/app.js), after its own request id, security headers and rate limits. An
 * anonymous shopper's read then skips layers that do nothing for it: about a tenth of a listing
 * miss's CPU, and most of a cached answer's. A request with a cookie or an `Authorization` header
 * (a signed-in customer: core reads the session through passport) takes the usual way, through the
 * same middleware in middlewares.ts; so does whatever the read model passes on to core (it is not
 * tried twice). Every answer, errors included, carries the store's CORS headers as core's store
 * router sets them.
 */
export function mountReadPathFirst(
  router: Router,
  container: MedusaContainer
): void {
  const medusaErrors = errorHandler()
  const first =
    (handler: Handler) =>
    (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
      if (req.headers.cookie || req.headers.authorization) {
        return next()
      }
      req.scope = container.createScope() as MedusaContainer
      withCors(req, res, () => {
        // a refused parameter is answered as Medusa's routers answer it (their error handler)
        void handler(req, res, (e?: unknown) =>
          e ? medusaErrors(e as MedusaError, req, res, next) : next()
        )
      })
    }
  router.get("/store/products", first(catalogueList))
  router.get("/store/products/:id", first(catalogueRetrieve))
  router.post("/store/products/search", first(search))
}
