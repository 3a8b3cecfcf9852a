import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { slugify } from "../lib/normalize"
import { mergedAliases } from "../lib/vehicle-aliases"
import { vehicleKey } from "../lib/vehicle-row"
import {
  FitmentMergeRepository,
  FitmentMergeRow,
  MergeEntity,
} from "../repositories/fitment-merge"
import { GarageVehicleRepository } from "../repositories/garage-vehicle"
import { VehicleRepository, VehicleScope } from "../repositories/vehicle"
import { VehicleMakeRepository } from "../repositories/vehicle-make"
import { VehicleModelRepository } from "../repositories/vehicle-model"
import { Pagination, Row } from "../types"
import VehicleService from "./vehicle"
import VehicleMakeService from "./vehicle-make"
import VehicleModelService from "./vehicle-model"

type InjectedDependencies = {
  manager: EntityManager
  fitmentMergeRepository: typeof FitmentMergeRepository
  garageVehicleRepository: typeof GarageVehicleRepository
  vehicleRepository: typeof VehicleRepository
  vehicleMakeRepository: typeof VehicleMakeRepository
  vehicleModelRepository: typeof VehicleModelRepository
  vehicleService: VehicleService
  vehicleModelService: VehicleModelService
  vehicleMakeService: VehicleMakeService
}

/**
 * Merges of vehicles, models and makes: every link of the merged record moves to the survivor, nothing is
 * dropped, and each merge is recorded in the merge log.
 */
export default class VehicleMergeService extends TransactionBaseService {
  protected readonly fitmentMergeRepository_: typeof FitmentMergeRepository
  protected readonly garageVehicleRepository_: typeof GarageVehicleRepository
  protected readonly vehicleRepository_: typeof VehicleRepository
  protected readonly vehicleMakeRepository_: typeof VehicleMakeRepository
  protected readonly vehicleModelRepository_: typeof VehicleModelRepository
  protected readonly vehicleService_: VehicleService
  protected readonly vehicleModelService_: VehicleModelService
  protected readonly vehicleMakeService_: VehicleMakeService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.fitmentMergeRepository_ = container.fitmentMergeRepository
    this.garageVehicleRepository_ = container.garageVehicleRepository
    this.vehicleRepository_ = container.vehicleRepository
    this.vehicleMakeRepository_ = container.vehicleMakeRepository
    this.vehicleModelRepository_ = container.vehicleModelRepository
    this.vehicleService_ = container.vehicleService
    this.vehicleModelService_ = container.vehicleModelService
    this.vehicleMakeService_ = container.vehicleMakeService
  }

  async listMerges(
    filter: { entity?: string; survivor_id?: string },
    page: Pagination
  ): Promise<[FitmentMergeRow[], number]> {
    return await this.activeManager_
      .withRepository(this.fitmentMergeRepository_)
      .listFiltered(filter, page)
  }

  /**
   * Recomputes natural keys after a make/model rename or move. Two vehicles that become identical are merged
   * (the older one survives) so no link is lost. Answers how many vehicles were merged.
   */
  async rekeyVehicles(
    scope: VehicleScope,
    actor: string | null = null
  ): Promise<number> {
    const vehicles = this.activeManager_.withRepository(this.vehicleRepository_)
    let merged = 0
    for (const r of await vehicles.listKeyRows(scope)) {
      const key = vehicleKey(r)
      if (key === r.natural_key) {
        continue
      }
      const twin = await vehicles.findByNaturalKey(key, r.id)
      if (twin) {
        await this.mergeVehicles(twin.id, r.id, actor)
        merged++
      } else {
        await vehicles.setNaturalKey(r.id, key)
      }
    }
    return merged
  }

  /**
   * Folds vehicle `mergedId` into `survivorId`: every link moves to the survivor; a link identical to one the
   * survivor already has is folded into it (its notes fill empty notes of the survivor's link, the larger
   * quantity wins) and kept in the audit row. The merged vehicle is then deleted; the merge is recorded.
   */
  async mergeVehicles(
    survivorId: string,
    mergedId: string,
    actor: string | null = null
  ): Promise<{ merge: FitmentMergeRow; survivor: Row }> {
    return await this.atomicPhase_(async (manager) => {
      refuseSelfMerge("vehicle", survivorId, mergedId)
      const retrieve = this.vehicleService_.withTransaction(manager)
      const survivor = await retrieve.retrieveVehicle(survivorId)
      const merged = await retrieve.retrieveVehicle(mergedId)
      const links = manager.withRepository(this.fitmentMergeRepository_)
      const folded = await links.foldTwinLinks(survivorId, mergedId)
      const moved = await links.moveLinks(survivorId, mergedId)
      const vehicles = manager.withRepository(this.vehicleRepository_)
      await vehicles.fillFrom(survivorId, mergedId)
      // customers' garages follow their vehicle
      await manager
        .withRepository(this.garageVehicleRepository_)
        .moveVehicle(survivorId, mergedId)
      await vehicles.deleteById(mergedId)
      const record = await links.record({
        entity: "vehicle",
        survivor_id: survivorId,
        merged_id: mergedId,
        moved_links: moved.length + folded.length,
        actor,
        details: {
          merged_vehicle: merged,
          moved_link_ids: moved,
          folded_links: folded,
        },
      })
      return {
        merge: record,
        survivor: await retrieve.retrieveVehicle(survivor.id),
      }
    })
  }

  /** Moves every vehicle of model `mergedId` to `survivorId` (same make or not), then deletes the merged model. */
  async mergeModels(
    survivorId: string,
    mergedId: string,
    actor: string | null = null
  ): Promise<{ merge: FitmentMergeRow; survivor: Row }> {
    return await this.atomicPhase_(async (manager) => {
      refuseSelfMerge("model", survivorId, mergedId)
      const self = this.withTransaction(manager)
      const retrieve = this.vehicleModelService_.withTransaction(manager)
      const survivor = await retrieve.retrieveModel(survivorId)
      const merged = await retrieve.retrieveModel(mergedId)
      const log = manager.withRepository(this.fitmentMergeRepository_)
      const { links } = await log.countLinks("model", mergedId)
      const vehicles = await manager
        .withRepository(this.vehicleRepository_)
        .moveModel(mergedId, survivorId, survivor.make_id)
      const foldedVehicles = await self.rekeyVehicles({ ids: vehicles }, actor)
      const models = manager.withRepository(this.vehicleModelRepository_)
      await models.setAliases(survivorId, mergedAliases(survivor, merged))
      await models.deleteById(mergedId)
      const record = await log.record({
        entity: "model",
        survivor_id: survivorId,
        merged_id: mergedId,
        moved_links: links,
        actor,
        details: {
          merged_model: merged,
          moved_vehicle_ids: vehicles,
          vehicles_folded: foldedVehicles,
        },
      })
      return {
        merge: record,
        survivor: await retrieve.retrieveModel(survivorId),
      }
    })
  }

  /** Moves every model of make `mergedId` to `survivorId`; models with the same key are merged too. */
  async mergeMakes(
    survivorId: string,
    mergedId: string,
    actor: string | null = null
  ): Promise<{ merge: FitmentMergeRow; survivor: Row }> {
    return await this.atomicPhase_(async (manager) => {
      refuseSelfMerge("make", survivorId, mergedId)
      const self = this.withTransaction(manager)
      const retrieve = this.vehicleMakeService_.withTransaction(manager)
      const survivor = await retrieve.retrieveMake(survivorId)
      const merged = await retrieve.retrieveMake(mergedId)
      const log = manager.withRepository(this.fitmentMergeRepository_)
      const { links } = await log.countLinks("make", mergedId)
      const models = manager.withRepository(this.vehicleModelRepository_)
      const vehicles = manager.withRepository(this.vehicleRepository_)
      const modelsMerged: string[] = []
      for (const model of await models.listOfMake(mergedId)) {
        const twin = await models.findByKey(survivorId, model.key)
        if (twin) {
          await self.mergeModels(twin.id, model.id, actor)
          modelsMerged.push(model.id)
        } else {
          await models.moveToMake(
            model.id,
            survivorId,
            slugify(`${survivor.name} ${model.name}`)
          )
          await vehicles.setMakeOfModel(model.id, survivorId)
        }
      }
      const makes = manager.withRepository(this.vehicleMakeRepository_)
      await makes.setAliases(survivorId, mergedAliases(survivor, merged))
      await self.rekeyVehicles({ make_id: survivorId }, actor)
      await makes.deleteById(mergedId)
      const record = await log.record({
        entity: "make",
        survivor_id: survivorId,
        merged_id: mergedId,
        moved_links: links,
        actor,
        details: { merged_make: merged, models_merged: modelsMerged },
      })
      return {
        merge: record,
        survivor: await retrieve.retrieveMake(survivorId),
      }
    })
  }
}

function refuseSelfMerge(
  entity: MergeEntity,
  survivorId: string,
  mergedId: string
): void {
  if (survivorId === mergedId) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `merge_id: a ${entity} cannot be merged into itself`
    )
  }
}
