import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { objectBody } from "@shabou/api-params"

import type PriceWatchService from "../../../../services/price-watch"

/** POST /admin/prospector/watch-runs: one price-watch pass now ({ page_ids? }); answers with the run when it is over. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: PriceWatchService = req.scope.resolve("priceWatchService")
  const b = objectBody(req.body)
  if (b.page_ids !== undefined && (!Array.isArray(b.page_ids) || b.page_ids.some((x: unknown) => typeof x !== "string"))) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "page_ids: must be a list of watched page ids")
  }
  res.status(201).json({ run: await service.runPass({ trigger: "api", page_ids: b.page_ids }) })
}
