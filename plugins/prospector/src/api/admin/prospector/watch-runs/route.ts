import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { objectBody, onlyKnown } from "@shabou/api-params"

import type PriceWatchService from "../../../../services/price-watch"
import type WatchedPageService from "../../../../services/watched-page"

/** POST /admin/prospector/watch-runs: one price-watch pass now ({ page_ids? }); answers with the run when it is over. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: PriceWatchService = req.scope.resolve("priceWatchService")
  const b = objectBody(req.body)
  onlyKnown(b, ["page_ids"], "field")
  if (b.page_ids !== undefined) {
    if (
      !Array.isArray(b.page_ids) ||
      !b.page_ids.length ||
      b.page_ids.some((x: unknown) => typeof x !== "string")
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "page_ids: must be a non-empty list of watched page ids"
      )
    }
    const pages: WatchedPageService = req.scope.resolve("watchedPageService")
    await pages.assertExist(b.page_ids)
  }
  res.status(201).json({
    run: await service.runPass({ trigger: "api", page_ids: b.page_ids }),
  })
}
