import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { onlyKnown } from "@shabou/api-params"

import type LeadService from "../../../../../services/lead"

/**
 * GET /admin/prospector/leads/facets: the values the leads filters offer, with counts:
 * `{ facets: { city, governorate, assignee, band, status, kind: [{ value, count }] } }` (most frequent first).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  onlyKnown(req.query as Record<string, unknown>, [])
  const leadService: LeadService = req.scope.resolve("leadService")
  res.json({ facets: await leadService.facets() })
}
