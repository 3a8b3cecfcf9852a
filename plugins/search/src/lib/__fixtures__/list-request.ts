import { parseListQuery, type ListRequest } from "../catalogue-request"

/** A store listing's query as the read model understands it; throws when core must answer it. */
export function listRequest(query: Record<string, unknown>): ListRequest {
  const parsed = parseListQuery(query)
  if (!parsed.covered) {
    throw new Error(parsed.reason)
  }
  return parsed.request
}
