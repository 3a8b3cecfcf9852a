import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { notFound } from "@shabou/api-params"
import BrandService from "../../../../services/brand"

/** GET /store/brands/:handle → { brand } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<BrandService>("brandService")
  const [brands] = await service.list(
    { handle: req.params.handle },
    { limit: 1, offset: 0 }
  )
  if (!brands.length) {
    throw notFound(`Brand with handle ${req.params.handle} was not found`)
  }
  res.json({ brand: brands[0] })
}
