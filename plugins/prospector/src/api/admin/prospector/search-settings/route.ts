import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { onlyKnown } from "@shabou/api-params"

import { SEARCH_AREAS } from "../../../../lib/search-areas"
import { SEARCH_QUERIES } from "../../../../lib/search-queries"
import { searchSettings } from "../../../../lib/search-settings"
import type PlacesLedgerService from "../../../../services/places-ledger"

/**
 * GET /admin/prospector/search-settings: can a lead search start (is a Places key configured; a French
 * message when not), the request budget (per run, per month, used and left), the cities and queries.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  onlyKnown(req.query as Record<string, unknown>, [])
  const service: PlacesLedgerService = req.scope.resolve("placesLedgerService")
  res.json({
    settings: searchSettings(
      service.options(),
      await service.usedThisMonth(),
      SEARCH_AREAS,
      SEARCH_QUERIES
    ),
  })
}
