import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"

import type ProspectorRunService from "../../../../services/prospector-run"
import { only, page, text } from "../../../utils/query"

/** GET /admin/prospector/ledger?run_id=&since=&limit=&offset=: every Places request, with this month's usage and budget. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  only(req.query as Record<string, unknown>, ["run_id", "since", "limit", "offset"])
  const service: ProspectorRunService = req.scope.resolve("prospectorRunService")
  const sinceText = text(req.query.since, "since")
  const since = sinceText ? new Date(sinceText) : undefined
  if (since && isNaN(since.getTime())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `since: "${sinceText}" is not a date`)
  }
  const p = page(req, { limit: 100, max: 1000 })
  const [requests, count, used] = await service.listLedger({ run_id: text(req.query.run_id, "run_id"), since }, p)
  const opts = service.options()
  res.json({
    requests,
    count,
    ...p,
    month: { used, per_month: opts.placesBudgetPerMonth, per_run: opts.placesBudgetPerRun, remaining: Math.max(0, opts.placesBudgetPerMonth - used) },
  })
}
