import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

import type LeadService from "../../../../services/lead"

/**
 * GET /admin/prospector/leads: leads and competitors, filtered and sorted.
 * Query: status, kind, city, governorate, area, assignee, min_score, max_score, q, order (-score), limit, offset.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const leadService: LeadService = req.scope.resolve("leadService")
  const query = leadService.parseQuery(req.query as Record<string, unknown>)
  const [leads, count] = await leadService.list(query)
  res.json({ leads, count, limit: query.limit, offset: query.offset })
}
