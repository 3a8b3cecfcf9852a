import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { BodyError, parseSearchRequest } from "../../../../lib/search-request"
import { meilisearchFilter } from "../../../../lib/meilisearch-settings"
import PostgresSearchService from "../../../../services/postgres-search"

/** The sales channels a store request may see: its publishable key's, else the store's default. */
async function salesChannels(req: MedusaRequest): Promise<string[]> {
  const key = req.get("x-publishable-api-key")
  if (key) {
    const scopes = await req.scope
      .resolve("publishableApiKeyService")
      .getResourceScopes(key)
      .catch(() => null)
    if (!scopes) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Publishable API key ${key} is not valid`
      )
    }
    if (scopes.sales_channel_ids?.length) {
      return scopes.sales_channel_ids
    }
  }
  const store = await req.scope.resolve("storeService").retrieve()
  return store.default_sales_channel_id ? [store.default_sales_channel_id] : []
}

/**
 * POST /store/products/search { q, offset, limit, vehicle_id?, category_id? } — answered by the
 * registered searchService (PostgreSQL), in the shape of medusa-plugin-meilisearch:
 * { hits, estimatedTotalHits, offset, limit }. Only published products of the caller's sales channel.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  let body
  try {
    body = parseSearchRequest(req.body)
  } catch (e) {
    if (e instanceof BodyError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    }
    throw e
  }
  const search = req.scope.resolve("searchService")
  const channels = await salesChannels(req)
  const paginationOptions = { offset: body.offset, limit: body.limit }
  if (search instanceof PostgresSearchService) {
    const result = await search.search("products", body.q, {
      paginationOptions,
      filter: {
        vehicle_id: body.vehicle_id,
        category_id: body.category_id,
        sales_channel_ids: channels,
      },
    })
    res.status(200).json(result)
    return
  }
  // Meilisearch (or another engine): it indexes unpublished products too, so filter them out here
  const result = await search.search("products", body.q, {
    paginationOptions,
    filter: meilisearchFilter({
      sales_channel_ids: channels,
      category_id: body.category_id,
      vehicle_id: body.vehicle_id,
    }),
    additionalOptions: {},
  })
  res.status(200).json(result)
}
