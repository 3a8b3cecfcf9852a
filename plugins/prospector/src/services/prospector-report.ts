import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { timeRun } from "@shabou/ops"

import { Currency } from "../lib/price-parser"
import { buildWeeklyReport } from "../lib/report"
import { dueReportPeriod } from "@shabou/ops"
import { DEFAULT_SCORING } from "../lib/scoring-config"
import { optionsReader, ProspectorOptions } from "../options"
import type { ProspectorLeadRepository } from "../repositories/prospector-lead"
import type { ProspectorLeadStatusChangeRepository } from "../repositories/prospector-lead-status-change"
import type { ProspectorPriceAlertRepository } from "../repositories/prospector-price-alert"
import type { ProspectorPriceObservationRepository } from "../repositories/prospector-price-observation"
import type {
  ProspectorReportRepository,
  ReportRow,
  ReportWithBodiesRow,
} from "../repositories/prospector-report"
import type { RunTrigger } from "../repositories/prospector-run"
import type ProspectorRunLogService from "./prospector-run-log"

type InjectedDependencies = {
  manager: EntityManager
  prospectorRunLogService: ProspectorRunLogService
  prospectorReportRepository: typeof ProspectorReportRepository
  prospectorLeadRepository: typeof ProspectorLeadRepository
  prospectorLeadStatusChangeRepository: typeof ProspectorLeadStatusChangeRepository
  prospectorPriceObservationRepository: typeof ProspectorPriceObservationRepository
  prospectorPriceAlertRepository: typeof ProspectorPriceAlertRepository
}

/** The weekly report: built from the database, stored, downloadable as HTML and CSV. */
export default class ProspectorReportService extends TransactionBaseService {
  protected readonly container_: InjectedDependencies
  /** the plugin options, resolved at each call */
  readonly options: () => ProspectorOptions
  protected readonly runLog_: ProspectorRunLogService
  protected readonly reportRepository_: typeof ProspectorReportRepository

  constructor(
    container: InjectedDependencies,
    options: Record<string, unknown>
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.container_ = container
    this.options = optionsReader(options)
    this.runLog_ = container.prospectorRunLogService
    this.reportRepository_ = container.prospectorReportRepository
  }

  /** The default period: the last complete Monday-to-Monday week (Tunis time). */
  defaultPeriod(now = new Date()): { start: Date; end: Date } {
    const opts = this.options()
    const p = dueReportPeriod(now, opts.timezone, 0)
    return { start: p.start, end: p.end }
  }

  /** Builds (or rebuilds) and stores the report for [start, end). */
  async generate(input: {
    start?: Date
    end?: Date
    trigger: RunTrigger
  }): Promise<ReportRow> {
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
      const runId = await this.runLog_.startRun("report", input.trigger, {
        start: period.start,
        end: period.end,
      })
      try {
        const row = await this.build(period)
        await this.runLog_.finishRun(
          runId,
          "completed",
          { report_id: row.id, ...row.summary },
          []
        )
        return row
      } catch (e) {
        await this.runLog_.finishRun(runId, "failed", {}, [
          { message: String(e?.message ?? e) },
        ])
        throw e
      }
    })
  }

  private async build(period: { start: Date; end: Date }): Promise<ReportRow> {
    const m = this.activeManager_
    const c = this.container_
    const { start, end } = period
    const newLeads = await m
      .withRepository(c.prospectorLeadRepository)
      .newLeadsBetween(start, end)
    const statusChanges = await m
      .withRepository(c.prospectorLeadStatusChangeRepository)
      .between(start, end)
    const competitors = await m
      .withRepository(c.prospectorLeadRepository)
      .competitors()
    const priceChanges = await m
      .withRepository(c.prospectorPriceObservationRepository)
      .priceChangesBetween(start, end)
    const alerts = await m
      .withRepository(c.prospectorPriceAlertRepository)
      .between(start, end)
    const report = await buildWeeklyReport({
      period,
      bands: DEFAULT_SCORING.bands,
      new_leads: newLeads.map((r) => ({
        name: r.name,
        city: r.city,
        score: Number(r.score),
      })),
      status_changes: statusChanges.map((r) => ({
        lead_name: r.lead_name,
        from: r.from_status,
        to: r.to_status,
        at: new Date(r.created_at),
        by: r.by_email ?? r.changed_by ?? null,
      })),
      competitors: competitors.map((r) => ({
        name: r.name,
        city: r.city,
        rating: r.rating === null ? null : Number(r.rating),
      })),
      price_changes: priceChanges.map((r) => ({
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
      alerts: alerts.map((r) => ({
        supplier: r.supplier,
        url: r.url,
        sku: r.sku,
        kind: r.kind,
        message: r.message,
        at: new Date(r.created_at),
      })),
    })
    return await this.atomicPhase_(async (manager) =>
      manager.withRepository(this.reportRepository_).upsert({
        id: generateEntityId(undefined, "prep"),
        period_start: period.start,
        period_end: period.end,
        html: report.html,
        csv: report.csv,
        summary: report.summary,
      })
    )
  }

  /** What the weekly job does: the last complete week's report, when it is not stored yet. */
  async scheduledReport(now = new Date()): Promise<ReportRow | null> {
    const opts = this.options()
    const period = dueReportPeriod(now, opts.timezone, opts.weeklyReportHour)
    const exists = await this.activeManager_
      .withRepository(this.reportRepository_)
      .existsFor(period.start)
    if (exists) {
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
  }): Promise<[ReportRow[], number]> {
    return await this.activeManager_
      .withRepository(this.reportRepository_)
      .listAndCount(page)
  }

  async retrieve(id: string, withBodies?: false): Promise<ReportRow>
  async retrieve(id: string, withBodies: boolean): Promise<ReportWithBodiesRow>
  async retrieve(
    id: string,
    withBodies = false
  ): Promise<ReportRow | ReportWithBodiesRow> {
    const row = await this.activeManager_
      .withRepository(this.reportRepository_)
      .findRow(id, withBodies)
    if (!row) {
      throw notFound(`Report ${id} was not found`)
    }
    return row
  }
}
