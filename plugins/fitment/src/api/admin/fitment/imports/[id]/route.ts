import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { importJobs } from "../../../../../lib/import-jobs"
import FitmentImportService from "../../../../../services/fitment-import"

/**
 * GET /admin/fitment/imports/:id → { import }. A background import still running answers
 * `{ id, status: "running", progress: { stage, done, total, percent } }`; once finished, `status: "done"` and `result`
 * (the answer a direct POST gives, kept an hour) or `status: "failed"` and `error`. A logged import no longer in
 * memory answers its log row (summary; the invalid rows CSV is at …/invalid-rows) with `status: "done"`.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const job = importJobs.get(req.params.id)
  if (job && job.status !== "done") {
    res.json({ import: job })
    return
  }
  const logged = await req.scope
    .resolve<FitmentImportService>("fitmentImportService")
    .retrieve(req.params.id)
  res.json({
    import: {
      ...logged,
      status: "done",
      ...(job ? { progress: job.progress, result: job.result } : {}),
    },
  })
}
