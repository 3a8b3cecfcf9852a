import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"

import { LeadCsvRow, leadsCsvStream } from "../lib/csv"
import { foldName } from "../lib/name-key"
import {
  LEAD_STATUSES,
  LeadFilters,
  LeadListQuery,
  LeadQueryError,
  leadFiltersSql,
  parseLeadQuery,
} from "../lib/lead-filters"
import type {
  LeadFacet,
  LeadRow,
  ProspectorLeadRepository,
} from "../repositories/prospector-lead"
import type {
  ProspectorLeadStatusChangeRepository,
  StatusChangeRow,
} from "../repositories/prospector-lead-status-change"

type InjectedDependencies = {
  manager: EntityManager
  prospectorLeadRepository: typeof ProspectorLeadRepository
  prospectorLeadStatusChangeRepository: typeof ProspectorLeadStatusChangeRepository
}

export type { LeadRow }

export interface LeadUpdateInput {
  status?: string
  notes?: string | null
  assignee?: string | null
  /** optional note stored with the status change */
  status_note?: string | null
}

/** Leads and competitors found by the lead search: list, filters, workflow, CSV export. */
export default class LeadService extends TransactionBaseService {
  protected readonly leadRepository_: typeof ProspectorLeadRepository
  protected readonly statusChangeRepository_: typeof ProspectorLeadStatusChangeRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.leadRepository_ = container.prospectorLeadRepository
    this.statusChangeRepository_ =
      container.prospectorLeadStatusChangeRepository
  }

  private leads() {
    return this.activeManager_.withRepository(this.leadRepository_)
  }

  /** Parses list/export query parameters; bad input becomes a 400 naming the parameter. */
  parseQuery(
    raw: Record<string, unknown>,
    options?: { maxLimit?: number }
  ): LeadListQuery {
    try {
      return parseLeadQuery(raw, options)
    } catch (e) {
      if (e instanceof LeadQueryError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
      }
      throw e
    }
  }

  private sql(query: { filters: LeadFilters; order: LeadListQuery["order"] }) {
    const { where, params } = leadFiltersSql(
      query.filters,
      query.filters.q ? foldName(query.filters.q) || null : null
    )
    const order = `l.${query.order.field} ${query.order.direction} NULLS LAST, l.id ASC`
    return { where, params, order }
  }

  async list(query: LeadListQuery): Promise<[LeadRow[], number]> {
    const sql = this.sql(query)
    const rows = await this.leads().listPage(sql, query)
    return [rows, await this.leads().countWhere(sql)]
  }

  /**
   * The values the admin's filters offer (cities, governorates, assignees, bands, statuses) with their
   * counts, from grouped queries (the lead table can hold tens of thousands of rows).
   */
  async facets(): Promise<Record<string, LeadFacet>> {
    const group = (
      column: Parameters<ReturnType<LeadService["leads"]>["facet"]>[0]
    ) => this.leads().facet(column)
    return {
      city: await group("city"),
      governorate: await group("governorate"),
      assignee: await group("assignee"),
      band: await group("score_band"),
      status: await group("status"),
      kind: await group("kind"),
    }
  }

  /** Every matching row, fetched in pages of `batch` (for the streamed export). */
  async *iterate(query: LeadListQuery, batch = 500): AsyncGenerator<LeadRow> {
    const sql = this.sql(query)
    for (let offset = 0; ; offset += batch) {
      const rows = await this.leads().listPage(sql, { limit: batch, offset })
      for (const row of rows) {
        yield row
      }
      if (rows.length < batch) {
        return
      }
    }
  }

  /** The CSV export (UTF-8 with BOM, formula cells neutralised) as a stream. */
  exportCsv(query: LeadListQuery, options: { delimiter?: "," | ";" } = {}) {
    const rows = this.iterate(query)
    async function* toCsv(): AsyncGenerator<LeadCsvRow> {
      for await (const r of rows) {
        yield {
          name: r.name,
          phone: r.phone,
          website: r.website,
          address: r.address,
          city: r.city,
          governorate: r.governorate,
          score: r.score,
          status: r.status,
          rating: r.rating,
          review_count: r.review_count,
          business_status: r.business_status,
          maps_url: r.maps_url,
          assignee: r.assignee,
          notes: r.notes,
          first_seen_at: r.first_seen_at,
          last_seen_at: r.last_seen_at,
        }
      }
    }
    return leadsCsvStream(toCsv(), { delimiter: options.delimiter })
  }

  async retrieve(
    id: string
  ): Promise<LeadRow & { status_history: StatusChangeRow[] }> {
    const row = await this.leads().findRow(id)
    if (!row) {
      throw notFound(`Lead ${id} was not found`)
    }
    const history = await this.activeManager_
      .withRepository(this.statusChangeRepository_)
      .historyOf(id)
    return { ...row, status_history: history }
  }

  async update(
    id: string,
    input: LeadUpdateInput,
    changedBy: string | null = null
  ): Promise<LeadRow> {
    const allowed = ["status", "notes", "assignee", "status_note"]
    for (const key of Object.keys(input ?? {})) {
      if (!allowed.includes(key)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${key}: cannot be changed (allowed: ${allowed.join(", ")})`
        )
      }
    }
    if (
      input.status !== undefined &&
      !(LEAD_STATUSES as readonly string[]).includes(input.status)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `status: "${input.status}" is not one of ${LEAD_STATUSES.join(", ")}`
      )
    }
    for (const key of ["notes", "assignee", "status_note"] as const) {
      const v = input[key]
      if (v !== undefined && v !== null && typeof v !== "string") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${key}: must be a string or null`
        )
      }
      if (
        typeof v === "string" &&
        v.length > (key === "assignee" ? 200 : 10_000)
      ) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${key}: is too long`
        )
      }
    }
    await this.atomicPhase_(async (manager) => {
      const leads = manager.withRepository(this.leadRepository_)
      const current = await leads.lockStatus(id)
      if (!current) {
        throw notFound(`Lead ${id} was not found`)
      }
      const changed =
        input.status !== undefined && input.status !== current.status
      if (changed) {
        await manager.withRepository(this.statusChangeRepository_).record({
          id: generateEntityId(undefined, "plsc"),
          lead_id: id,
          from_status: current.status,
          to_status: input.status as string,
          changed_by: changedBy,
          note: input.status_note ?? null,
        })
      }
      await leads.updateWorkflow(id, {
        notes: input.notes,
        assignee: input.assignee === "" ? null : input.assignee,
        status: changed ? input.status : undefined,
      })
    })
    return await this.retrieve(id)
  }

  /** How many leads (garages, not competitors) were first seen since `since` (the owner's dashboard). */
  async countNewSince(since: Date): Promise<number> {
    return await this.leads().countNewSince(since)
  }
}
