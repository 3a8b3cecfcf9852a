import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { objectBody, onlyKnown, pagination } from "@shabou/api-params"
import type OrionForecastService from "../../../../services/orion-forecast"
import type OrionForecastRunService from "../../../../services/orion-forecast-run"

/** GET /admin/orion/runs — newest first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const runs: OrionForecastRunService = req.scope.resolve(
    "orionForecastRunService"
  )
  res.json(await runs.list(pagination(req.query, { limit: 20, max: 100 })))
}

/**
 * POST /admin/orion/runs { frequency?, horizon?, as_of? } — starts a run in the background:
 * 202 with the run (poll GET /admin/orion/runs/:id); 409 while another run is running.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = objectBody(req.body)
  onlyKnown(body, ["frequency", "horizon", "as_of"], "field")
  const service: OrionForecastService = req.scope.resolve(
    "orionForecastService"
  )
  try {
    const run = await service.startRun({
      trigger: "manual",
      frequency: body.frequency as "week" | "month" | undefined,
      horizon: body.horizon as number | undefined,
      as_of: body.as_of as string | undefined,
    })
    res.status(202).json({ run })
  } catch (e) {
    // Medusa's error handler replaces the message of a conflict; keep ours (it names the running run)
    if ((e as { type?: string }).type === MedusaError.Types.CONFLICT) {
      res.status(409).json({ type: "conflict", message: (e as Error).message })
      return
    }
    throw e
  }
}
