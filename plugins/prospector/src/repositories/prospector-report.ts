import { dataSource } from "@medusajs/medusa/dist/loaders/database"

import { ProspectorReport } from "../models/prospector-report"

/** A stored report without its bodies (the list). */
export type ReportRow = Pick<
  ProspectorReport,
  "id" | "period_start" | "period_end" | "summary" | "created_at"
>

/** A stored report with its HTML and CSV. */
export type ReportWithBodiesRow = ReportRow &
  Pick<ProspectorReport, "html" | "csv">

export const ProspectorReportRepository = dataSource
  .getRepository(ProspectorReport)
  .extend({
    /** Stores the report of the period, replacing the one stored for the same start. */
    async upsert(
      report: Pick<
        ProspectorReport,
        "id" | "period_start" | "period_end" | "html" | "csv"
      > & { summary: object }
    ): Promise<ReportRow> {
      const rows = await this.query(
        `INSERT INTO prospector_report (id, period_start, period_end, html, csv, summary) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (period_start) DO UPDATE SET period_end = EXCLUDED.period_end, html = EXCLUDED.html, csv = EXCLUDED.csv,
           summary = EXCLUDED.summary, created_at = now()
         RETURNING id, period_start, period_end, summary, created_at`,
        [
          report.id,
          report.period_start,
          report.period_end,
          report.html,
          report.csv,
          JSON.stringify(report.summary),
        ]
      )
      return rows[0]
    },

    async existsFor(periodStart: Date): Promise<boolean> {
      const [existing] = await this.query(
        `SELECT id FROM prospector_report WHERE period_start = $1`,
        [periodStart]
      )
      return !!existing
    },

    async listAndCount(page: {
      limit: number
      offset: number
    }): Promise<[ReportRow[], number]> {
      const rows: ReportRow[] = await this.query(
        `SELECT id, period_start, period_end, summary, created_at FROM prospector_report ORDER BY period_start DESC LIMIT ${page.limit} OFFSET ${page.offset}`
      )
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM prospector_report`
      )
      return [rows, count]
    },

    async findRow(
      id: string,
      withBodies: boolean
    ): Promise<ReportRow | ReportWithBodiesRow | null> {
      const [row] = await this.query(
        `SELECT id, period_start, period_end, summary, created_at${withBodies ? ", html, csv" : ""} FROM prospector_report WHERE id = $1`,
        [id]
      )
      return row ?? null
    },
  })

export default ProspectorReportRepository
