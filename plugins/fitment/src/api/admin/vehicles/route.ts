import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pagination } from "@shabou/api-params"
import VehicleService from "../../../services/vehicle"
import { vehicleFilter } from "../../utils/vehicle-filter"

/** GET /admin/vehicles?make_id=&model_id=&year=&engine_code=&ktype=&fuel=&q=&limit=&offset= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 50, max: 1000 })
  const [vehicles, count] = await req.scope
    .resolve<VehicleService>("vehicleService")
    .listVehicles(vehicleFilter(req.query), page)
  res.json({ vehicles, count, limit: page.limit, offset: page.offset })
}

/** POST /admin/vehicles { model_id, year_from, year_to?, engine?, engine_code?, … } (same validation as the CSV import) */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const vehicle = await req.scope
    .resolve<VehicleService>("vehicleService")
    .createVehicle((req.body ?? {}) as Record<string, any>)
  res.status(201).json({ vehicle })
}
