import { dataSource } from "@medusajs/medusa/dist/loaders/database"

import { insertSql, SqlWhere } from "@shabou/sql"
import { ProspectorPlacesRequest } from "../models/prospector-places-request"

/** One Places HTTP request of the ledger, as the admin API lists it. */
export type PlacesRequestRow = Pick<
  ProspectorPlacesRequest,
  | "id"
  | "run_id"
  | "query"
  | "language"
  | "area"
  | "tile"
  | "page"
  | "attempt"
  | "status"
  | "created_at"
>

export type PlacesRequestInput = Omit<PlacesRequestRow, "created_at"> & {
  at: Date
}

export const ProspectorPlacesRequestRepository = dataSource
  .getRepository(ProspectorPlacesRequest)
  .extend({
    async record(r: PlacesRequestInput): Promise<void> {
      await this.query(
        ...insertSql("prospector_places_request", {
          id: r.id,
          run_id: r.run_id,
          query: r.query,
          language: r.language,
          area: r.area,
          tile: r.tile,
          page: r.page,
          attempt: r.attempt,
          status: r.status,
          created_at: r.at,
        })
      )
    },

    async countSince(since: Date): Promise<number> {
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM prospector_places_request WHERE created_at >= $1`,
        [since]
      )
      return count
    },

    async countByStatusSince(
      since: Date
    ): Promise<{ status: string; count: number }[]> {
      return await this.query(
        `SELECT status, count(*)::int AS count FROM prospector_places_request WHERE created_at >= $1 GROUP BY status ORDER BY status`,
        [since]
      )
    },

    async countForRun(runId: string): Promise<number> {
      const [{ requests }] = await this.query(
        `SELECT count(*)::int AS requests FROM prospector_places_request WHERE run_id = $1`,
        [runId]
      )
      return requests
    },

    /** When each (area, query) pair was last searched. */
    async lastSearched(): Promise<
      Array<{ area: string; query: string; last: Date }>
    > {
      return await this.query(
        `SELECT area, query, max(created_at) AS last FROM prospector_places_request GROUP BY area, query`
      )
    },

    async listAndCount(
      filter: { run_id?: string; since?: Date },
      page: { limit: number; offset: number }
    ): Promise<[PlacesRequestRow[], number]> {
      const { clause, values: params } = new SqlWhere()
        .when(filter.run_id || undefined, (p) => `run_id = ${p}`)
        .when(filter.since || undefined, (p) => `created_at >= ${p}`)
      const rows: PlacesRequestRow[] = await this.query(
        `SELECT id, run_id, query, language, area, tile, page, attempt, status, created_at FROM prospector_places_request ${clause}
         ORDER BY created_at DESC, id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        params
      )
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM prospector_places_request ${clause}`,
        params
      )
      return [rows, count]
    },
  })

export default ProspectorPlacesRequestRepository
