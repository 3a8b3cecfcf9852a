/**
 * The route label of a request for metrics and logs: the Express route that answered
 * (`/admin/products/:id`), or, when none matched (404, static files, routers that answer without a
 * route), the path with its ids replaced, so that a label never carries one value per product.
 */

/** Medusa ids (`prod_01H…`, `variant_…`), UUIDs, numbers, hex and other long tokens become `:id`. */
const ID_SEGMENT = [
  /^[a-z]{2,}_[0-9A-Za-z]{8,}$/, // Medusa: prefix_ULID
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^\d+$/,
  /^[0-9a-f]{16,}$/i,
  /^(?=.*\d)[A-Za-z0-9_-]{20,}$/, // tokens, ULIDs
]

export function normalisePath(path: string): string {
  const clean = path.split("?")[0].split("#")[0]
  const segments = clean.split("/").map((s) => {
    if (!s) {
      return s
    }
    let decoded = s
    try {
      decoded = decodeURIComponent(s)
    } catch {
      return ":id"
    }
    return ID_SEGMENT.some((re) => re.test(decoded)) ? ":id" : s
  })
  const out = segments.join("/").replace(/\/+$/, "")
  return out || "/"
}

type RouteRequest = {
  route?: { path?: unknown }
  baseUrl?: string
  originalUrl?: string
  url?: string
}

/** Static assets of the admin UI collapse into one label each. */
const STATIC_PREFIXES = ["/app/assets", "/uploads"]

/**
 * `unmatched`: no route of the server took the request (its final 404): one label for all such paths,
 * whatever a scanner tries. A 404 of a real route (an unknown product) keeps that route's label.
 */
export function routePattern(
  req: RouteRequest,
  { unmatched = false }: { unmatched?: boolean } = {}
): string {
  if (unmatched) {
    return "unmatched"
  }
  const path = normalisePath(req.originalUrl ?? req.url ?? "/")
  const routePath = req.route?.path
  if (typeof routePath === "string") {
    const joined =
      `${req.baseUrl ?? ""}${routePath === "/" && req.baseUrl ? "" : routePath}`.replace(
        /\/+$/,
        ""
      ) || "/"
    // after an error Express has restored the routers' baseUrl: the route alone is not the whole path
    if (joined.split("/").length === path.split("/").length) {
      return joined
    }
  }
  for (const prefix of STATIC_PREFIXES) {
    if (path === prefix || path.startsWith(`${prefix}/`)) {
      return `${prefix}/*`
    }
  }
  if (path === "/app" || path.startsWith("/app/")) {
    return "/app/*"
  }
  return path
}
