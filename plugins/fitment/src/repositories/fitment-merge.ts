import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { SqlWhere } from "@shabou/sql"
import { generateEntityId } from "@medusajs/utils"
import type { LinkRow } from "../lib/fitment-shape"
import { FitmentMerge } from "../models/fitment-merge"
import type { Pagination } from "../types"

export type MergeEntity = "vehicle" | "model" | "make"

/** A row of the merge log. */
export type FitmentMergeRow = {
  id: string
  entity: MergeEntity
  survivor_id: string
  merged_id: string
  moved_links: number
  details: Record<string, unknown> | null
  actor: string | null
  created_at: Date
}

/** A link of the merged vehicle identical to one of the survivor's, with the survivor's link it is folded into. */
export type FoldedLinkRow = LinkRow & {
  link_key: string
  survivor_link_id: string
}

/** The products whose links a merge moves (a preview lists 20 of them). */
export type MergedProductRow = { id: string; title: string; links: number }

/** The link column that selects the links of a vehicle, of a model's vehicles or of a make's vehicles. */
const LINK_OWNER: Record<MergeEntity, string> = {
  vehicle: "f.vehicle_id",
  model: "v.model_id",
  make: "v.make_id",
}

/** Links of vehicle $2 identical to one of vehicle $1 (same product, variant, position, engine and period). */
const TWINS = `m.vehicle_id = $2 AND s.vehicle_id = $1 AND s.product_id = m.product_id
  AND s.variant_id IS NOT DISTINCT FROM m.variant_id AND s.position IS NOT DISTINCT FROM m.position
  AND upper(s.engine_code) IS NOT DISTINCT FROM upper(m.engine_code)
  AND s.from_ym IS NOT DISTINCT FROM m.from_ym AND s.to_ym IS NOT DISTINCT FROM m.to_ym`

/**
 * The merge log, and the link moves of a merge (the `fitment` rows of the merged vehicle, model or make).
 */
export const FitmentMergeRepository = dataSource
  .getRepository(FitmentMerge)
  .extend({
    /** Writes a merge to the log, with a new `fmerge_` id. */
    async record(
      entry: Omit<FitmentMergeRow, "id" | "created_at">
    ): Promise<FitmentMergeRow> {
      const [row] = await this.query(
        `INSERT INTO fitment_merge (id, entity, survivor_id, merged_id, moved_links, details, actor) VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, entity, survivor_id, merged_id, moved_links, actor, created_at`,
        [
          generateEntityId(undefined, "fmerge"),
          entry.entity,
          entry.survivor_id,
          entry.merged_id,
          entry.moved_links,
          JSON.stringify(entry.details),
          entry.actor,
        ]
      )
      return row
    },

    async listFiltered(
      filter: { entity?: string; survivor_id?: string },
      page: Pagination
    ): Promise<[FitmentMergeRow[], number]> {
      const { clause, values: params } = new SqlWhere()
        .when(filter.entity || undefined, (p) => `entity = ${p}`)
        .when(filter.survivor_id || undefined, (p) => `survivor_id = ${p}`)
      const rows = await this.query(
        `SELECT * FROM fitment_merge ${clause} ORDER BY created_at DESC, id LIMIT ${page.limit} OFFSET ${page.offset}`,
        params
      )
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM fitment_merge ${clause}`,
        params
      )
      return [rows, count]
    },

    /** Links of the vehicles of a vehicle, model or make (by `entity`), and the distinct products they fit. */
    async countLinks(
      entity: MergeEntity,
      id: string
    ): Promise<{ links: number; products: number }> {
      const [row] = await this.query(
        `SELECT count(*)::int AS links, count(DISTINCT f.product_id)::int AS products
         FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id WHERE ${LINK_OWNER[entity]} = $1`,
        [id]
      )
      return row
    },

    async listLinkedProducts(
      entity: MergeEntity,
      id: string,
      limit: number
    ): Promise<MergedProductRow[]> {
      return await this.query(
        `SELECT p.id, p.title, count(*)::int AS links FROM fitment f JOIN vehicle v ON v.id = f.vehicle_id JOIN product p ON p.id = f.product_id
         WHERE ${LINK_OWNER[entity]} = $1 GROUP BY p.id, p.title ORDER BY p.title, p.id LIMIT ${limit}`,
        [id]
      )
    },

    /**
     * Folds the links of vehicle `mergedId` identical to one of `survivorId` into it (notes fill empty notes,
     * the larger quantity wins) and deletes them; answers the folded links as they were.
     */
    async foldTwinLinks(
      survivorId: string,
      mergedId: string
    ): Promise<FoldedLinkRow[]> {
      const folded: FoldedLinkRow[] = await this.query(
        `SELECT m.*, s.id AS survivor_link_id FROM fitment m JOIN fitment s ON ${TWINS}`,
        [survivorId, mergedId]
      )
      await this.query(
        `UPDATE fitment s SET note_fr = COALESCE(s.note_fr, m.note_fr), note_ar = COALESCE(s.note_ar, m.note_ar),
           quantity = GREATEST(s.quantity, m.quantity), updated_at = now()
         FROM fitment m WHERE ${TWINS}`,
        [survivorId, mergedId]
      )
      if (folded.length) {
        await this.query(`DELETE FROM fitment WHERE id = ANY($1)`, [
          folded.map((f) => f.id),
        ])
      }
      return folded
    },

    /** Moves every link of vehicle `mergedId` to `survivorId`; answers the moved link ids. */
    async moveLinks(survivorId: string, mergedId: string): Promise<string[]> {
      // TypeORM answers UPDATE/DELETE … RETURNING with [rows, affected count], not with the rows
      const [moved]: [Array<{ id: string }>, number] = await this.query(
        `UPDATE fitment SET vehicle_id = $1, updated_at = now() WHERE vehicle_id = $2 RETURNING id`,
        [survivorId, mergedId]
      )
      return moved.map((r) => r.id)
    },

    /** Rows of the whole base, to measure what a merge folded. */
    async countBase(): Promise<{
      links: number
      vehicles: number
      models: number
    }> {
      const [row] = await this.query(
        `SELECT (SELECT count(*)::int FROM fitment) AS links, (SELECT count(*)::int FROM vehicle) AS vehicles,
                (SELECT count(*)::int FROM vehicle_model) AS models`
      )
      return row
    },
  })

export default FitmentMergeRepository
