import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { download } from "@shabou/api-params"

import type ProspectorReportService from "../../../../../services/prospector-report"

/** GET /admin/prospector/reports/:id?format=json|html|csv: the report, or its HTML / CSV as a download. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: ProspectorReportService = req.scope.resolve(
    "prospectorReportService"
  )
  const format = (req.query.format as string | undefined) ?? "json"
  if (!["json", "html", "csv"].includes(format)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `format: "${format}" is not json, html or csv`
    )
  }
  const report = await service.retrieve(req.params.id, format !== "json")
  if (format === "json") {
    return res.json({ report })
  }
  const name = `rapport-prospection-${new Date(report.period_start).toISOString().slice(0, 10)}.${format}`
  download(res, {
    filename: name,
    type:
      format === "html"
        ? "text/html; charset=utf-8"
        : "text/csv; charset=utf-8",
  })
  res.send(format === "html" ? report.html : report.csv)
}
