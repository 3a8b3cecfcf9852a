import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { uploadedFile } from "@shabou/api-params"
import { SalesImportError } from "../../services/orion-sales-history"

type CsvImporter = { importCsv(text: string): Promise<Record<string, unknown>> }

/**
 * The POST handler of an all-or-nothing CSV import (sales history, weather): the uploaded file (field
 * "file") read as UTF-8 by the service `serviceName`; 200 with its counts, or 400 with every bad row
 * (row, column, reason) and nothing stored.
 */
export function csvImportRoute(serviceName: string) {
  return async (req: MedusaRequest, res: MedusaResponse) => {
    const file = uploadedFile(req)
    const service = req.scope.resolve(serviceName) as CsvImporter
    try {
      const summary = await service.importCsv(file.buffer.toString("utf8"))
      res.json({ import: { file: file.originalname, ...summary } })
    } catch (e) {
      if (e instanceof SalesImportError) {
        res.status(400).json({
          type: "invalid_data",
          message: e.message,
          errors: e.errors,
          truncated: e.truncated,
        })
        return
      }
      throw e
    }
  }
}
