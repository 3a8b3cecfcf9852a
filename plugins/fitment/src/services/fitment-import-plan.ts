import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import { compactReference } from "@shabou/text"
import { ParsedFile } from "../lib/csv-import"
import { FitmentRow } from "../lib/fitment-row"
import { ImportPlan, ImportType, ParsedImport } from "../lib/import-run"
import {
  FitmentSnapshot,
  planFitmentImport,
  planVehicleImport,
  VehicleSnapshot,
} from "../lib/plan"
import { VehicleRow } from "../lib/vehicle-row"
import type { FitmentRepository } from "../repositories/fitment"
import type { FitmentProductRepository } from "../repositories/fitment-product"
import type { FitmentVehicleImportRepository } from "../repositories/fitment-vehicle-import"

type InjectedDependencies = {
  manager: EntityManager
  fitmentRepository: typeof FitmentRepository
  fitmentProductRepository: typeof FitmentProductRepository
  fitmentVehicleImportRepository: typeof FitmentVehicleImportRepository
}

/**
 * The preview of an import: what is stored that the file names (a snapshot),
 * and the plan (lib/plan) of what the import would create, update or leave.
 */
export default class FitmentImportPlanService extends TransactionBaseService {
  protected readonly fitmentRepository_: typeof FitmentRepository
  protected readonly fitmentProductRepository_: typeof FitmentProductRepository
  protected readonly fitmentVehicleImportRepository_: typeof FitmentVehicleImportRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.fitmentRepository_ = container.fitmentRepository
    this.fitmentProductRepository_ = container.fitmentProductRepository
    this.fitmentVehicleImportRepository_ =
      container.fitmentVehicleImportRepository
  }

  async plan(
    type: ImportType,
    parsed: ParsedImport,
    now?: Date
  ): Promise<ImportPlan> {
    if (type === "vehicles") {
      return planVehicleImport(
        parsed as ParsedFile<VehicleRow>,
        await this.vehicleSnapshot()
      )
    }
    const fitments = parsed as ParsedFile<FitmentRow>
    return planFitmentImport(fitments, await this.fitmentSnapshot(fitments), {
      now,
    })
  }

  async vehicleSnapshot(): Promise<VehicleSnapshot> {
    const vehicles = this.activeManager_.withRepository(
      this.fitmentVehicleImportRepository_
    )
    const makes = (await vehicles.findMakes()).map(({ id, name, aliases }) => ({
      id,
      name,
      aliases,
    }))
    return {
      makes,
      models: await vehicles.findModels(),
      vehicles: await vehicles.findRecords(),
    }
  }

  /** The products the file names (by SKU, handle or id), their product-wide links, and every vehicle. */
  async fitmentSnapshot(
    parsed: ParsedFile<FitmentRow>
  ): Promise<FitmentSnapshot> {
    const skus = new Set<string>()
    const handles = new Set<string>()
    const ids = new Set<string>()
    for (const r of parsed.rows) {
      if (r.product.sku) skus.add(compactReference(r.product.sku))
      if (r.product.handle) handles.add(r.product.handle.toLowerCase())
      if (r.product.product_id) ids.add(r.product.product_id)
    }
    const products = await this.activeManager_
      .withRepository(this.fitmentProductRepository_)
      .findImportProducts([...skus], [...handles], [...ids])
    const links = products.length
      ? await this.activeManager_
          .withRepository(this.fitmentRepository_)
          .findImportLinks(products.map((p) => p.id))
      : []
    return {
      products,
      vehicles: await this.activeManager_
        .withRepository(this.fitmentVehicleImportRepository_)
        .findRecords(),
      links,
    }
  }
}
