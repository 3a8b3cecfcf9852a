import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { pagination } from "@shabou/api-params"
import FitmentPartNumberService from "../../../../services/fitment-part-number"

/**
 * GET /store/parts/lookup?number= → { number, normalized, products: [{ id, title, handle, brand, matches }], count, limit, offset }:
 * published products whose own, OE or cross-reference number normalises like `number`.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const number = req.query.number
  if (typeof number !== "string" || !number.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "number: is required")
  }
  const page = pagination(req.query, { limit: 20, max: 100 })
  res.json(
    await req.scope
      .resolve<FitmentPartNumberService>("fitmentPartNumberService")
      .lookupPartNumber(number, page)
  )
}
