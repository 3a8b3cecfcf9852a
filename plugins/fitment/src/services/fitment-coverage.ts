import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import { shapeVehicle, StoreVehicle } from "../lib/fitment-shape"
import type {
  CoverageModelRow,
  CoverageReportModel,
  CoverageTotals,
  FitmentCoverageRepository,
  UncoveredVehicleRow,
} from "../repositories/fitment-coverage"
import { CoverageModelFilter, Pagination } from "../types"

type InjectedDependencies = {
  manager: EntityManager
  fitmentCoverageRepository: typeof FitmentCoverageRepository
}

/**
 * Which vehicles the catalogue has parts for. Links of deleted products (Medusa soft-deletes them and the link
 * rows stay) count for nothing: such a vehicle has no part to sell. Universal parts are reported apart.
 */
export default class FitmentCoverageService extends TransactionBaseService {
  protected readonly fitmentCoverageRepository_: typeof FitmentCoverageRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.fitmentCoverageRepository_ = container.fitmentCoverageRepository
  }

  private get repo() {
    return this.activeManager_.withRepository(this.fitmentCoverageRepository_)
  }

  /**
   * Paged coverage for the admin screen (the full report of `coverage()` lists every vehicle without parts, too
   * much at 20,000 vehicles). Totals, then per make/model: vehicles, vehicles without parts, parts fitting it and
   * units of those parts sold in completed/pending orders of the last `days` days (Medusa's orders and line items),
   * narrowed to models with at most `max_parts` parts when given.
   */
  async coverageModels(
    filter: CoverageModelFilter,
    page: Pagination
  ): Promise<[CoverageModelRow[], number, CoverageTotals]> {
    const [rows, count] = await this.repo.findModels(filter, page)
    return [rows, count, await this.repo.totals()]
  }

  /** Vehicles no live product fits, paged (optionally for one make or model, or matching `q`). */
  async vehiclesWithoutParts(
    filter: { make_id?: string; model_id?: string; q?: string },
    page: Pagination
  ): Promise<[StoreVehicle[], number]> {
    const [rows, count] = await this.repo.findUncovered(filter, page)
    return [rows.map(shapeVehicle), count]
  }

  /**
   * For each make/model: vehicles, vehicles without any linked part, distinct fitting parts, and fitting parts
   * per category; then every vehicle without parts.
   */
  async coverage(): Promise<{
    totals: Omit<CoverageTotals, "vehicles_without_parts"> & {
      vehicles_without_parts: number
    }
    models: CoverageReportModel[]
    vehicles_without_parts: UncoveredVehicleRow[]
  }> {
    const models = await this.repo.findReportModels()
    const byModel = new Map<string, CoverageReportModel["categories"]>()
    for (const r of await this.repo.findPartsPerCategory()) {
      const list = byModel.get(r.model_id) ?? []
      list.push({
        category_id: r.category_id,
        category: r.category,
        parts: r.parts,
      })
      byModel.set(r.model_id, list)
    }
    const uncovered = await this.repo.findAllUncovered()
    const totals = await this.repo.totals()
    return {
      totals: {
        vehicles: totals.vehicles,
        links: totals.links,
        linked_products: totals.linked_products,
        products: totals.products,
        universal_products: totals.universal_products,
        vehicles_without_parts: uncovered.length,
      },
      models: models.map((m) => ({
        ...m,
        categories: byModel.get(m.model_id) ?? [],
      })),
      vehicles_without_parts: uncovered,
    }
  }
}
