import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

import type PriceAlertService from "../../../../../services/price-alert"

/** POST /admin/prospector/alerts/:id: acknowledge the alert. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: PriceAlertService = req.scope.resolve("priceAlertService")
  res.json({ alert: await service.acknowledgeAlert(req.params.id) })
}
