import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { download } from "@shabou/api-params"
import { pipeline } from "stream/promises"

import type LeadService from "../../../../../services/lead"

/**
 * GET /admin/prospector/leads/export?format=csv: the leads list as CSV, with the
 * same filters and order as GET /admin/prospector/leads (no paging), streamed.
 * UTF-8 with BOM, CRLF, formula cells neutralised; `delimiter=;` for a French Excel.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const leadService: LeadService = req.scope.resolve("leadService")
  const {
    format = "csv",
    delimiter = ",",
    limit: _l,
    offset: _o,
    ...rest
  } = req.query as Record<string, unknown>
  if (format !== "csv") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `format: "${format}" is not supported (csv)`
    )
  }
  if (delimiter !== "," && delimiter !== ";") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `delimiter: must be "," or ";"`
    )
  }
  const query = leadService.parseQuery(rest)
  const stream = leadService.exportCsv(query, { delimiter })
  const stamp = new Date().toISOString().slice(0, 10)
  download(res, { filename: `prospects-${stamp}.csv`, noStore: true })
  await pipeline(stream, res)
}
