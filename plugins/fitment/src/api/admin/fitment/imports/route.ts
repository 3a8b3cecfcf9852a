import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { actorId, boolean, pagination } from "@shabou/api-params"
import FitmentImportService from "../../../../services/fitment-import"

/** GET /admin/fitment/imports → past imports and dry runs, newest first */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 20, max: 200 })
  const [imports, count] = await req.scope.resolve<FitmentImportService>("fitmentImportService").list(page.limit, page.offset)
  res.json({ imports, count, limit: page.limit, offset: page.offset })
}

/**
 * POST /admin/fitment/imports (multipart/form-data): file=<csv>, type=vehicles|fitments, dry_run, skip_invalid.
 * A dry run reports what would be created / updated / left unchanged and every invalid row, and writes nothing.
 * A real run is all or nothing (422 when invalid rows stopped it) unless skip_invalid is set; the invalid rows are
 * then downloadable as CSV from `invalid_rows_csv_url`.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const file = (req as unknown as { file?: { buffer: Buffer; originalname?: string } }).file
  const body = (req.body ?? {}) as Record<string, unknown>
  if (!file) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, 'file: a CSV file is required (multipart/form-data field "file")')
  }
  const type = body.type ?? req.query.type
  if (type !== "vehicles" && type !== "fitments") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `type: must be "vehicles" or "fitments", got ${type === undefined ? "nothing" : `"${type}"`}`)
  }
  const result = await req.scope.resolve<FitmentImportService>("fitmentImportService").import(type, file.buffer, {
    dryRun: boolean(body.dry_run ?? req.query.dry_run, "dry_run", { default: false }),
    skipInvalid: boolean(body.skip_invalid ?? req.query.skip_invalid, "skip_invalid", { default: false }),
    fileName: file.originalname ?? null,
    actor: actorId(req),
  })
  res.status(result.stopped_reason ? 422 : 200).json({ import: result })
}
