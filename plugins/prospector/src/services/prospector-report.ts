import { Logger, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { timeRun } from "@shabou/ops"

import { DEFAULT_SCORING } from "../lib/scoring-config"
import { Currency } from "../lib/price-parser"
import { buildWeeklyReport } from "../lib/report"
import { dueReportPeriod } from "../lib/schedule"
import ProspectorRunService, { RunTrigger } from "./prospector-run"

type InjectedDependencies = {
  manager: EntityManager
  logger: Logger
  prospectorRunService: ProspectorRunService
}

export type Row = Record<string, any>

/** The weekly report: built from the database, stored, downloadable as HTML and CSV. */
export default class ProspectorReportService extends TransactionBaseService {
  protected readonly logger_: Logger
  protected readonly container_: InjectedDependencies

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.logger_ = container.logger
    this.container_ = container
  }

  private get runs(): ProspectorRunService {
    return this.container_.prospectorRunService
  }

  /** The default period: the last complete Monday-to-Monday week (Tunis time). */
  defaultPeriod(now = new Date()): { start: Date; end: Date } {
    const opts = this.runs.options()
    const p = dueReportPeriod(now, opts.timezone, 0)
    return { start: p.start, end: p.end }
  }

  /** Builds (or rebuilds) and stores the report for [start, end). */
  async generate(input: {
    start?: Date
    end?: Date
    trigger: RunTrigger
  }): Promise<Row> {
    const period =
      input.start && input.end
        ? { start: input.start, end: input.end }
        : this.defaultPeriod()
    if (
      !(period.start instanceof Date) ||
      isNaN(period.start.getTime()) ||
      !(period.end instanceof Date) ||
      isNaN(period.end.getTime())
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "start, end: must be ISO dates"
      )
    }
    if (period.start >= period.end) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `start: ${period.start.toISOString()} must be before end ${period.end.toISOString()}`
      )
    }
    return await timeRun("report", input.trigger, async () => {
      const runId = await this.runs.startRun("report", input.trigger, {
        start: period.start,
        end: period.end,
      })
      try {
        const row = await this.build(period)
        await this.runs.finishRun(
          runId,
          "completed",
          { report_id: row.id, ...row.summary },
          []
        )
        return row
      } catch (e) {
        await this.runs.finishRun(runId, "failed", {}, [
          { message: String(e?.message ?? e) },
        ])
        throw e
      }
    })
  }

  private async build(period: { start: Date; end: Date }): Promise<Row> {
    const m = this.manager_
    const args = [period.start, period.end]
    const newLeads = await m.query(
      `SELECT name, city, score FROM prospector_lead WHERE kind = 'lead' AND first_seen_at >= $1 AND first_seen_at < $2 ORDER BY score DESC, name`,
      args
    )
    const statusChanges = await m.query(
      `SELECT l.name AS lead_name, c.from_status, c.to_status, c.created_at, u.email AS by_email, c.changed_by
       FROM prospector_lead_status_change c JOIN prospector_lead l ON l.id = c.lead_id
       LEFT JOIN "user" u ON u.id = c.changed_by
       WHERE c.created_at >= $1 AND c.created_at < $2 ORDER BY c.created_at`,
      args
    )
    const competitors = await m.query(
      `SELECT name, city, rating FROM prospector_lead WHERE kind = 'competitor' ORDER BY city, name`
    )
    const priceChanges = await m.query(
      `SELECT * FROM (
         SELECT o.observed_at, o.amount, o.currency, p.supplier, p.url, p.sku,
                lag(o.amount) OVER w AS previous_amount, lag(o.currency) OVER w AS previous_currency
         FROM prospector_price_observation o JOIN prospector_watched_page p ON p.id = o.watched_page_id
         WHERE o.observed_at < $2
         WINDOW w AS (PARTITION BY o.watched_page_id ORDER BY o.observed_at, o.created_at)
       ) x
       WHERE x.observed_at >= $1 AND (x.previous_amount IS NULL OR x.previous_amount <> x.amount OR x.previous_currency <> x.currency)
       ORDER BY x.observed_at`,
      args
    )
    const alerts = await m.query(
      `SELECT a.kind, a.message, a.created_at, p.supplier, p.url, p.sku FROM prospector_price_alert a
       JOIN prospector_watched_page p ON p.id = a.watched_page_id
       WHERE a.created_at >= $1 AND a.created_at < $2 ORDER BY a.created_at`,
      args
    )
    const report = await buildWeeklyReport({
      period,
      bands: DEFAULT_SCORING.bands,
      new_leads: newLeads.map((r: Row) => ({
        name: r.name,
        city: r.city,
        score: Number(r.score),
      })),
      status_changes: statusChanges.map((r: Row) => ({
        lead_name: r.lead_name,
        from: r.from_status,
        to: r.to_status,
        at: new Date(r.created_at),
        by: r.by_email ?? r.changed_by ?? null,
      })),
      competitors: competitors.map((r: Row) => ({
        name: r.name,
        city: r.city,
        rating: r.rating === null ? null : Number(r.rating),
      })),
      price_changes: priceChanges.map((r: Row) => ({
        supplier: r.supplier,
        url: r.url,
        sku: r.sku,
        previous:
          r.previous_amount === null
            ? null
            : {
                amount: Number(r.previous_amount),
                currency: r.previous_currency as Currency,
              },
        current: { amount: Number(r.amount), currency: r.currency as Currency },
        at: new Date(r.observed_at),
      })),
      alerts: alerts.map((r: Row) => ({
        supplier: r.supplier,
        url: r.url,
        sku: r.sku,
        kind: r.kind,
        message: r.message,
        at: new Date(r.created_at),
      })),
    })
    const rows = await m.query(
      `INSERT INTO prospector_report (id, period_start, period_end, html, csv, summary) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (period_start) DO UPDATE SET period_end = EXCLUDED.period_end, html = EXCLUDED.html, csv = EXCLUDED.csv,
         summary = EXCLUDED.summary, created_at = now()
       RETURNING id, period_start, period_end, summary, created_at`,
      [
        generateEntityId(undefined, "prep"),
        period.start,
        period.end,
        report.html,
        report.csv,
        JSON.stringify(report.summary),
      ]
    )
    return rows[0]
  }

  /** What the weekly job does: the last complete week's report, when it is not stored yet. */
  async scheduledReport(now = new Date()): Promise<Row | null> {
    const opts = this.runs.options()
    const period = dueReportPeriod(now, opts.timezone, opts.weeklyReportHour)
    const [existing] = await this.manager_.query(
      `SELECT id FROM prospector_report WHERE period_start = $1`,
      [period.start]
    )
    if (existing) {
      return null
    }
    return this.generate({
      start: period.start,
      end: period.end,
      trigger: "job",
    })
  }

  async list(page: {
    limit: number
    offset: number
  }): Promise<[Row[], number]> {
    const rows = await this.manager_.query(
      `SELECT id, period_start, period_end, summary, created_at FROM prospector_report ORDER BY period_start DESC LIMIT ${page.limit} OFFSET ${page.offset}`
    )
    const [{ count }] = await this.manager_.query(
      `SELECT count(*)::int AS count FROM prospector_report`
    )
    return [rows, count]
  }

  async retrieve(id: string, withBodies = false): Promise<Row> {
    const [row] = await this.manager_.query(
      `SELECT id, period_start, period_end, summary, created_at${withBodies ? ", html, csv" : ""} FROM prospector_report WHERE id = $1`,
      [id]
    )
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Report ${id} was not found`
      )
    }
    return row
  }
}
