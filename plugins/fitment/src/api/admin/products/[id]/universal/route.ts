import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { invalidParam } from "@shabou/api-params"
import FitmentProductService from "../../../../../services/fitment-product"

/** POST /admin/products/:id/universal { universal: boolean } → { product_id, brand_id, is_universal } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req.body ?? {}) as { universal?: unknown }
  if (typeof body.universal !== "boolean") {
    throw invalidParam("universal", "must be true or false")
  }
  res.json({
    product: await req.scope
      .resolve<FitmentProductService>("fitmentProductService")
      .setProductFacts(req.params.id, { is_universal: body.universal }),
  })
}
