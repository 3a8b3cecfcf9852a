import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
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

type InjectedDependencies = { manager: EntityManager }

export type LeadRow = Record<string, any>

export interface LeadUpdateInput {
  status?: string
  notes?: string | null
  assignee?: string | null
  /** optional note stored with the status change */
  status_note?: string | null
}

const LIST_COLUMNS = `l.id, l.place_id, l.moved_place_id, l.merged_place_ids, l.name, l.phone, l.website, l.address, l.city,
  l.governorate, l.area, l.latitude, l.longitude, l.types, l.primary_type, l.rating, l.review_count, l.business_status,
  l.maps_url, l.first_seen_at, l.last_seen_at, l.fetched_at, l.score, l.score_band, l.score_breakdown, l.kind, l.status,
  l.notes, l.assignee, l.last_run_id, l.created_at, l.updated_at`

/** Leads and competitors found by the lead search: list, filters, workflow, CSV export. */
export default class LeadService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
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

  private sql(filters: LeadFilters) {
    return leadFiltersSql(
      filters,
      filters.q ? foldName(filters.q) || null : null
    )
  }

  async list(query: LeadListQuery): Promise<[LeadRow[], number]> {
    const { where, params } = this.sql(query.filters)
    const order = `l.${query.order.field} ${query.order.direction} NULLS LAST, l.id ASC`
    const rows = await this.activeManager_.query(
      `SELECT ${LIST_COLUMNS} FROM prospector_lead l ${where} ORDER BY ${order} LIMIT ${query.limit} OFFSET ${query.offset}`,
      params
    )
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM prospector_lead l ${where}`,
      params
    )
    return [rows, count]
  }

  /**
   * The values the admin's filters offer (cities, governorates, assignees, bands, statuses) with their
   * counts, from grouped queries (the lead table can hold tens of thousands of rows).
   */
  async facets(): Promise<
    Record<string, Array<{ value: string; count: number }>>
  > {
    const group = async (column: string) =>
      (await this.activeManager_.query(
        `SELECT ${column} AS value, count(*)::int AS count FROM prospector_lead
         WHERE ${column} IS NOT NULL AND ${column} <> '' GROUP BY ${column} ORDER BY count(*) DESC, ${column} ASC LIMIT 500`
      )) as Array<{ value: string; count: number }>
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
    const { where, params } = this.sql(query.filters)
    const order = `l.${query.order.field} ${query.order.direction} NULLS LAST, l.id ASC`
    for (let offset = 0; ; offset += batch) {
      const rows: LeadRow[] = await this.manager_.query(
        `SELECT ${LIST_COLUMNS} FROM prospector_lead l ${where} ORDER BY ${order} LIMIT ${batch} OFFSET ${offset}`,
        params
      )
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

  async retrieve(id: string): Promise<LeadRow> {
    const rows = await this.activeManager_.query(
      `SELECT ${LIST_COLUMNS} FROM prospector_lead l WHERE l.id = $1`,
      [id]
    )
    if (!rows.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Lead ${id} was not found`
      )
    }
    const history = await this.activeManager_.query(
      `SELECT id, from_status, to_status, changed_by, note, created_at FROM prospector_lead_status_change
       WHERE lead_id = $1 ORDER BY created_at ASC, id ASC`,
      [id]
    )
    return { ...rows[0], status_history: history }
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
      const rows = await manager.query(
        `SELECT id, status FROM prospector_lead WHERE id = $1 FOR UPDATE`,
        [id]
      )
      if (!rows.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Lead ${id} was not found`
        )
      }
      const sets: string[] = []
      const params: unknown[] = [id]
      const set = (column: string, value: unknown) => {
        params.push(value)
        sets.push(`${column} = $${params.length}`)
      }
      if (input.notes !== undefined) {
        set("notes", input.notes)
      }
      if (input.assignee !== undefined) {
        set("assignee", input.assignee === "" ? null : input.assignee)
      }
      if (input.status !== undefined && input.status !== rows[0].status) {
        set("status", input.status)
        await manager.query(
          `INSERT INTO prospector_lead_status_change (id, lead_id, from_status, to_status, changed_by, note) VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            generateEntityId(undefined, "plsc"),
            id,
            rows[0].status,
            input.status,
            changedBy,
            input.status_note ?? null,
          ]
        )
      }
      if (sets.length) {
        await manager.query(
          `UPDATE prospector_lead SET ${sets.join(", ")}, updated_at = now() WHERE id = $1`,
          params
        )
      }
    })
    return await this.retrieve(id)
  }
}
