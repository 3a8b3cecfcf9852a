import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import {
  CSV_BOM,
  csvLines,
  FITMENT_EXPORT_HEADERS,
  linkCells,
  universalCells,
  VEHICLE_EXPORT_HEADERS,
  vehicleCells,
} from "../lib/fitment-export"
import { vehicleLabel } from "../lib/vehicle-label"
import { Row } from "../types"

type InjectedDependencies = { manager: EntityManager }

export const EXPORT_TYPES = ["vehicles", "fitments"] as const
export type ExportType = (typeof EXPORT_TYPES)[number]

/** Rows read per query: the file is written as it is read, whatever the size of the base. */
const PAGE = 5000

/**
 * Writes the vehicle base or the links as CSV in the importer's columns (see lib/fitment-export), page by page
 * (keyset on id) inside one REPEATABLE READ transaction, so a file is one consistent picture even while imports run.
 * Links bound to a variant are left out (the CSV importer writes product links only) and counted.
 */
export default class FitmentExportService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
  }

  /** Streams the CSV through `write` (awaited: back-pressure); returns the rows written and the links left out. */
  async export(
    type: ExportType,
    write: (chunk: string) => Promise<void> | void
  ): Promise<{ rows: number; variant_links_skipped: number }> {
    const queryRunner = this.manager_.connection.createQueryRunner()
    await queryRunner.connect()
    await queryRunner.startTransaction("REPEATABLE READ")
    try {
      const q = (sql: string, params: unknown[] = []) =>
        queryRunner.query(sql, params)
      await write(
        CSV_BOM +
          csvLines(
            [],
            type === "vehicles"
              ? VEHICLE_EXPORT_HEADERS
              : FITMENT_EXPORT_HEADERS
          )
      )
      let rows = 0
      let skipped = 0
      if (type === "vehicles") {
        for await (const page of pages(q, VEHICLES_SQL)) {
          await write(csvLines(page.map((v) => vehicleCells(v as any))))
          rows += page.length
        }
      } else {
        for await (const page of pages(q, UNIVERSAL_SQL)) {
          await write(
            csvLines(
              page.map((p) => universalCells({ sku: p.sku, handle: p.handle }))
            )
          )
          rows += page.length
        }
        for await (const page of pages(q, LINKS_SQL)) {
          await write(
            csvLines(
              page.map((l) =>
                linkCells({
                  ...(l as any),
                  vehicle_label: vehicleLabel({
                    make: { name: l.make },
                    model: { name: l.model },
                    generation: l.generation,
                    engine: l.engine,
                    engine_code: l.vehicle_engine_code,
                    year_from: l.year_from,
                    month_from: l.month_from,
                    year_to: l.year_to,
                    month_to: l.month_to,
                  }),
                })
              )
            )
          )
          rows += page.length
        }
        ;[{ skipped }] = await q(
          `SELECT count(*)::int AS skipped FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL WHERE f.variant_id IS NOT NULL`
        )
      }
      await queryRunner.commitTransaction()
      return { rows, variant_links_skipped: skipped }
    } catch (e) {
      await queryRunner.rollbackTransaction().catch(() => undefined)
      throw e
    } finally {
      await queryRunner.release()
    }
  }
}

/** Pages of a query taking the last id seen as $1 and the page size as $2, ordered by the id (keyset). */
async function* pages(
  q: (sql: string, params?: unknown[]) => Promise<Row[]>,
  sql: string
): AsyncGenerator<Row[]> {
  let after = ""
  for (;;) {
    const page = await q(sql, [after, PAGE])
    if (!page.length) return
    yield page
    if (page.length < PAGE) return
    after = page[page.length - 1].id
  }
}

const VEHICLES_SQL = `
  SELECT v.id, mk.name AS make, md.name AS model, v.generation, v.body, v.year_from, v.month_from, v.year_to, v.month_to,
         v.engine, v.engine_code, v.displacement_cc, v.power_hp, v.power_kw, v.fuel, v.ktype
    FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id
   WHERE v.id > $1 ORDER BY v.id LIMIT $2`

/** A product's SKU for the file: its first variant's (by creation), null when none has one. */
const FIRST_SKU = `(SELECT pv.sku FROM product_variant pv WHERE pv.product_id = p.id AND pv.deleted_at IS NULL AND pv.sku IS NOT NULL AND pv.sku <> ''
                    ORDER BY pv.variant_rank NULLS LAST, pv.created_at, pv.id LIMIT 1)`

const UNIVERSAL_SQL = `
  SELECT p.id, p.handle, ${FIRST_SKU} AS sku
    FROM fitment_product fp JOIN product p ON p.id = fp.product_id AND p.deleted_at IS NULL
   WHERE fp.is_universal AND p.id > $1 ORDER BY p.id LIMIT $2`

const LINKS_SQL = `
  SELECT f.id, p.handle, ${FIRST_SKU} AS sku, f.vehicle_id, f.position, f.quantity, f.engine_code, f.from_ym, f.to_ym, f.note_fr, f.note_ar,
         mk.name AS make, md.name AS model, v.generation, v.engine, v.engine_code AS vehicle_engine_code, v.year_from, v.month_from, v.year_to, v.month_to
    FROM fitment f JOIN product p ON p.id = f.product_id AND p.deleted_at IS NULL
    JOIN vehicle v ON v.id = f.vehicle_id JOIN vehicle_make mk ON mk.id = v.make_id JOIN vehicle_model md ON md.id = v.model_id
   WHERE f.variant_id IS NULL AND f.id > $1 ORDER BY f.id LIMIT $2`
