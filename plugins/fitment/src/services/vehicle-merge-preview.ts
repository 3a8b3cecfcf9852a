import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import {
  FitmentMergeRepository,
  MergedProductRow,
  MergeEntity,
} from "../repositories/fitment-merge"
import { VehicleRepository } from "../repositories/vehicle"
import { VehicleModelRepository } from "../repositories/vehicle-model"
import { Row } from "../types"
import VehicleService from "./vehicle"
import VehicleMakeService from "./vehicle-make"
import VehicleMergeService from "./vehicle-merge"
import VehicleModelService from "./vehicle-model"

type InjectedDependencies = {
  manager: EntityManager
  fitmentMergeRepository: typeof FitmentMergeRepository
  vehicleRepository: typeof VehicleRepository
  vehicleModelRepository: typeof VehicleModelRepository
  vehicleService: VehicleService
  vehicleModelService: VehicleModelService
  vehicleMakeService: VehicleMakeService
  vehicleMergeService: VehicleMergeService
}

export type MergePreview = {
  dry_run: true
  entity: MergeEntity
  survivor: Row
  merged: Row
  moves: {
    links: number
    links_moved: number
    links_folded: number
    products: number
    vehicles: number
    vehicles_folded: number
    models: number
    models_folded: number
  }
  products: MergedProductRow[]
}

/** A merge's dry run: what it would move and fold, measured on the real merge rolled back. */
export default class VehicleMergePreviewService extends TransactionBaseService {
  protected readonly fitmentMergeRepository_: typeof FitmentMergeRepository
  protected readonly vehicleRepository_: typeof VehicleRepository
  protected readonly vehicleModelRepository_: typeof VehicleModelRepository
  protected readonly vehicleService_: VehicleService
  protected readonly vehicleModelService_: VehicleModelService
  protected readonly vehicleMakeService_: VehicleMakeService
  protected readonly vehicleMergeService_: VehicleMergeService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.fitmentMergeRepository_ = container.fitmentMergeRepository
    this.vehicleRepository_ = container.vehicleRepository
    this.vehicleModelRepository_ = container.vehicleModelRepository
    this.vehicleService_ = container.vehicleService
    this.vehicleModelService_ = container.vehicleModelService
    this.vehicleMakeService_ = container.vehicleMakeService
    this.vehicleMergeService_ = container.vehicleMergeService
  }

  /**
   * What a merge would do, without doing it: the merge runs in a transaction of its own that is rolled back, so
   * the preview is exactly what the real merge writes. `moves` counts the links moved and folded, the vehicles
   * and models moved or folded, and `products` lists up to 20 of the products whose links move. Call it outside
   * a transaction: it needs one of its own to roll back.
   */
  async previewMerge(
    entity: MergeEntity,
    survivorId: string,
    mergedId: string
  ): Promise<MergePreview> {
    const rollback = new Error("fitment merge preview: rolled back")
    let preview: MergePreview | null = null
    try {
      await this.atomicPhase_(async (manager) => {
        const survivor = await this.retrieve(manager, entity, survivorId)
        const merged = await this.retrieve(manager, entity, mergedId)
        const links = manager.withRepository(this.fitmentMergeRepository_)
        const before = await links.countLinks(entity, mergedId)
        const products = await links.listLinkedProducts(entity, mergedId, 20)
        const vehicles =
          entity === "vehicle"
            ? 1
            : await manager
                .withRepository(this.vehicleRepository_)
                .countOf(
                  entity === "make"
                    ? { make_id: mergedId }
                    : { model_id: mergedId }
                )
        const models =
          entity === "make"
            ? await manager
                .withRepository(this.vehicleModelRepository_)
                .countOfMake(mergedId)
            : entity === "model"
              ? 1
              : 0
        const baseBefore = await links.countBase()
        const merge = this.vehicleMergeService_.withTransaction(manager)
        if (entity === "vehicle") {
          await merge.mergeVehicles(survivorId, mergedId)
        } else if (entity === "model") {
          await merge.mergeModels(survivorId, mergedId)
        } else {
          await merge.mergeMakes(survivorId, mergedId)
        }
        const baseAfter = await links.countBase()
        const folded = baseBefore.links - baseAfter.links
        preview = {
          dry_run: true,
          entity,
          survivor,
          merged,
          moves: {
            links: before.links,
            links_moved: before.links - folded,
            links_folded: folded,
            products: before.products,
            vehicles,
            vehicles_folded:
              entity === "vehicle"
                ? 1
                : baseBefore.vehicles - baseAfter.vehicles,
            models,
            models_folded:
              entity === "vehicle" ? 0 : baseBefore.models - baseAfter.models,
          },
          products,
        }
        throw rollback
      })
    } catch (e) {
      if (e !== rollback) {
        throw e
      }
    }
    return preview as unknown as MergePreview
  }

  private async retrieve(
    manager: EntityManager,
    entity: MergeEntity,
    id: string
  ): Promise<Row> {
    if (entity === "vehicle") {
      return await this.vehicleService_
        .withTransaction(manager)
        .retrieveVehicle(id)
    }
    if (entity === "model") {
      return await this.vehicleModelService_
        .withTransaction(manager)
        .retrieveModel(id)
    }
    return await this.vehicleMakeService_
      .withTransaction(manager)
      .retrieveMake(id)
  }
}
