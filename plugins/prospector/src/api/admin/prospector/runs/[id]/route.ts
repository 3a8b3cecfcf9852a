import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

import type ProspectorRunLogService from "../../../../../services/prospector-run-log"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: ProspectorRunLogService = req.scope.resolve(
    "prospectorRunLogService"
  )
  res.json({ run: await service.retrieveRun(req.params.id) })
}
