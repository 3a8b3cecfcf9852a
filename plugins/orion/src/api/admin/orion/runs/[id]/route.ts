import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionForecastService from "../../../../../services/orion-forecast"

/** GET /admin/orion/runs/:id — status, progress, duration, model wins, backtest metrics, calendar effects. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: OrionForecastService = req.scope.resolve("orionForecastService")
  res.json({ run: await service.retrieveRun(req.params.id) })
}
