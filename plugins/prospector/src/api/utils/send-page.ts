import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { onlyKnown, Pagination, pagination } from "@shabou/api-params"

/**
 * Answers a prospector list route: the query may hold only `filters` and `limit`/`offset` (a 400
 * names any other parameter), a page is 50 rows by default and 200 at most, and the answer is
 * `{ [name]: rows, count, limit, offset }`. `list` reads the filters from the query.
 */
export async function sendPage(
  req: MedusaRequest,
  res: MedusaResponse,
  name: string,
  filters: readonly string[],
  list: (
    query: Record<string, unknown>,
    page: Pagination
  ) => Promise<[unknown[], number]>
): Promise<void> {
  const query = req.query as Record<string, unknown>
  onlyKnown(query, [...filters, "limit", "offset"])
  const page = pagination(query, { limit: 50, max: 200 })
  const [rows, count] = await list(query, page)
  res.json({ [name]: rows, count, ...page })
}
