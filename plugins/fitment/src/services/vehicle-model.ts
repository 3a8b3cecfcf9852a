import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { cleanText } from "@shabou/text"
import { parseModel, slugify } from "../lib/normalize"
import { cleanAliases } from "../lib/vehicle-aliases"
import {
  VehicleModelListRow,
  VehicleModelRepository,
  VehicleModelRow,
} from "../repositories/vehicle-model"
import { VehicleRepository } from "../repositories/vehicle"
import VehicleMakeService from "./vehicle-make"
import type VehicleMergeService from "./vehicle-merge"

type InjectedDependencies = {
  manager: EntityManager
  vehicleModelRepository: typeof VehicleModelRepository
  vehicleRepository: typeof VehicleRepository
  vehicleMakeService: VehicleMakeService
}

/** Models of a make: the selector's second list, and their admin (a rename re-keys the model's vehicles). */
export default class VehicleModelService extends TransactionBaseService {
  protected readonly vehicleModelRepository_: typeof VehicleModelRepository
  protected readonly vehicleRepository_: typeof VehicleRepository
  protected readonly vehicleMakeService_: VehicleMakeService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.vehicleModelRepository_ = container.vehicleModelRepository
    this.vehicleRepository_ = container.vehicleRepository
    this.vehicleMakeService_ = container.vehicleMakeService
  }

  /** Resolved when used: the merge service itself depends on this one. */
  protected get vehicleMergeService_(): VehicleMergeService {
    return this.__container__.vehicleMergeService
  }

  async listModels(
    opts: { make_id?: string; withVehiclesOnly?: boolean; q?: string } = {}
  ): Promise<VehicleModelListRow[]> {
    return await this.activeManager_
      .withRepository(this.vehicleModelRepository_)
      .listWithStats(opts)
  }

  async retrieveModel(id: string): Promise<VehicleModelRow> {
    const model = await this.activeManager_
      .withRepository(this.vehicleModelRepository_)
      .findWithMake(id)
    if (!model) {
      throw notFound(`Vehicle model ${id} was not found`)
    }
    return model
  }

  async createModel(input: {
    make_id?: string
    name?: string
    aliases?: string[]
  }): Promise<VehicleModelRow> {
    return await this.atomicPhase_(async (manager) => {
      const models = manager.withRepository(this.vehicleModelRepository_)
      if (!input.make_id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "make_id: is required"
        )
      }
      const make = await this.vehicleMakeService_
        .withTransaction(manager)
        .retrieveMake(input.make_id)
      const name = cleanText(String(input.name ?? ""))
      const parsed = parseModel(name)
      if (!parsed.key) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `name: "${input.name ?? ""}" is not a model name`
        )
      }
      const clash = await models.findByKey(make.id, parsed.key)
      if (clash) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `name: "${name}" is the same model as "${clash.name}" (${clash.id})`
        )
      }
      const id = generateEntityId(undefined, "vmodel")
      await models.insertRow(id, make.id, {
        name: parsed.model,
        handle: slugify(`${make.name} ${parsed.model}`),
        key: parsed.key,
        aliases: cleanAliases(input.aliases),
      })
      return await this.withTransaction(manager).retrieveModel(id)
    })
  }

  async updateModel(
    id: string,
    input: { name?: string; aliases?: string[] }
  ): Promise<VehicleModelRow> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const models = manager.withRepository(this.vehicleModelRepository_)
      const current = await self.retrieveModel(id)
      const name =
        input.name !== undefined ? cleanText(String(input.name)) : current.name
      const parsed = parseModel(name)
      if (!parsed.key) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `name: "${name}" is not a model name`
        )
      }
      const clash = await models.findByKey(
        current.make_id,
        parsed.key,
        current.id
      )
      if (clash) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `name: "${name}" is the same model as "${clash.name}" (${clash.id}); merge them instead`
        )
      }
      await models.updateRow(current.id, {
        name: parsed.model,
        handle: slugify(`${current.make_name} ${parsed.model}`),
        key: parsed.key,
        aliases:
          input.aliases !== undefined
            ? cleanAliases(input.aliases)
            : current.aliases,
      })
      if (parsed.model !== current.name) {
        await this.vehicleMergeService_
          .withTransaction(manager)
          .rekeyVehicles({ model_id: current.id })
      }
      return await self.retrieveModel(current.id)
    })
  }

  async deleteModel(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const model = await this.withTransaction(manager).retrieveModel(id)
      const count = await manager
        .withRepository(this.vehicleRepository_)
        .countOf({ model_id: model.id })
      if (count > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Model ${model.name} still has ${count} vehicle(s): delete or merge them first`
        )
      }
      await manager
        .withRepository(this.vehicleModelRepository_)
        .deleteById(model.id)
    })
  }
}
