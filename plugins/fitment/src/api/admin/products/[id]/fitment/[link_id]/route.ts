import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import FitmentService from "../../../../../../services/fitment"

/** GET /admin/products/:id/fitment/:link_id */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    link: await req.scope
      .resolve<FitmentService>("fitmentService")
      .retrieveLink(req.params.id, req.params.link_id),
  })
}

/** POST /admin/products/:id/fitment/:link_id { any qualifier, vehicle_id? } */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const link = await req.scope
    .resolve<FitmentService>("fitmentService")
    .updateLink(req.params.id, req.params.link_id, (req.body ?? {}) as any)
  res.json({ link })
}

/** DELETE /admin/products/:id/fitment/:link_id */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await req.scope
    .resolve<FitmentService>("fitmentService")
    .deleteLink(req.params.id, req.params.link_id)
  res.json({ id: req.params.link_id, object: "fitment", deleted: true })
}
