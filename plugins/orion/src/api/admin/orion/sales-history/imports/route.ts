import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { uploadedFile } from "@shabou/api-params"
import type OrionSalesHistoryService from "../../../../../services/orion-sales-history"
import { SalesImportError } from "../../../../../services/orion-sales-history"

/**
 * POST /admin/orion/sales-history/imports — multipart field "file", CSV `sku,date,qty`.
 * All-or-nothing: 400 with every bad row (row, column, reason), else 200 with the counts.
 * Importing the same file again changes nothing (inserted = updated = 0).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const file = uploadedFile(req)
  const service: OrionSalesHistoryService = req.scope.resolve("orionSalesHistoryService")
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
