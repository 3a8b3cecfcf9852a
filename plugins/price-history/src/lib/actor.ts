import type { PriceChangeContext } from "./change-context"

/** What Medusa's authentication leaves on `req.user` (session/JWT: `{ userId }`; API token: the User). */
export type AuthenticatedUser =
  { userId?: string; id?: string; email?: string } | null | undefined

export type RequestFacts = {
  method: string
  /** path without query string, e.g. /admin/products/prod_1/variants/variant_1 */
  path: string
  user: AuthenticatedUser
}

/**
 * Attributes a request to a price-change source:
 * - `/admin/price-lists/**` → "price_list" (the admin user is the actor);
 * - other `/admin/**` with a session or JWT → "admin";
 * - `/admin/**` authenticated with a user API token (`x-medusa-access-token`) → "api";
 * - anything else (store routes, unauthenticated) → "api".
 */
export function describeRequest(facts: RequestFacts): PriceChangeContext {
  const path = facts.path.split("?")[0]
  const origin = `${facts.method.toUpperCase()} ${path}`
  const user = facts.user ?? null
  const actor = user ? (user.userId ?? user.id ?? null) : null
  const isAdmin = path === "/admin" || path.startsWith("/admin/")
  if (!isAdmin) {
    return { source: "api", actor, origin }
  }
  if (/^\/admin\/price-lists(\/|$)/.test(path)) {
    return { source: "price_list", actor, origin }
  }
  // an API token resolves to the whole User entity, sessions and JWTs to { userId }
  const viaApiToken = Boolean(user && !user.userId && user.id)
  return { source: viaApiToken ? "api" : "admin", actor, origin }
}
