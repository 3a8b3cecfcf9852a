import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type CatalogueService from "../../../../services/catalogue"
import type CatalogueCacheService from "../../../../services/catalogue-cache"

/**
 * GET /admin/catalogue/status: how far the store read model is (published products, bodies still
 * to render in the eager contexts, changes queued), its generations and counters, and the answer
 * cache's hits and misses.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const catalogue = req.scope.resolve("catalogueService") as CatalogueService
  const cache = req.scope.resolve(
    "catalogueCacheService"
  ) as CatalogueCacheService
  const status = await catalogue.status()
  res.json({
    ...status,
    rendering: catalogue.renderer.ready,
    cache: cache.stats(),
  })
}
