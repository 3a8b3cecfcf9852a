import type { MedusaRequest } from "@medusajs/medusa"
import { id, integer, text } from "@shabou/api-params"

/** The vehicle list filter shared by GET /store/vehicles and GET /admin/vehicles, checked. */
export function vehicleFilter(query: MedusaRequest["query"]) {
  return {
    make_id: id(query.make_id, "make_id"),
    model_id: id(query.model_id, "model_id"),
    year: integer(query.year, "year", { min: 1900, max: 2100 }),
    engine_code: text(query.engine_code, "engine_code"),
    ktype: integer(query.ktype, "ktype", { min: 1, max: 999999999 }),
    fuel: text(query.fuel, "fuel"),
    q: text(query.q, "q"),
  }
}
