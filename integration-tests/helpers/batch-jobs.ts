/** A CSV uploaded through POST /admin/uploads, and a batch job (POST /admin/batch-jobs) run to its end, as the seeded admin user. */
import { adminCall } from "./http"

/** Uploads a CSV through POST /admin/uploads and returns its file key. */
export async function uploadCsv(csv: string, name: string): Promise<string> {
  const form = new FormData()
  form.append("files", new Blob([csv], { type: "text/csv" }), name)
  const up = await adminCall("POST", "/admin/uploads", undefined, { form })
  expect(up.status).toBe(200)
  return up.body.uploads[0].key
}

/** Creates a batch job (dry_run false: Medusa confirms it itself) and returns its id. */
export async function createBatchJob(
  type: string,
  context: Record<string, unknown>
): Promise<string> {
  const job = await adminCall("POST", "/admin/batch-jobs", {
    type,
    context,
    dry_run: false,
  })
  expect(job.status).toBe(201)
  return job.body.batch_job.id
}

/** Polls a batch job every `every` ms until it has a final status (completed, failed or canceled), 90 s at most. */
export async function finishedBatchJob(id: string, every = 200): Promise<any> {
  const until = Date.now() + 90000
  while (Date.now() < until) {
    const res = await adminCall("GET", `/admin/batch-jobs/${id}`)
    if (
      ["completed", "failed", "canceled"].includes(res.body.batch_job.status)
    ) {
      return res.body.batch_job
    }
    await new Promise((r) => setTimeout(r, every))
  }
  throw new Error(`batch job ${id} not finished within 90 s`)
}
