import { dataSource } from "@medusajs/medusa/dist/loaders/database"

import { ProspectorLead } from "../models/prospector-lead"

/** A lead as the admin API lists it (every column). */
export type LeadRow = Pick<
  ProspectorLead,
  | "id"
  | "place_id"
  | "moved_place_id"
  | "merged_place_ids"
  | "name"
  | "phone"
  | "website"
  | "address"
  | "city"
  | "governorate"
  | "area"
  | "latitude"
  | "longitude"
  | "types"
  | "primary_type"
  | "rating"
  | "review_count"
  | "business_status"
  | "maps_url"
  | "first_seen_at"
  | "last_seen_at"
  | "fetched_at"
  | "score"
  | "score_band"
  | "score_breakdown"
  | "kind"
  | "status"
  | "notes"
  | "assignee"
  | "last_run_id"
  | "created_at"
  | "updated_at"
>

/** What the lead search's duplicate index needs of a stored lead. */
export type LeadIndexRow = Pick<
  ProspectorLead,
  | "id"
  | "place_id"
  | "moved_place_id"
  | "merged_place_ids"
  | "phone"
  | "website"
  | "name"
  | "latitude"
  | "longitude"
>

/**
 * The Google cache of a lead, in the order of the insert/refresh parameters $1…$22:
 * name, name_folded, phone, website, address, city, governorate, latitude, longitude,
 * types, primary_type, rating, review_count, business_status, maps_url, fetched_at,
 * score, score_band, score_breakdown (JSON), kind, moved_place_id, last_run_id.
 */
export type LeadCacheValues = unknown[]

export type LeadFacet = Array<{ value: string; count: number }>

export const LEAD_COLUMNS = `l.id, l.place_id, l.moved_place_id, l.merged_place_ids, l.name, l.phone, l.website, l.address, l.city,
  l.governorate, l.area, l.latitude, l.longitude, l.types, l.primary_type, l.rating, l.review_count, l.business_status,
  l.maps_url, l.first_seen_at, l.last_seen_at, l.fetched_at, l.score, l.score_band, l.score_breakdown, l.kind, l.status,
  l.notes, l.assignee, l.last_run_id, l.created_at, l.updated_at`

export const ProspectorLeadRepository = dataSource
  .getRepository(ProspectorLead)
  .extend({
    /** `where` and `order` come from lib/lead-filters (parameters in `params`). */
    async listPage(
      sql: { where: string; params: unknown[]; order: string },
      page: { limit: number; offset: number }
    ): Promise<LeadRow[]> {
      return await this.query(
        `SELECT ${LEAD_COLUMNS} FROM prospector_lead l ${sql.where} ORDER BY ${sql.order} LIMIT ${page.limit} OFFSET ${page.offset}`,
        sql.params
      )
    },

    async countWhere(sql: {
      where: string
      params: unknown[]
    }): Promise<number> {
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM prospector_lead l ${sql.where}`,
        sql.params
      )
      return count
    },

    /** The most frequent values of a column (not null, not empty), with counts. */
    async facet(
      column:
        "city" | "governorate" | "assignee" | "score_band" | "status" | "kind"
    ): Promise<LeadFacet> {
      return await this.query(
        `SELECT ${column} AS value, count(*)::int AS count FROM prospector_lead
         WHERE ${column} IS NOT NULL AND ${column} <> '' GROUP BY ${column} ORDER BY count(*) DESC, ${column} ASC LIMIT 500`
      )
    },

    async findRow(id: string): Promise<LeadRow | null> {
      const [row] = await this.query(
        `SELECT ${LEAD_COLUMNS} FROM prospector_lead l WHERE l.id = $1`,
        [id]
      )
      return row ?? null
    },

    /** The lead's status, the row locked for the rest of the transaction. */
    async lockStatus(
      id: string
    ): Promise<{ id: string; status: string } | null> {
      const [row] = await this.query(
        `SELECT id, status FROM prospector_lead WHERE id = $1 FOR UPDATE`,
        [id]
      )
      return row ?? null
    },

    async updateWorkflow(
      id: string,
      set: { status?: string; notes?: string | null; assignee?: string | null }
    ): Promise<void> {
      const sets: string[] = []
      const params: unknown[] = [id]
      for (const column of ["notes", "assignee", "status"] as const) {
        if (set[column] !== undefined) {
          params.push(set[column])
          sets.push(`${column} = $${params.length}`)
        }
      }
      if (sets.length) {
        await this.query(
          `UPDATE prospector_lead SET ${sets.join(", ")}, updated_at = now() WHERE id = $1`,
          params
        )
      }
    },

    async indexRows(): Promise<LeadIndexRow[]> {
      return await this.query(
        `SELECT id, place_id, moved_place_id, merged_place_ids, phone, website, name, latitude, longitude FROM prospector_lead`
      )
    },

    /** A new lead (first and last seen at its fetched_at); false when its place is already stored. */
    async insertFound(
      cache: LeadCacheValues,
      lead: { id: string; place_id: string; area: string }
    ): Promise<boolean> {
      const inserted = await this.query(
        `INSERT INTO prospector_lead (name, name_folded, phone, website, address, city, governorate, latitude, longitude, types,
           primary_type, rating, review_count, business_status, maps_url, fetched_at, score, score_band, score_breakdown, kind,
           moved_place_id, last_run_id, id, place_id, area, first_seen_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $16, $16)
         ON CONFLICT (place_id) DO NOTHING RETURNING id`,
        [...cache, lead.id, lead.place_id, lead.area]
      )
      return inserted.length > 0
    },

    /** Refreshes the Google cache from the lead's own place (or the place it moved to). */
    async refreshCache(id: string, cache: LeadCacheValues): Promise<void> {
      await this.query(
        `UPDATE prospector_lead SET name = $1, name_folded = $2, phone = COALESCE($3, phone), website = COALESCE($4, website),
           address = COALESCE($5, address), city = COALESCE($6, city), governorate = COALESCE($7, governorate),
           latitude = COALESCE($8, latitude), longitude = COALESCE($9, longitude), types = $10, primary_type = $11, rating = $12,
           review_count = $13, business_status = $14, maps_url = COALESCE($15, maps_url), fetched_at = $16, last_seen_at = $16,
           score = $17, score_band = $18, score_breakdown = $19, kind = $20, moved_place_id = COALESCE($21, moved_place_id),
           last_run_id = $22, updated_at = now()
         WHERE id = $23`,
        [...cache, id]
      )
    },

    async markSeen(id: string, at: Date, runId: string): Promise<void> {
      await this.query(
        `UPDATE prospector_lead SET last_seen_at = $2, last_run_id = $3, updated_at = now() WHERE id = $1`,
        [id, at, runId]
      )
    },

    /** Another Google place of the same business: merged into the lead, filling its missing phone and website. */
    async mergePlace(
      id: string,
      place: { place_id: string; phone: string | null; website: string | null },
      at: Date,
      runId: string
    ): Promise<void> {
      await this.query(
        `UPDATE prospector_lead SET merged_place_ids = CASE WHEN $2 = ANY(merged_place_ids) THEN merged_place_ids ELSE array_append(merged_place_ids, $2) END,
           phone = COALESCE(phone, $3), website = COALESCE(website, $4), last_seen_at = $5, last_run_id = $6, updated_at = now()
         WHERE id = $1`,
        [id, place.place_id, place.phone, place.website, at, runId]
      )
    },

    async countKindsOfRun(
      runId: string
    ): Promise<{ leads: number; competitors: number }> {
      const [row] = await this.query(
        `SELECT count(*) FILTER (WHERE kind = 'lead')::int AS leads, count(*) FILTER (WHERE kind = 'competitor')::int AS competitors
         FROM prospector_lead WHERE last_run_id = $1`,
        [runId]
      )
      return row
    },

    /** Leads first seen in [start, end), best first (the weekly report). */
    async newLeadsBetween(
      start: Date,
      end: Date
    ): Promise<Array<Pick<ProspectorLead, "name" | "city" | "score">>> {
      return await this.query(
        `SELECT name, city, score FROM prospector_lead WHERE kind = 'lead' AND first_seen_at >= $1 AND first_seen_at < $2 ORDER BY score DESC, name`,
        [start, end]
      )
    },

    async competitors(): Promise<
      Array<Pick<ProspectorLead, "name" | "city" | "rating">>
    > {
      return await this.query(
        `SELECT name, city, rating FROM prospector_lead WHERE kind = 'competitor' ORDER BY city, name`
      )
    },

    /** How many leads (kind `lead`, competitors left out) were first seen since `since`. */
    async countNewSince(since: Date): Promise<number> {
      const [{ count }]: { count: number }[] = await this.query(
        `SELECT count(*)::int AS count FROM prospector_lead WHERE kind = 'lead' AND first_seen_at >= $1`,
        [since]
      )
      return count
    },
  })

export default ProspectorLeadRepository
