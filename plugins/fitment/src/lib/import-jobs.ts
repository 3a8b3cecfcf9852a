/**
 * Imports run in the background (a 20,000-line file takes a while): their progress lives in this registry,
 * in the server's memory, until the result has been kept for `keepMs`. The import log itself
 * (`fitment_import`) is written by the import, so history survives restarts; only a running import's
 * progress does not.
 */

export type ImportJobStatus = "running" | "done" | "failed"

export interface ImportJob {
  id: string
  status: ImportJobStatus
  type: string
  file_name: string | null
  dry_run: boolean
  skip_invalid: boolean
  /** stage: "queued", "parsed", "planned", then the writing stages of the import; done/total in rows */
  progress: { stage: string; done: number; total: number; percent: number }
  started_at: string
  finished_at: string | null
  error: { status: number; message: string } | null
  result: unknown | null
}

/** Completion of each stage as a share of the whole import, so the bar never goes back. */
const STAGES: Record<string, [number, number]> = {
  queued: [0, 0],
  parsed: [0, 30],
  planned: [30, 50],
}

export function progressPercent(
  stage: string,
  done: number,
  total: number,
  dryRun: boolean
): number {
  const [from, to] = STAGES[stage] ?? [50, 99]
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1
  const value = from + (to - from) * share
  // a dry run ends when the plan is made
  return Math.floor(dryRun ? Math.min(99, (value / 50) * 99) : value)
}

export class ImportJobRegistry {
  private jobs = new Map<string, ImportJob>()

  constructor(
    private readonly keepMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now
  ) {}

  start(
    id: string,
    info: {
      type: string
      file_name: string | null
      dry_run: boolean
      skip_invalid: boolean
    }
  ): ImportJob {
    this.prune()
    const job: ImportJob = {
      id,
      status: "running",
      ...info,
      progress: { stage: "queued", done: 0, total: 0, percent: 0 },
      started_at: new Date(this.now()).toISOString(),
      finished_at: null,
      error: null,
      result: null,
    }
    this.jobs.set(id, job)
    return job
  }

  progress(id: string, stage: string, done: number, total: number): void {
    const job = this.jobs.get(id)
    if (!job || job.status !== "running") {
      return
    }
    const percent = Math.max(
      job.progress.percent,
      progressPercent(stage, done, total, job.dry_run)
    )
    job.progress = { stage, done, total, percent }
  }

  finish(id: string, result: unknown): void {
    const job = this.jobs.get(id)
    if (job) {
      job.status = "done"
      job.result = result
      job.progress = { ...job.progress, stage: "done", percent: 100 }
      job.finished_at = new Date(this.now()).toISOString()
    }
  }

  fail(id: string, status: number, message: string): void {
    const job = this.jobs.get(id)
    if (job) {
      job.status = "failed"
      job.error = { status, message }
      job.finished_at = new Date(this.now()).toISOString()
    }
  }

  get(id: string): ImportJob | null {
    this.prune()
    return this.jobs.get(id) ?? null
  }

  /** Running imports, newest first (the history list shows them above the logged ones). */
  running(): ImportJob[] {
    return [...this.jobs.values()]
      .filter((j) => j.status === "running")
      .sort((a, b) => b.started_at.localeCompare(a.started_at))
  }

  private prune(): void {
    const limit = this.now() - this.keepMs
    for (const [id, job] of this.jobs) {
      if (job.finished_at && Date.parse(job.finished_at) < limit) {
        this.jobs.delete(id)
      }
    }
  }
}

/** The one registry of the server process. */
export const importJobs = new ImportJobRegistry()
