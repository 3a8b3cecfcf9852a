import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { date, onlyKnown, pagination, text } from "@shabou/api-params"

import type PlacesLedgerService from "../../../../services/places-ledger"

/** GET /admin/prospector/ledger?run_id=&since=&limit=&offset=: every Places request, with this month's usage and budget. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  onlyKnown(req.query as Record<string, unknown>, [
    "run_id",
    "since",
    "limit",
    "offset",
  ])
  const service: PlacesLedgerService = req.scope.resolve("placesLedgerService")
  const since = date(req.query.since, "since")
  const p = pagination(req.query, { limit: 100, max: 1000 })
  const [requests, count, used] = await service.listLedger(
    { run_id: text(req.query.run_id, "run_id"), since },
    p
  )
  const opts = service.options()
  res.json({
    requests,
    count,
    ...p,
    month: {
      used,
      per_month: opts.placesBudgetPerMonth,
      per_run: opts.placesBudgetPerRun,
      remaining: Math.max(0, opts.placesBudgetPerMonth - used),
    },
  })
}
