import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import VehicleCatalogService from "../../../services/vehicle-catalog"
import { integer, optionalString, pagination } from "../../utils/query"

/** GET /store/vehicles?make_id=&model_id=&year=&engine_code=&fuel=&limit=&offset= → { vehicles, count, offset, limit } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req, { limit: 50, max: 500 })
  const filter = {
    make_id: optionalString(req.query.make_id, "make_id"),
    model_id: optionalString(req.query.model_id, "model_id"),
    year: integer(req.query.year, "year", undefined, 1900, 2100),
    engine_code: optionalString(req.query.engine_code, "engine_code"),
    ktype: integer(req.query.ktype, "ktype", undefined, 1, 999999999),
    fuel: optionalString(req.query.fuel, "fuel"),
    q: optionalString(req.query.q, "q"),
  }
  const [vehicles, count] = await req.scope.resolve<VehicleCatalogService>("vehicleCatalogService").listVehicles(filter, page)
  res.json({ vehicles, count, offset: page.offset, limit: page.limit })
}
