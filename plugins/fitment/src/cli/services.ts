import { DataSource } from "typeorm"
import { Fitment } from "../models/fitment"
import { FitmentImport } from "../models/fitment-import"
import { FitmentProduct } from "../models/fitment-product"
import { Vehicle } from "../models/vehicle"
import FitmentExportService from "../services/fitment-export"
import FitmentImportService from "../services/fitment-import"
import FitmentImportApplyService from "../services/fitment-import-apply"
import FitmentImportPlanService from "../services/fitment-import-plan"

/** The entities the CLI's repositories are built on (its DataSource must know them). */
export const CLI_ENTITIES = [Fitment, FitmentImport, FitmentProduct, Vehicle]

/** The CLI's own connection to the database (closed by the caller with `destroy()`). */
export async function openDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource({
    type: "postgres",
    url,
    entities: CLI_ENTITIES,
    logging: false,
  })
  await dataSource.initialize()
  return dataSource
}

/**
 * The repositories are built on Medusa's DataSource when their modules are
 * first read; the server's database loader sets it, and in the CLI its own
 * DataSource (initialised with CLI_ENTITIES) takes its place.
 */
async function useDataSource(dataSource: DataSource): Promise<void> {
  const database: { dataSource?: unknown } =
    await import("@medusajs/medusa/dist/loaders/database")
  if (!database.dataSource) {
    database.dataSource = dataSource
  }
}

/** The export service outside the Medusa server, wired as Medusa's loaders would wire it. */
export async function exportService(
  dataSource: DataSource
): Promise<FitmentExportService> {
  await useDataSource(dataSource)
  const { FitmentExportRepository } =
    await import("../repositories/fitment-export")
  return new FitmentExportService({
    manager: dataSource.manager,
    fitmentExportRepository: FitmentExportRepository,
  })
}

/** The import service outside the Medusa server, wired as Medusa's loaders would wire it. */
export async function importService(
  dataSource: DataSource
): Promise<FitmentImportService> {
  await useDataSource(dataSource)
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
