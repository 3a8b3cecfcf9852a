import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { actorId, invalidParam, objectBody } from "@shabou/api-params"
import type OrionAlertService from "../../../../../../services/orion-alert"

/** POST /admin/orion/alerts/:id/acknowledge { note? } — the owner has seen it; later runs keep it acknowledged. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = objectBody(req.body)
  if (body.note !== undefined && typeof body.note !== "string") {
    throw invalidParam("note", "must be a string")
  }
  const service: OrionAlertService = req.scope.resolve("orionAlertService")
  res.json({
    alert: await service.acknowledge(
      req.params.id,
      actorId(req),
      body.note as string | undefined
    ),
  })
}
