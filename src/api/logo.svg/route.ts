import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { SHOP_LOGO_SVG } from "../../lib/shop-logo"

/** GET /logo.svg — the shop's logo, where the admin UI asks for its favicon and login logo. Public. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("Content-Type", "image/svg+xml; charset=utf-8")
  res.setHeader("Cache-Control", "public, max-age=86400")
  res.send(SHOP_LOGO_SVG)
}
