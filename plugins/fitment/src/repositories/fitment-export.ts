import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import { ExportLink, ExportVehicle } from "../lib/fitment-export"
import { VEHICLE_FROM } from "../lib/fitment-sql"
import { Fitment } from "../models/fitment"

/** A vehicle row of the export. */
export type ExportVehicleRow = ExportVehicle & { id: string }

/** A universal product of the export: its SKU (first variant's) or handle. */
export type ExportUniversalRow = {
  id: string
  handle: string
  sku: string | null
}

/** A link of the export, with what its vehicle label is written from. */
export type ExportLinkRow = Omit<ExportLink, "vehicle_label"> & {
  id: string
  make: string
  model: string
  generation: string | null
  engine: string | null
  vehicle_engine_code: string | null
  year_from: number
  month_from: number | null
  year_to: number | null
  month_to: number | null
}

/** A product's SKU for the file: its first variant's (by creation), null when none has one. */
const FIRST_SKU = `(SELECT pv.sku FROM product_variant pv WHERE pv.product_id = p.id AND pv.deleted_at IS NULL AND pv.sku IS NOT NULL AND pv.sku <> ''
                    ORDER BY pv.variant_rank NULLS LAST, pv.created_at, pv.id LIMIT 1)`

/** The pages of the CSV exports: rows after the id `after`, by id (keyset), at most `limit`. */
export const FitmentExportRepository = dataSource
  .getRepository(Fitment)
  .extend({
    async vehiclesAfter(
      after: string,
      limit: number
    ): Promise<ExportVehicleRow[]> {
      return await this.query(
        `SELECT v.id, mk.name AS make, md.name AS model, v.generation, v.body, v.year_from, v.month_from, v.year_to, v.month_to,
                v.engine, v.engine_code, v.displacement_cc, v.power_hp, v.power_kw, v.fuel, v.ktype
         FROM ${VEHICLE_FROM} WHERE v.id > $1 ORDER BY v.id LIMIT $2`,
        [after, limit]
      )
    },

    async universalAfter(
      after: string,
      limit: number
    ): Promise<ExportUniversalRow[]> {
      return await this.query(
        `SELECT p.id, p.handle, ${FIRST_SKU} AS sku
         FROM fitment_product fp JOIN product p ON p.id = fp.product_id AND p.deleted_at IS NULL
         WHERE fp.is_universal AND p.id > $1 ORDER BY p.id LIMIT $2`,
        [after, limit]
      )
    },

    /** Product links (those bound to a variant are left out: the importer writes product links). */
    async linksAfter(after: string, limit: number): Promise<ExportLinkRow[]> {
      return await this.query(
        `SELECT f.id, p.handle, ${FIRST_SKU} AS sku, f.vehicle_id, f.position, f.quantity, f.engine_code, f.from_ym, f.to_ym,
                f.note_fr, f.note_ar, mk.name AS make, md.name AS model, v.generation, v.engine,
                v.engine_code AS vehicle_engine_code, v.year_from, v.month_from, v.year_to, v.month_to
         FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL
         JOIN ${VEHICLE_FROM} ON v.id = f.vehicle_id
         WHERE f.variant_id IS NULL AND f.id > $1 ORDER BY f.id LIMIT $2`,
        [after, limit]
      )
    },

    /** Links of live products bound to a variant (the export leaves them out). */
    async countVariantLinks(): Promise<number> {
      const [{ skipped }]: Array<{ skipped: number }> = await this.query(
        `SELECT count(*)::int AS skipped FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL WHERE f.variant_id IS NOT NULL`
      )
      return skipped
    },
  })

export default FitmentExportRepository
