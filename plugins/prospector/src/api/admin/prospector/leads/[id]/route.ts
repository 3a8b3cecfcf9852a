import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { actorId, objectBody } from "@shabou/api-params"

import type LeadService from "../../../../../services/lead"

/** GET /admin/prospector/leads/:id: one lead with its score breakdown and status history. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const leadService: LeadService = req.scope.resolve("leadService")
  res.json({ lead: await leadService.retrieve(req.params.id) })
}

/** POST /admin/prospector/leads/:id: { status?, notes?, assignee?, status_note? } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const leadService: LeadService = req.scope.resolve("leadService")
  res.json({
    lead: await leadService.update(
      req.params.id,
      objectBody(req.body),
      actorId(req)
    ),
  })
}
