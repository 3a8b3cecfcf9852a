import type { MedusaContainer } from "@medusajs/medusa"
import { asValue } from "awilix"
import type { Router } from "express"
import { mountReadPathFirst } from "../api/read-path-first"

/**
 * Offers the server the store read path to mount before Medusa's middleware
 * (`catalogueReadPathFirst(router)`, see api/read-path-first.ts); a server that does not mount it
 * still serves the same reads through api/middlewares.ts.
 */
export default async function readPathFirstLoader(
  container: MedusaContainer
): Promise<void> {
  container.register({
    catalogueReadPathFirst: asValue((router: Router) =>
      mountReadPathFirst(router, container)
    ),
  })
}
