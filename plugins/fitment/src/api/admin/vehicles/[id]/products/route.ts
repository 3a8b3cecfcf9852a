import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pagination, text } from "@shabou/api-params"
import FitmentService from "../../../../../services/fitment"
import VehicleService from "../../../../../services/vehicle"

/**
 * GET /admin/vehicles/:id/products?q=&limit=&offset= → the parts this vehicle fits, paged:
 * `{ vehicle_id, links: [{ id, position, quantity, engine_code, from_ym, to_ym, note_fr, note_ar, source, product: { id, title, handle, thumbnail, status } }], count, limit, offset }`
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await req.scope
    .resolve<VehicleService>("vehicleService")
    .retrieveVehicle(req.params.id)
  const page = pagination(req.query, { limit: 20, max: 200 })
  const [links, count] = await req.scope
    .resolve<FitmentService>("fitmentService")
    .listVehicleParts(req.params.id, { q: text(req.query.q, "q") }, page)
  res.json({
    vehicle_id: req.params.id,
    links,
    count,
    limit: page.limit,
    offset: page.offset,
  })
}
