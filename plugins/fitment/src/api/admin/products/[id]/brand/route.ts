import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { invalidParam } from "@shabou/api-params"
import FitmentProductService from "../../../../../services/fitment-product"

/** POST /admin/products/:id/brand { brand_id: string | null } → { product_id, brand_id, is_universal } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req.body ?? {}) as { brand_id?: unknown }
  if (
    !("brand_id" in body) ||
    (body.brand_id !== null && typeof body.brand_id !== "string")
  ) {
    throw invalidParam(
      "brand_id",
      "is required (a brand id, or null to remove the brand)"
    )
  }
  res.json({
    product: await req.scope
      .resolve<FitmentProductService>("fitmentProductService")
      .setProductFacts(req.params.id, {
        brand_id: body.brand_id as string | null,
      }),
  })
}
