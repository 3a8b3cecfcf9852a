import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import BrandService from "../../../../services/brand"
import { brandBody } from "../../../utils/brand-body"

/** GET /admin/brands/:id (id or handle) */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    brand: await req.scope
      .resolve<BrandService>("brandService")
      .retrieve(req.params.id),
  })
}

/** POST /admin/brands/:id { name?, handle?, logo_url?, country?, description?, metadata? } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    brand: await req.scope
      .resolve<BrandService>("brandService")
      .update(req.params.id, brandBody(req.body, { create: false })),
  })
}

/** DELETE /admin/brands/:id: refused (400, with the number of products) while products use the brand. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await req.scope.resolve<BrandService>("brandService").delete(req.params.id)
  res.json({ id: req.params.id, object: "brand", deleted: true })
}
