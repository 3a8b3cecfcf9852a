import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import {
  download,
  invalidParam,
  oneOf,
  oneOfList,
  pagination,
  text,
} from "@shabou/api-params"
import { restockCsv } from "../../../../lib/restock-csv"
import { ALERT_STATUSES, RestockQuery } from "../../../../services/orion-alert"
import type OrionAlertService from "../../../../services/orion-alert"

const CSV_PAGE = 1000

/**
 * GET /admin/orion/restock?status=&category_id=&brand_id=&q=&limit=&offset=[&format=csv]
 * Order suggestions (unresolved restock alerts by default) with product, brand, category, unit
 * price and value, sorted by expected stock-out date, then value. `format=csv`: every matching
 * suggestion (no paging) as a French-Excel CSV (UTF-8 BOM, `;`, amounts in dinars).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const raw = req.query as Record<string, unknown>
  const format = oneOf(raw.format, "format", ["json", "csv"]) ?? "json"
  const query: RestockQuery = {
    status: oneOfList(raw.status, "status", ALERT_STATUSES),
    category_id: text(raw.category_id, "category_id", { maxLength: 100 }),
    brand_id: text(raw.brand_id, "brand_id", { maxLength: 100 }),
    q: text(raw.q, "q", { maxLength: 200 }),
    ...pagination(raw, { limit: 50, max: 500 }),
  }
  const service: OrionAlertService = req.scope.resolve("orionAlertService")
  if (format === "json") {
    res.json(await service.listRestock(query))
    return
  }
  if (raw.limit !== undefined || raw.offset !== undefined) {
    throw invalidParam(
      "limit",
      "the CSV export has every matching suggestion: leave out limit and offset"
    )
  }
  const stamp = new Date().toISOString().slice(0, 10)
  download(res, { filename: `reassort-${stamp}.csv`, noStore: true })
  let offset = 0
  for (;;) {
    const page = await service.listRestock({
      ...query,
      limit: CSV_PAGE,
      offset,
    })
    res.write(restockCsv(page.suggestions, offset === 0))
    offset += CSV_PAGE
    if (offset >= page.count || page.suggestions.length === 0) {
      break
    }
  }
  res.end()
}
