import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { uploadedFile } from "@shabou/api-params"
import { SalesImportError } from "../../../../../services/orion-sales-history"
import type OrionWeatherService from "../../../../../services/orion-weather"

/**
 * POST /admin/orion/weather/imports — multipart field "file", CSV `date,governorate,temperature,rain`
 * (daily mean °C, rain mm). All-or-nothing: 400 with every bad row (row, column, reason), else 200 with the
 * counts. A day already stored for a governorate is replaced; the same file again changes nothing.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const file = uploadedFile(req)
  const service: OrionWeatherService = req.scope.resolve("orionWeatherService")
  try {
    const summary = await service.importCsv(file.buffer.toString("utf8"))
    res.json({ import: { file: file.originalname, ...summary } })
  } catch (e) {
    if (e instanceof SalesImportError) {
      res.status(400).json({ type: "invalid_data", message: e.message, errors: e.errors, truncated: e.truncated })
      return
    }
    throw e
  }
}
