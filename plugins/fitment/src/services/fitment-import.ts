import { TransactionBaseService } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { invalidRowsToCsv } from "../lib/csv-table"
import {
  ImportOptions,
  ImportResult,
  ImportType,
  importLists,
  importSummary,
  parseImportFile,
  shapeInvalid,
} from "../lib/import-run"
import { FitmentImportPlan, VehicleImportPlan } from "../lib/plan"
import type {
  FitmentImportRepository,
  ImportLogRow,
} from "../repositories/fitment-import"
import FitmentImportApplyService from "./fitment-import-apply"
import FitmentImportPlanService from "./fitment-import-plan"

export type { ImportOptions, ImportResult, ImportType }

type InjectedDependencies = {
  manager: EntityManager
  fitmentImportRepository: typeof FitmentImportRepository
  fitmentImportPlanService: FitmentImportPlanService
  fitmentImportApplyService: FitmentImportApplyService
}

/**
 * CSV imports of vehicles and fitment links, and their log. A dry run and a real run share one path: parse
 * (lib/import-run), plan against what is stored (FitmentImportPlanService), then, for a real run, apply the plan
 * (FitmentImportApplyService), all in one transaction. Without `skipInvalid`, any invalid row stops the import
 * before anything is written (all or nothing).
 */
export default class FitmentImportService extends TransactionBaseService {
  protected readonly fitmentImportRepository_: typeof FitmentImportRepository
  protected readonly planner_: FitmentImportPlanService
  protected readonly applier_: FitmentImportApplyService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.fitmentImportRepository_ = container.fitmentImportRepository
    this.planner_ = container.fitmentImportPlanService
    this.applier_ = container.fitmentImportApplyService
  }

  private get repo() {
    return this.activeManager_.withRepository(this.fitmentImportRepository_)
  }

  async import(
    type: ImportType,
    input: Buffer | string,
    options: ImportOptions = {}
  ): Promise<ImportResult> {
    const started = Date.now()
    const progress = options.onProgress ?? (() => undefined)
    const parsed = parseImportFile(type, input, options.now)
    progress("parsed", parsed.total_rows, parsed.total_rows)

    return await this.atomicPhase_(async (manager) => {
      const plan = await this.planner_
        .withTransaction(manager)
        .plan(type, parsed, options.now)
      progress("planned", parsed.total_rows, parsed.total_rows)

      const invalid = plan.invalid
      let applied = false
      let stopped: string | null = null
      if (options.dryRun) {
        stopped = null
      } else if (invalid.length && !options.skipInvalid) {
        stopped = `${invalid.length} invalid row(s): nothing was written (fix them, or import with skip_invalid to write only the valid rows)`
      } else {
        const applier = this.applier_.withTransaction(manager)
        if (type === "vehicles") {
          await applier.applyVehicles(plan as VehicleImportPlan, progress)
        } else {
          await applier.applyFitments(
            plan as FitmentImportPlan,
            options.source ?? "import",
            progress
          )
        }
        applied = true
      }

      const { truncated, ...lists } = importLists(
        type,
        plan,
        options.detailsLimit ?? 1000
      )
      const summary = importSummary(type, plan)
      const id = options.id ?? generateEntityId(undefined, "fimp")
      const invalidCsv = invalid.length
        ? invalidRowsToCsv(parsed.headers, invalid, parsed.delimiter)
        : null
      // what the log row stores and the answer repeats, in the answer's order
      const run = {
        id,
        type,
        file_name: options.fileName ?? null,
        dry_run: Boolean(options.dryRun),
        skip_invalid: Boolean(options.skipInvalid),
        applied,
      }
      await this.withTransaction(manager).repo.insertLog({
        ...run,
        summary,
        invalid_csv: invalidCsv,
        actor: options.actor ?? null,
      })
      return {
        ...run,
        stopped_reason: stopped,
        summary,
        delimiter: parsed.delimiter,
        bom: parsed.bom,
        encoding: parsed.encoding,
        columns: parsed.columns,
        ignored_columns: parsed.ignored_columns,
        invalid_rows: invalid.map(shapeInvalid),
        duplicates: plan.duplicates,
        created: lists.created,
        updated: lists.updated,
        unchanged: lists.unchanged,
        truncated,
        invalid_rows_csv_url: invalidCsv
          ? `/admin/fitment/imports/${id}/invalid-rows`
          : null,
        duration_ms: Date.now() - started,
      }
    })
  }

  async retrieve(id: string): Promise<ImportLogRow> {
    const row = await this.repo.findLog(id)
    if (!row) {
      throw notFound(`Import ${id} was not found`)
    }
    return row
  }

  async list(limit: number, offset: number): Promise<[ImportLogRow[], number]> {
    return await this.repo.findLogs(limit, offset)
  }

  async invalidRowsCsv(id: string): Promise<string | null> {
    const csv = await this.repo.findInvalidCsv(id)
    if (csv === undefined) {
      throw notFound(`Import ${id} was not found`)
    }
    return csv
  }

  /** The `limit` latest applied imports (not dry runs, not stopped), newest first (the owner's dashboard). */
  async recentApplied(limit: number): Promise<ImportLogRow[]> {
    return await this.repo.findAppliedLogs(limit)
  }
}
