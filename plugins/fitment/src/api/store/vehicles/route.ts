import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { integer, pagination, text } from "@shabou/api-params"
import VehicleCatalogService from "../../../services/vehicle-catalog"

/** GET /store/vehicles?make_id=&model_id=&year=&engine_code=&fuel=&limit=&offset= → { vehicles, count, offset, limit } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 50, max: 500 })
  const filter = {
    make_id: text(req.query.make_id, "make_id"),
    model_id: text(req.query.model_id, "model_id"),
    year: integer(req.query.year, "year", { min: 1900, max: 2100 }),
    engine_code: text(req.query.engine_code, "engine_code"),
    ktype: integer(req.query.ktype, "ktype", { min: 1, max: 999999999 }),
    fuel: text(req.query.fuel, "fuel"),
    q: text(req.query.q, "q"),
  }
  const [vehicles, count] = await req.scope.resolve<VehicleCatalogService>("vehicleCatalogService").listVehicles(filter, page)
  res.json({ vehicles, count, offset: page.offset, limit: page.limit })
}
