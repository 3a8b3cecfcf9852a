import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import authenticateCustomer from "@medusajs/medusa/dist/api/middlewares/authenticate-customer"
import { list } from "@shabou/api-params"
import type { Caller } from "../../lib/catalogue-answer"
import type CatalogueStateService from "../../services/catalogue-state"

const customerAuth = authenticateCustomer()

/** Our own rendering requests, and (in tests only) a request asking for core's answer. */
export function bypassed(req: MedusaRequest, internalToken: string): boolean {
  const flag = req.get("x-catalogue-bypass")
  if (!flag) {
    return false
  }
  return (
    flag === internalToken ||
    (flag === "1" && process.env.CATALOGUE_ALLOW_BYPASS === "true")
  )
}

/** The caller: signed-in customer (session or bearer, as core reads them) and publishable key. */
export async function callerOf(
  req: MedusaRequest,
  res: MedusaResponse
): Promise<Caller | null> {
  const forward: Record<string, string> = {}
  for (const h of ["authorization", "cookie", "x-publishable-api-key"]) {
    const v = req.get(h)
    if (v) {
      forward[h] = v
    }
  }
  let customerId: string | undefined
  if (forward.authorization || forward.cookie) {
    await new Promise<void>((resolve, reject) =>
      customerAuth(req as any, res as any, (e?: unknown) =>
        e ? reject(e) : resolve()
      )
    )
    customerId = (req.user as { customer_id?: string } | undefined)?.customer_id
  }
  let keyChannelIds: string[] | undefined
  if (forward["x-publishable-api-key"]) {
    const scopes = await req.scope
      .resolve("publishableApiKeyService")
      .getResourceScopes(forward["x-publishable-api-key"])
      .catch(() => null)
    if (!scopes) {
      return null
    }
    keyChannelIds = scopes.sales_channel_ids?.length
      ? scopes.sales_channel_ids
      : undefined
  }
  return { customerId, forward, keyChannelIds }
}

/** The channels a listing may show: the publishable key's, the request's, else the store's default. */
export async function channelsOf(
  req: MedusaRequest,
  caller: Caller,
  state: CatalogueStateService
): Promise<string[] | null> {
  const asked = list(
    (req.query as Record<string, unknown>).sales_channel_id,
    "sales_channel_id"
  )
  if (caller.keyChannelIds) {
    // asked channels outside the key's scopes: core answers its 400
    return !asked
      ? caller.keyChannelIds
      : asked.every((c) => caller.keyChannelIds?.includes(c))
        ? asked
        : null
  }
  if (asked) {
    return asked
  }
  const def = await state.defaultChannel()
  return def ? [def] : null
}
