import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { generateEntityId, MedusaError } from "@medusajs/utils"
import { actorId, boolean, pagination, uploadedFile } from "@shabou/api-params"
import { importJobs } from "../../../../lib/import-jobs"
import FitmentImportService from "../../../../services/fitment-import"

/**
 * GET /admin/fitment/imports?limit=&offset= → past imports and dry runs, newest first, paged
 * (`{ imports, count, limit, offset, running }`: `running` = background imports still in progress).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pagination(req.query, { limit: 20, max: 200 })
  const [imports, count] = await req.scope
    .resolve<FitmentImportService>("fitmentImportService")
    .list(page.limit, page.offset)
  res.json({
    imports,
    count,
    limit: page.limit,
    offset: page.offset,
    running: importJobs.running().map(({ result: _r, ...job }) => job),
  })
}

/**
 * POST /admin/fitment/imports (multipart/form-data): file=<csv>, type=vehicles|fitments, dry_run, skip_invalid.
 * A dry run reports what would be created / updated / left unchanged and every invalid row, and writes nothing.
 * A real run is all or nothing (422 when invalid rows stopped it) unless skip_invalid is set; the invalid rows are
 * then downloadable as CSV from `invalid_rows_csv_url`.
 * With `background=true` the answer is 202 `{ import: { id, status: "running", progress } }` at once; poll
 * GET /admin/fitment/imports/:id for the progress and, when `status` is "done", the same result as above.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const file = uploadedFile(req)
  const body = (req.body ?? {}) as Record<string, unknown>
  const type = body.type ?? req.query.type
  if (type !== "vehicles" && type !== "fitments") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `type: must be "vehicles" or "fitments", got ${type === undefined ? "nothing" : `"${type}"`}`
    )
  }
  const options = {
    dryRun: boolean(body.dry_run ?? req.query.dry_run, "dry_run", {
      default: false,
    }),
    skipInvalid: boolean(
      body.skip_invalid ?? req.query.skip_invalid,
      "skip_invalid",
      { default: false }
    ),
    fileName: file.originalname ?? null,
    actor: actorId(req),
  }
  const background = boolean(
    body.background ?? req.query.background,
    "background",
    { default: false }
  )
  const service = req.scope.resolve<FitmentImportService>(
    "fitmentImportService"
  )
  if (!background) {
    const result = await service.import(type, file.buffer, options)
    res.status(result.stopped_reason ? 422 : 200).json({ import: result })
    return
  }
  const id = generateEntityId(undefined, "fimp")
  const job = importJobs.start(id, {
    type,
    file_name: options.fileName,
    dry_run: options.dryRun,
    skip_invalid: options.skipInvalid,
  })
  res.status(202).json({ import: { ...job, result: undefined } })
  // after the answer: the import runs on its own; its progress and result are read through GET …/imports/:id
  setImmediate(() => {
    service
      .import(type, file.buffer, {
        ...options,
        id,
        onProgress: (stage, done, total) =>
          importJobs.progress(id, stage, done, total),
      })
      .then((result) => importJobs.finish(id, result))
      .catch((e: unknown) => {
        const err = e as { type?: string; message?: string }
        const status =
          err.type === MedusaError.Types.INVALID_DATA
            ? 400
            : err.type === MedusaError.Types.NOT_FOUND
              ? 404
              : 500
        importJobs.fail(
          id,
          status,
          status === 500
            ? "the import failed on the server: see the server log"
            : String(err.message)
        )
        if (status === 500) {
          req.scope.resolve<{ error: (m: unknown) => void }>("logger").error(e)
        }
      })
  })
}
