import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import FitmentPartNumberService from "../../../../../../services/fitment-part-number"

/** DELETE /admin/products/:id/part-numbers/:number_id */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await req.scope
    .resolve<FitmentPartNumberService>("fitmentPartNumberService")
    .deletePartNumber(req.params.id, req.params.number_id)
  res.json({ id: req.params.number_id, object: "part_number", deleted: true })
}
