import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { integer, pagination, text } from "@shabou/api-params"
import VehicleCatalogService from "../../../services/vehicle-catalog"

/** GET /admin/vehicles?make_id=&model_id=&year=&engine_code=&ktype=&fuel=&q=&limit=&offset= */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 50, max: 1000 })
  const [vehicles, count] = await req.scope.resolve<VehicleCatalogService>("vehicleCatalogService").listVehicles(
    {
      make_id: text(req.query.make_id, "make_id"),
      model_id: text(req.query.model_id, "model_id"),
      year: integer(req.query.year, "year", { min: 1900, max: 2100 }),
      engine_code: text(req.query.engine_code, "engine_code"),
      ktype: integer(req.query.ktype, "ktype", { min: 1, max: 999999999 }),
      fuel: text(req.query.fuel, "fuel"),
      q: text(req.query.q, "q"),
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
