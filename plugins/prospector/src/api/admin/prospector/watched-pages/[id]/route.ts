import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { objectBody } from "@shabou/api-params"

import type WatchedPageService from "../../../../../services/watched-page"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: WatchedPageService = req.scope.resolve("watchedPageService")
  res.json({ watched_page: await service.retrievePage(req.params.id) })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: WatchedPageService = req.scope.resolve("watchedPageService")
  res.json({
    watched_page: await service.updatePage(req.params.id, objectBody(req.body)),
  })
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: WatchedPageService = req.scope.resolve("watchedPageService")
  await service.deletePage(req.params.id)
  res.json({ id: req.params.id, object: "watched_page", deleted: true })
}
