import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import FitmentCoverageService from "../../../../services/fitment-coverage"

/** GET /admin/fitment/coverage → { totals, models: [{ make, model, vehicles, vehicles_without_parts, parts, categories }], vehicles_without_parts } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await req.scope.resolve<FitmentCoverageService>("fitmentCoverageService").coverage())
}
