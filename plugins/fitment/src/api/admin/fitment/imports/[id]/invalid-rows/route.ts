import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { download, notFound } from "@shabou/api-params"
import FitmentImportService from "../../../../../../services/fitment-import"

/** GET /admin/fitment/imports/:id/invalid-rows → text/csv: the refused rows as uploaded, plus `row` and `errors` columns */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const csv = await req.scope
    .resolve<FitmentImportService>("fitmentImportService")
    .invalidRowsCsv(req.params.id)
  if (csv === null) {
    throw notFound(`Import ${req.params.id} has no invalid rows`)
  }
  download(res, { filename: `${req.params.id}-invalid-rows.csv` })
  res.send(csv)
}
