import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { objectBody } from "@shabou/api-params"

import { sendPage } from "../../../utils/send-page"
import type ProspectorReportService from "../../../../services/prospector-report"

/** GET /admin/prospector/reports: stored weekly reports (without their bodies), newest first. */
export const GET = (req: MedusaRequest, res: MedusaResponse) =>
  sendPage(req, res, "reports", [], (_q, page) =>
    req.scope
      .resolve<ProspectorReportService>("prospectorReportService")
      .list(page)
  )

/** POST /admin/prospector/reports: { start?, end? } (ISO dates; default the last complete week) builds and stores a report. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: ProspectorReportService = req.scope.resolve(
    "prospectorReportService"
  )
  const b = objectBody(req.body)
  if ((b.start === undefined) !== (b.end === undefined)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "start, end: give both or neither"
    )
  }
  const report = await service.generate({
    start: b.start !== undefined ? new Date(b.start) : undefined,
    end: b.end !== undefined ? new Date(b.end) : undefined,
    trigger: "api",
  })
  res.status(201).json({ report })
}
