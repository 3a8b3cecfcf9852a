import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/**
 * GET /admin/orion/health: admin-only liveness of the orion plugin.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ plugin: "orion", status: "ok" })
}
