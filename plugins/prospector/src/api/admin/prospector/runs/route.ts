import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { objectBody, text } from "@shabou/api-params"

import { sendPage } from "../../../utils/send-page"
import type ProspectorRunService from "../../../../services/prospector-run"
import type ProspectorRunLogService from "../../../../services/prospector-run-log"

/** GET /admin/prospector/runs?kind=search|watch|report&status=&limit=&offset= */
export const GET = (req: MedusaRequest, res: MedusaResponse) =>
  sendPage(req, res, "runs", ["kind", "status"], (q, page) =>
    req.scope
      .resolve<ProspectorRunLogService>("prospectorRunLogService")
      .listRuns(
        { kind: text(q.kind, "kind"), status: text(q.status, "status") },
        page
      )
  )

/**
 * POST /admin/prospector/runs: a lead search now.
 * Body: { query?, language?: "fr"|"ar", cities?: string[] (or city), max_requests? }; default every
 * configured query over every city. Answers when the run is over, with its summary and errors.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: ProspectorRunService = req.scope.resolve(
    "prospectorRunService"
  )
  const b = objectBody(req.body)
  for (const key of Object.keys(b)) {
    if (
      !["query", "language", "cities", "city", "max_requests"].includes(key)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${key}: unknown field (allowed: query, language, cities, city, max_requests)`
      )
    }
  }
  if (
    b.cities !== undefined &&
    (!Array.isArray(b.cities) ||
      b.cities.some((c: unknown) => typeof c !== "string"))
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "cities: must be a list of city names"
    )
  }
  const cities: string[] | undefined =
    b.cities ?? (typeof b.city === "string" ? [b.city] : undefined)
  const run = await service.search({
    query: b.query,
    language: b.language,
    cities,
    max_requests: b.max_requests,
    trigger: "api",
  })
  res.status(201).json({ run })
}
