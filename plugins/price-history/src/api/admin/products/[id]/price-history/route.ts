import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { download } from "@shabou/api-params"
import { historyToCsv } from "../../../../../lib/history-csv"
import { parseHistoryQuery, QueryError } from "../../../../../lib/history-query"
import type PriceHistoryService from "../../../../../services/price-history"

/**
 * GET /admin/products/:id/price-history — every recorded price change of the product's variants,
 * newest first. Filters: variant_id, currency_code, from, to, limit, offset; `format=csv` answers CSV.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  let query
  try {
    query = parseHistoryQuery(req.query as Record<string, unknown>)
  } catch (e) {
    if (e instanceof QueryError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    }
    throw e
  }
  const service: PriceHistoryService = req.scope.resolve("priceHistoryService")
  const { rows, count } = await service.list(req.params.id, query)
  if (query.format === "csv") {
    download(res, {
      filename: `price-history-${req.params.id.replace(/[^A-Za-z0-9_-]/g, "")}.csv`,
    })
    res.setHeader("X-Total-Count", String(count))
    res.send(historyToCsv(rows))
    return
  }
  res.json({
    price_history: rows,
    count,
    limit: query.limit,
    offset: query.offset,
  })
}
