import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewaresConfig } from "@medusajs/medusa"
import { SHOP_LOGO_SVG } from "../lib/shop-logo"

/**
 * GET /logo.svg — the shop's logo, where the admin UI asks for its favicon (index.html) and where
 * the login page's brand widget shows it. Public. A middleware rather than a file route: the
 * file router drops the ".svg" of a folder name.
 */
function shopLogo(_req: MedusaRequest, res: MedusaResponse, _next: MedusaNextFunction) {
  res.setHeader("Content-Type", "image/svg+xml; charset=utf-8")
  res.setHeader("Cache-Control", "public, max-age=86400")
  res.send(SHOP_LOGO_SVG)
}

export const config: MiddlewaresConfig = {
  routes: [{ matcher: "/logo.svg", method: "GET", middlewares: [shopLogo] }],
}
