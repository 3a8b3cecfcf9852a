import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OrionAlertService from "../../../../../../services/orion-alert"
import { badRequest } from "../../../../../_utils/params"

/** POST /admin/orion/alerts/:id/acknowledge { note? } — the owner has seen it; later runs keep it acknowledged. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req.body ?? {}) as { note?: unknown }
  if (body.note !== undefined && typeof body.note !== "string") {
    badRequest("note must be a string")
  }
  const service: OrionAlertService = req.scope.resolve("orionAlertService")
  const user = (req as MedusaRequest & { user?: { userId?: string; id?: string } }).user
  res.json({ alert: await service.acknowledge(req.params.id, user?.userId ?? user?.id ?? null, body.note as string | undefined) })
}
