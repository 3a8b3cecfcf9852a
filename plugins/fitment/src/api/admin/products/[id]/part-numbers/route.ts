import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import FitmentPartNumberService from "../../../../../services/fitment-part-number"
import FitmentProductService from "../../../../../services/fitment-product"

/** GET /admin/products/:id/part-numbers → { part_numbers } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await req.scope
    .resolve<FitmentProductService>("fitmentProductService")
    .assertProduct(req.params.id)
  const service = req.scope.resolve<FitmentPartNumberService>(
    "fitmentPartNumberService"
  )
  res.json({ part_numbers: await service.listPartNumbers(req.params.id) })
}

/**
 * POST /admin/products/:id/part-numbers { numbers: [{ type: "mpn"|"oe"|"cross", raw, brand_name? }] } → { added, part_numbers };
 * a number the product already has (same type, maker and normalised number) → 422 duplicate_error naming it, nothing written.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req.body ?? {}) as { numbers?: unknown }
  if (!Array.isArray(body.numbers) || !body.numbers.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "numbers: must be a non-empty list of { type, raw, brand_name? }"
    )
  }
  await req.scope
    .resolve<FitmentProductService>("fitmentProductService")
    .assertProduct(req.params.id)
  const service = req.scope.resolve<FitmentPartNumberService>(
    "fitmentPartNumberService"
  )
  const added = await service.addPartNumbers(
    req.params.id,
    body.numbers as any[],
    { refuseDuplicates: true }
  )
  res.json({
    added,
    part_numbers: await service.listPartNumbers(req.params.id),
  })
}
