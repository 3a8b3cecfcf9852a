import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionForecastRunService from "../../../../../services/orion-forecast-run"
import type OrionForecastBatchService from "../../../../../services/orion-forecast-batch"

/**
 * GET /admin/orion/runs/:id — status, progress, duration, model wins, backtest metrics, calendar effects,
 * and its batches: `{ total, done, failed, pending, workers: { "<host>:<pid>": batches done }, failure }`.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const runs: OrionForecastRunService = req.scope.resolve(
    "orionForecastRunService"
  )
  const batches: OrionForecastBatchService = req.scope.resolve(
    "orionForecastBatchService"
  )
  const run = await runs.retrieve(req.params.id)
  res.json({ run, batches: await batches.summary(run.id) })
}
