import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/**
 * GET /admin/price-history/health: admin-only liveness of the price-history plugin.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ plugin: "price-history", status: "ok" })
}
