import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/**
 * GET /admin/prospector/health: admin-only liveness of the prospector plugin.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ plugin: "prospector", status: "ok" })
}
