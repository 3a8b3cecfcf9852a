import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import VinDecodeService from "../../../../services/vin-decode"

/**
 * GET /store/vehicles/decode?vin= → offline ISO 3779 check: { vin, wmi, make, model_years, vehicles, count, … };
 * 400 with the reason for a malformed VIN.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const vin = req.query.vin
  if (typeof vin !== "string" || !vin.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "vin: is required")
  }
  res.json(
    await req.scope.resolve<VinDecodeService>("vinDecodeService").decode(vin)
  )
}
