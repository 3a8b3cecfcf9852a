import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { canonicalMake, normalizeKey } from "../lib/normalize"
import { requiredName, updatedName } from "../lib/updated-name"
import { cleanAliases } from "../lib/vehicle-aliases"
import {
  VehicleMakeKeyRow,
  VehicleMakeListRow,
  VehicleMakeRepository,
  VehicleMakeRow,
} from "../repositories/vehicle-make"
import { VehicleModelRepository } from "../repositories/vehicle-model"
import type VehicleMergeService from "./vehicle-merge"

type InjectedDependencies = {
  manager: EntityManager
  vehicleMakeRepository: typeof VehicleMakeRepository
  vehicleModelRepository: typeof VehicleModelRepository
}

/** Vehicle makes: the selector's first list, and their admin (a rename re-keys the make's vehicles). */
export default class VehicleMakeService extends TransactionBaseService {
  protected readonly vehicleMakeRepository_: typeof VehicleMakeRepository
  protected readonly vehicleModelRepository_: typeof VehicleModelRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.vehicleMakeRepository_ = container.vehicleMakeRepository
    this.vehicleModelRepository_ = container.vehicleModelRepository
  }

  /** Resolved when used: the merge service itself depends on this one. */
  protected get vehicleMergeService_(): VehicleMergeService {
    return this.__container__.vehicleMergeService
  }

  /** Makes; `withVehiclesOnly` keeps only makes that have at least one vehicle (store selector). */
  async listMakes(
    opts: { withVehiclesOnly?: boolean; q?: string } = {}
  ): Promise<VehicleMakeListRow[]> {
    return await this.activeManager_
      .withRepository(this.vehicleMakeRepository_)
      .listWithCounts(opts)
  }

  async retrieveMake(idOrHandle: string): Promise<VehicleMakeRow> {
    const make = await this.activeManager_
      .withRepository(this.vehicleMakeRepository_)
      .findByIdOrHandle(idOrHandle)
    if (!make) {
      throw notFound(`Vehicle make ${idOrHandle} was not found`)
    }
    return make
  }

  /** Finds the make by any spelling (built-in aliases and stored aliases), or null. */
  async findMake(name: string): Promise<VehicleMakeKeyRow | null> {
    const key = canonicalMake(name).key
    const rows = await this.activeManager_
      .withRepository(this.vehicleMakeRepository_)
      .listKeys()
    return (
      rows.find((r) => r.key === key) ??
      rows.find((r) =>
        (r.aliases ?? []).some(
          (a) =>
            canonicalMake(a).key === key ||
            normalizeKey(a) === normalizeKey(name)
        )
      ) ??
      null
    )
  }

  async createMake(input: {
    name?: string
    aliases?: string[]
  }): Promise<VehicleMakeRow> {
    return await this.atomicPhase_(async (manager) => {
      const makes = manager.withRepository(this.vehicleMakeRepository_)
      const name = requiredName(input.name)
      const make = canonicalMake(name)
      const existing = await makes.findByKey(make.key)
      if (existing) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `name: "${name}" is the same make as "${existing.name}" (${existing.id})`
        )
      }
      const id = generateEntityId(undefined, "vmake")
      await makes.insertRow(id, {
        name: make.name,
        handle: make.handle,
        key: make.key,
        aliases: cleanAliases(input.aliases),
      })
      return await this.withTransaction(manager).retrieveMake(id)
    })
  }

  async updateMake(
    id: string,
    input: { name?: string; aliases?: string[] }
  ): Promise<VehicleMakeRow> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const makes = manager.withRepository(this.vehicleMakeRepository_)
      const current = await self.retrieveMake(id)
      const name = updatedName(input.name, current.name)
      // the same key as createMake and the imports: "VW" is Volkswagen
      const make = canonicalMake(name)
      const clash = await makes.findByKey(make.key, current.id)
      if (clash) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `name: "${name}" is the same make as "${clash.name}" (${clash.id}); merge them instead`
        )
      }
      await makes.updateRow(current.id, {
        name: make.name,
        handle: make.handle,
        key: make.key,
        aliases:
          input.aliases !== undefined
            ? cleanAliases(input.aliases)
            : current.aliases,
      })
      if (make.name !== current.name) {
        await this.vehicleMergeService_
          .withTransaction(manager)
          .rekeyVehicles({ make_id: current.id })
      }
      return await self.retrieveMake(current.id)
    })
  }

  async deleteMake(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const make = await this.withTransaction(manager).retrieveMake(id)
      const count = await manager
        .withRepository(this.vehicleModelRepository_)
        .countOfMake(make.id)
      if (count > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Make ${make.name} still has ${count} model(s): delete or merge them first`
        )
      }
      await manager
        .withRepository(this.vehicleMakeRepository_)
        .deleteById(make.id)
    })
  }
}
