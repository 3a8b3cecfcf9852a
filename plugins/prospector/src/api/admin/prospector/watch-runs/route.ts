import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { objectBody, onlyKnown } from "@shabou/api-params"

import type PriceWatchService from "../../../../services/price-watch"

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
    const manager = req.scope.resolve("manager") as {
      query: (sql: string, params: unknown[]) => Promise<Array<{ id: string }>>
    }
    const found = new Set(
      (
        await manager.query(
          `SELECT id FROM prospector_watched_page WHERE deleted_at IS NULL AND id = ANY($1)`,
          [b.page_ids]
        )
      ).map((r) => r.id)
    )
    const missing = (b.page_ids as string[]).filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `page_ids: no watched page with id ${missing.join(", ")}`
      )
    }
  }
  res.status(201).json({
    run: await service.runPass({ trigger: "api", page_ids: b.page_ids }),
  })
}
