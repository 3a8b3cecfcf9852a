import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

import type PriceWatchService from "../../../../../services/price-watch"

/** POST /admin/prospector/alerts/:id: acknowledge the alert. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: PriceWatchService = req.scope.resolve("priceWatchService")
  res.json({ alert: await service.acknowledgeAlert(req.params.id) })
}
