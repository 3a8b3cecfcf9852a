import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pagination } from "@shabou/api-params"
import VehicleService from "../../../services/vehicle"
import { vehicleFilter } from "../../utils/vehicle-filter"

/** GET /store/vehicles?make_id=&model_id=&year=&engine_code=&fuel=&limit=&offset= → { vehicles, count, offset, limit } */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 50, max: 500 })
  const filter = vehicleFilter(req.query)
  const [vehicles, count] = await req.scope
    .resolve<VehicleService>("vehicleService")
    .listVehicles(filter, page)
  res.json({ vehicles, count, offset: page.offset, limit: page.limit })
}
