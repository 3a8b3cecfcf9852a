import { DataSource } from "typeorm"
import { Fitment } from "../models/fitment"
import { FitmentImport } from "../models/fitment-import"
import { FitmentProduct } from "../models/fitment-product"
import { Vehicle } from "../models/vehicle"
import FitmentImportService from "../services/fitment-import"
import FitmentImportApplyService from "../services/fitment-import-apply"
import FitmentImportPlanService from "../services/fitment-import-plan"

/** The entities the import's repositories are built on (the CLI's DataSource must know them). */
export const IMPORT_ENTITIES = [Fitment, FitmentImport, FitmentProduct, Vehicle]

/**
 * The import service outside the Medusa server, wired as Medusa's loaders
 * would wire it. The repositories are built on Medusa's DataSource when their
 * modules are first read; the server's database loader sets it, and here the
 * CLI's own DataSource (initialised with IMPORT_ENTITIES) takes its place.
 */
export async function importService(
  dataSource: DataSource
): Promise<FitmentImportService> {
  const database: { dataSource?: unknown } =
    await import("@medusajs/medusa/dist/loaders/database")
  if (!database.dataSource) {
    database.dataSource = dataSource
  }
  const { FitmentRepository } = await import("../repositories/fitment")
  const { FitmentProductRepository } =
    await import("../repositories/fitment-product")
  const { FitmentVehicleImportRepository } =
    await import("../repositories/fitment-vehicle-import")
  const { FitmentImportRepository } =
    await import("../repositories/fitment-import")
  const container = {
    manager: dataSource.manager,
    fitmentRepository: FitmentRepository,
    fitmentProductRepository: FitmentProductRepository,
    fitmentVehicleImportRepository: FitmentVehicleImportRepository,
    fitmentImportRepository: FitmentImportRepository,
  }
  return new FitmentImportService({
    ...container,
    fitmentImportPlanService: new FitmentImportPlanService(container),
    fitmentImportApplyService: new FitmentImportApplyService(container),
  })
}
