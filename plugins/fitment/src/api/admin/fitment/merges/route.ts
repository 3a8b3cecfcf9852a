import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { actorId, boolean, pagination, text } from "@shabou/api-params"
import type { MergeEntity } from "../../../../repositories/fitment-merge"
import VehicleMergeService from "../../../../services/vehicle-merge"
import VehicleMergePreviewService from "../../../../services/vehicle-merge-preview"

/** GET /admin/fitment/merges?entity=&survivor_id= → the merge log */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 50, max: 500 })
  const [merges, count] = await req.scope
    .resolve<VehicleMergeService>("vehicleMergeService")
    .listMerges(
      {
        entity: text(req.query.entity, "entity"),
        survivor_id: text(req.query.survivor_id, "survivor_id"),
      },
      page
    )
  res.json({ merges, count, limit: page.limit, offset: page.offset })
}

/**
 * POST /admin/fitment/merges { entity: "vehicle" | "model" | "make", survivor_id, merged_id, dry_run? }:
 * every link of the merged record moves to the survivor, nothing is dropped, and the merge is recorded.
 * With `dry_run: true`: `{ preview: { survivor, merged, moves: { links, links_moved, links_folded, products, vehicles,
 * vehicles_folded, models, models_folded }, products } }`, computed by the real merge rolled back; nothing is written.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req.body ?? {}) as Record<string, unknown>
  for (const field of ["survivor_id", "merged_id"]) {
    if (typeof body[field] !== "string" || !body[field]) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${field}: is required`
      )
    }
  }
  const survivor = body.survivor_id as string
  const merged = body.merged_id as string
  const entity = mergeEntity(body.entity)
  if (boolean(body.dry_run, "dry_run", { default: false })) {
    if (survivor === merged) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `merge_id: a ${entity} cannot be merged into itself`
      )
    }
    res.json({
      preview: await req.scope
        .resolve<VehicleMergePreviewService>("vehicleMergePreviewService")
        .previewMerge(entity, survivor, merged),
    })
    return
  }
  const actor = actorId(req)
  const service = req.scope.resolve<VehicleMergeService>("vehicleMergeService")
  const result =
    entity === "vehicle"
      ? await service.mergeVehicles(survivor, merged, actor)
      : entity === "model"
        ? await service.mergeModels(survivor, merged, actor)
        : await service.mergeMakes(survivor, merged, actor)
  res.json(result)
}

function mergeEntity(value: unknown): MergeEntity {
  if (value !== "vehicle" && value !== "model" && value !== "make") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `entity: must be "vehicle", "model" or "make", got ${JSON.stringify(value ?? null)}`
    )
  }
  return value
}
