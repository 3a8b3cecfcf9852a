import type {
  MedusaContainer,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/medusa"
import type { MedusaError } from "@medusajs/utils"
import errorHandler from "@medusajs/medusa/dist/api/middlewares/error-handler"
import type { Router } from "express"
import { catalogueList, catalogueRetrieve } from "./catalogue-middleware"

type Handler = (
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) => Promise<void>

/**
 * The store's product reads (listing, product page) served before Medusa's own middleware: the
 * server mounts `router` ahead of Medusa's session, passport, request scope and routers
 * (scripts/lib/app.js), after its own request id, security headers and rate limits. An anonymous
 * shopper's read then skips layers that do nothing for it: about a tenth of a listing miss's CPU.
 * A request with a cookie or an `Authorization` header (a signed-in customer: core reads the
 * session through passport) takes the usual way, through the same middleware in middlewares.ts;
 * so does whatever the read model passes on to core (it is not tried twice).
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
      // a refused parameter is answered as Medusa's routers answer it (their error handler)
      void handler(req, res, (e?: unknown) =>
        e ? medusaErrors(e as MedusaError, req, res, next) : next()
      )
    }
  router.get("/store/products", first(catalogueList))
  router.get("/store/products/:id", first(catalogueRetrieve))
}
