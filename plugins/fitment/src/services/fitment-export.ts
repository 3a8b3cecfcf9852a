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
import { vehicleLabel } from "@shabou/vehicle-label"
import type {
  ExportLinkRow,
  FitmentExportRepository,
} from "../repositories/fitment-export"

type InjectedDependencies = {
  manager: EntityManager
  fitmentExportRepository: typeof FitmentExportRepository
}

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
  protected readonly fitmentExportRepository_: typeof FitmentExportRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.fitmentExportRepository_ = container.fitmentExportRepository
  }

  /** Streams the CSV through `write` (awaited: back-pressure); returns the rows written and the links left out. */
  async export(
    type: ExportType,
    write: (chunk: string) => Promise<void> | void
  ): Promise<{ rows: number; variant_links_skipped: number }> {
    return await this.atomicPhase_(async (manager) => {
      const repo = manager.withRepository(this.fitmentExportRepository_)
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
      if (type === "vehicles") {
        for await (const page of pages((a, n) => repo.vehiclesAfter(a, n))) {
          await write(csvLines(page.map(vehicleCells)))
          rows += page.length
        }
        return { rows, variant_links_skipped: 0 }
      }
      for await (const page of pages((a, n) => repo.universalAfter(a, n))) {
        await write(csvLines(page.map(universalCells)))
        rows += page.length
      }
      for await (const page of pages((a, n) => repo.linksAfter(a, n))) {
        await write(csvLines(page.map(exportLinkCells)))
        rows += page.length
      }
      return { rows, variant_links_skipped: await repo.countVariantLinks() }
    }, "REPEATABLE READ")
  }
}

function exportLinkCells(l: ExportLinkRow): string[] {
  return linkCells({
    ...l,
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
}

/** Pages of a keyset query (the rows after the last id seen, ordered by id), until one comes back short. */
async function* pages<R extends { id: string }>(
  page: (after: string, limit: number) => Promise<R[]>
): AsyncGenerator<R[]> {
  let after = ""
  for (;;) {
    const rows = await page(after, PAGE)
    if (!rows.length) return
    yield rows
    if (rows.length < PAGE) return
    after = rows[rows.length - 1].id
  }
}
