import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { FitmentImport } from "../models/fitment-import"

/** An import as the admin lists it (without its invalid rows' CSV). */
export type ImportLogRow = {
  id: string
  type: string
  file_name: string | null
  dry_run: boolean
  skip_invalid: boolean
  applied: boolean
  summary: Record<string, unknown>
  actor: string | null
  created_at: Date
  has_invalid_rows: boolean
}

export type NewImportLog = Omit<
  ImportLogRow,
  "created_at" | "has_invalid_rows"
> & {
  invalid_csv: string | null
}

const COLUMNS = `id, type, file_name, dry_run, skip_invalid, applied, summary, actor, created_at,
  invalid_csv IS NOT NULL AS has_invalid_rows`

/** The log of CSV imports and dry runs (table fitment_import). */
export const FitmentImportRepository = dataSource
  .getRepository(FitmentImport)
  .extend({
    async insertLog(log: NewImportLog): Promise<void> {
      await this.query(
        `INSERT INTO fitment_import (id, type, file_name, dry_run, skip_invalid, applied, summary, invalid_csv, actor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          log.id,
          log.type,
          log.file_name,
          log.dry_run,
          log.skip_invalid,
          log.applied,
          JSON.stringify(log.summary),
          log.invalid_csv,
          log.actor,
        ]
      )
    },

    async findLog(id: string): Promise<ImportLogRow | undefined> {
      const [row] = await this.query(
        `SELECT ${COLUMNS} FROM fitment_import WHERE id = $1`,
        [id]
      )
      return row
    },

    async findLogs(
      limit: number,
      offset: number
    ): Promise<[ImportLogRow[], number]> {
      const rows = await this.query(
        `SELECT ${COLUMNS} FROM fitment_import ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
        [limit, offset]
      )
      const [{ count }] = await this.query(
        `SELECT count(*)::int AS count FROM fitment_import`
      )
      return [rows, count]
    },

    /** The invalid rows' CSV of an import (null when none), undefined for an unknown import. */
    async findInvalidCsv(id: string): Promise<string | null | undefined> {
      const [row] = await this.query(
        `SELECT invalid_csv FROM fitment_import WHERE id = $1`,
        [id]
      )
      return row ? row.invalid_csv : undefined
    },

    /** The `limit` latest imports that wrote their rows (`applied`: not dry runs, not stopped), newest first. */
    async findAppliedLogs(limit: number): Promise<ImportLogRow[]> {
      return await this.query(
        `SELECT ${COLUMNS} FROM fitment_import WHERE applied ORDER BY created_at DESC, id LIMIT $1`,
        [limit]
      )
    },
  })

export default FitmentImportRepository
