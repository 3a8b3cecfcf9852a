import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

import type ProspectorRunService from "../../../../../services/prospector-run"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: ProspectorRunService = req.scope.resolve(
    "prospectorRunService"
  )
  res.json({ run: await service.retrieveRun(req.params.id) })
}
