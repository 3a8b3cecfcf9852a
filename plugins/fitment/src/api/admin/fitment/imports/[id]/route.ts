import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import FitmentImportService from "../../../../../services/fitment-import"

/** GET /admin/fitment/imports/:id → { import } (summary; the invalid rows CSV is at …/invalid-rows) */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ import: await req.scope.resolve<FitmentImportService>("fitmentImportService").retrieve(req.params.id) })
}
