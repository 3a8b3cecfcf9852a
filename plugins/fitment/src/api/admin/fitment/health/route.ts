import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/**
 * GET /admin/fitment/health: admin-only liveness of the fitment plugin.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ plugin: "fitment", status: "ok" })
}
