import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { noLiveLease } from "@shabou/ops"

import { SqlWhere } from "@shabou/sql"
import { ProspectorRun } from "../models/prospector-run"

/** A `prospector_run` row as the admin API returns it. */
export type RunRow = Pick<
  ProspectorRun,
  | "id"
  | "kind"
  | "trigger"
  | "status"
  | "run_date"
  | "params"
  | "summary"
  | "errors"
  | "started_at"
  | "finished_at"
  | "created_at"
  | "updated_at"
>

export type RunTrigger = ProspectorRun["trigger"]

/** The run kinds that hold a run lease (`prospector-<kind>`); reports hold none. */
export const LEASED_RUN_KINDS = ["search", "watch"] as const

/** Rows of an `UPDATE … RETURNING`: TypeORM's postgres driver answers [rows, count]. */
function returned<T>(result: unknown): T[] {
  const r = result as unknown[]
  return (Array.isArray(r?.[0]) ? r[0] : r) as T[]
}

export const ProspectorRunRepository = dataSource
  .getRepository(ProspectorRun)
  .extend({
    async start(run: {
      id: string
      kind: string
      trigger: string
      run_date: string | null
      params: Record<string, unknown>
    }): Promise<void> {
      await this.query(
        `INSERT INTO prospector_run (id, kind, trigger, status, run_date, params, started_at) VALUES ($1, $2, $3, 'running', $4, $5, now())`,
        [
          run.id,
          run.kind,
          run.trigger,
          run.run_date,
          JSON.stringify(run.params),
        ]
      )
    },

    async finish(
      id: string,
      status: string,
      summary: object,
      errors: object[]
    ): Promise<void> {
      await this.query(
        `UPDATE prospector_run SET status = $2, summary = $3, errors = $4, finished_at = now(), updated_at = now() WHERE id = $1`,
        [id, status, JSON.stringify(summary), JSON.stringify(errors)]
      )
    },

    /** Marks the running runs of `kind` interrupted; the number of runs marked. */
    async interruptKind(kind: string): Promise<number> {
      return returned(
        await this.query(
          `UPDATE prospector_run SET status = 'interrupted', finished_at = now(), updated_at = now()
           WHERE kind = $1 AND status = 'running' RETURNING id`,
          [kind]
        )
      ).length
    },

    /** Marks interrupted the running runs whose kind has no live run lease. */
    async interruptUnleased(): Promise<number> {
      return returned(
        await this.query(
          `UPDATE prospector_run r SET status = 'interrupted', finished_at = now(), updated_at = now()
           WHERE r.status = 'running' AND r.kind = ANY($1) AND ${noLiveLease("'prospector-' || r.kind")} RETURNING id`,
          [LEASED_RUN_KINDS]
        )
      ).length
    },

    async listAndCount(
      filter: { kind?: string; status?: string },
      page: { limit: number; offset: number }
    ): Promise<[RunRow[], number]> {
      const { clause, values: params } = new SqlWhere()
        .when(filter.kind || undefined, (p) => `kind = ${p}`)
        .when(filter.status || undefined, (p) => `status = ${p}`)
      const rows: RunRow[] = await this.query(
        `SELECT * FROM prospector_run ${clause} ORDER BY started_at DESC, id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        params
      )
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM prospector_run ${clause}`,
        params
      )
      return [rows, count]
    },

    async findRow(id: string): Promise<RunRow | null> {
      const [row] = await this.query(
        `SELECT * FROM prospector_run WHERE id = $1`,
        [id]
      )
      return row ?? null
    },

    /** The local date of the last scheduled search that ran, failed or is running (not interrupted). */
    async lastScheduledSearchDate(): Promise<string | null> {
      const [last] = await this.query(
        `SELECT run_date FROM prospector_run WHERE kind = 'search' AND trigger = 'job' AND status IN ('completed', 'failed', 'running') ORDER BY started_at DESC LIMIT 1`
      )
      return last?.run_date ?? null
    },
  })

export default ProspectorRunRepository
