import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pagination, text } from "@shabou/api-params"
import BrandService from "../../../services/brand"
import { brandBody } from "../../utils/brand-body"

/** GET /admin/brands?q=&limit=&offset= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 50, max: 500 })
  const [brands, count] = await req.scope
    .resolve<BrandService>("brandService")
    .list({ q: text(req.query.q, "q") }, page)
  res.json({ brands, count, limit: page.limit, offset: page.offset })
}

/** POST /admin/brands { name, handle?, logo_url?, country?, description?, metadata? } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const brand = await req.scope
    .resolve<BrandService>("brandService")
    .create(brandBody(req.body, { create: true }))
  res.status(201).json({ brand })
}
