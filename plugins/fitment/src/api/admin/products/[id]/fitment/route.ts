import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pagination } from "@shabou/api-params"
import FitmentService from "../../../../../services/fitment"
import FitmentProductService from "../../../../../services/fitment-product"

/** GET /admin/products/:id/fitment → { product_id, brand_id, universal, links, count, limit, offset } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<FitmentService>("fitmentService")
  const products = req.scope.resolve<FitmentProductService>(
    "fitmentProductService"
  )
  await products.assertProduct(req.params.id)
  const page = pagination(req.query, { limit: 100, max: 1000 })
  const facts = await products.getProductFacts(req.params.id)
  const [links, count] = await service.listLinks(req.params.id, page)
  res.json({
    product_id: req.params.id,
    brand_id: facts.brand_id,
    universal: facts.is_universal,
    links,
    count,
    limit: page.limit,
    offset: page.offset,
  })
}

/**
 * POST /admin/products/:id/fitment { vehicle_id, variant_id?, position?, quantity?, engine_code?, from_ym?, to_ym?, note_fr?, note_ar?, source? }
 * → 201 { link } (200 when the same link existed: it is updated, never duplicated)
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { link, created } = await req.scope
    .resolve<FitmentService>("fitmentService")
    .addLink(req.params.id, (req.body ?? {}) as any)
  res.status(created ? 201 : 200).json({ link, created })
}
