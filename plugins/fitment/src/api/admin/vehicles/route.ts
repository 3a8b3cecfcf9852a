import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import VehicleCatalogService from "../../../services/vehicle-catalog"
import { integer, optionalString, pagination } from "../../utils/query"

/** GET /admin/vehicles?make_id=&model_id=&year=&engine_code=&ktype=&fuel=&q=&limit=&offset= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req, { limit: 50, max: 1000 })
  const [vehicles, count] = await req.scope.resolve<VehicleCatalogService>("vehicleCatalogService").listVehicles(
    {
      make_id: optionalString(req.query.make_id, "make_id"),
      model_id: optionalString(req.query.model_id, "model_id"),
      year: integer(req.query.year, "year", undefined, 1900, 2100),
      engine_code: optionalString(req.query.engine_code, "engine_code"),
      ktype: integer(req.query.ktype, "ktype", undefined, 1, 999999999),
      fuel: optionalString(req.query.fuel, "fuel"),
      q: optionalString(req.query.q, "q"),
    },
    page
  )
  res.json({ vehicles, count, limit: page.limit, offset: page.offset })
}

/** POST /admin/vehicles { model_id, year_from, year_to?, engine?, engine_code?, … } (same validation as the CSV import) */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const vehicle = await req.scope.resolve<VehicleCatalogService>("vehicleCatalogService").createVehicle((req.body ?? {}) as Record<string, any>)
  res.status(201).json({ vehicle })
}
