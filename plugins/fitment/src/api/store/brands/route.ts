import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pagination, text } from "@shabou/api-params"
import BrandService from "../../../services/brand"

/** GET /store/brands?q=&limit=&offset= → { brands, count, limit, offset } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 50, max: 200 })
  const q = text(req.query.q, "q")
  const [brands, count] = await req.scope
    .resolve<BrandService>("brandService")
    .list({ q }, page)
  res.json({ brands, count, limit: page.limit, offset: page.offset })
}
