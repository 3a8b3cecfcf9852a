import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import {
  date,
  invalidParam,
  list,
  onlyKnown,
  pagination,
} from "@shabou/api-params"
import { parseGovernorateList } from "../../../../lib/weather-csv"
import type OrionWeatherService from "../../../../services/orion-weather"

const iso = (d: Date | undefined) =>
  d ? d.toISOString().slice(0, 10) : undefined

/**
 * GET /admin/orion/weather[?from=&to=&governorate=&limit=&offset=] — the stored weather per governorate
 * (first and last day, number of days) and the governorates forecast runs use (`run_governorates`; empty =
 * every governorate stored). With `from`, `to` or `governorate`, also the days themselves (`days`, oldest first).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.query as Record<string, unknown>
  onlyKnown(q, ["from", "to", "governorate", "limit", "offset"])
  const from = iso(date(q.from, "from"))
  const to = iso(date(q.to, "to"))
  if (from && to && from > to) {
    throw invalidParam("to", `must not be before from (${from}), got ${to}`)
  }
  const names = list(q.governorate, "governorate", { max: 24 })
  let governorates: string[] | undefined
  if (names) {
    const parsed = parseGovernorateList(names)
    if (parsed.bad.length) {
      throw invalidParam(
        "governorate",
        `"${parsed.bad[0]}" is not a governorate of Tunisia (e.g. Tunis, Sfax, Béja)`
      )
    }
    governorates = parsed.governorates
  }
  const service: OrionWeatherService = req.scope.resolve("orionWeatherService")
  const coverage = await service.coverage()
  const out: Record<string, unknown> = {
    coverage,
    run_governorates: service.governorates,
  }
  if (from || to || governorates) {
    Object.assign(
      out,
      await service.list(
        { from, to, governorates },
        pagination(q, { limit: 100, max: 1000 })
      )
    )
  }
  res.json(out)
}
