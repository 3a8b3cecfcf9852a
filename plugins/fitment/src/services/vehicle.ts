import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import {
  validateVehicleRow,
  VEHICLE_FIELDS,
  vehicleKey,
  VehicleRow,
} from "../lib/vehicle-row"
import {
  VehicleFilter,
  VehicleRepository,
  VehicleValues,
} from "../repositories/vehicle"
import { VehicleModelRow } from "../repositories/vehicle-model"
import { Pagination, Row } from "../types"
import { shapeVehicle } from "./fitment"
import VehicleModelService from "./vehicle-model"

export type { VehicleFilter } from "../repositories/vehicle"

type InjectedDependencies = {
  manager: EntityManager
  vehicleRepository: typeof VehicleRepository
  vehicleModelService: VehicleModelService
}

export interface VehicleInput {
  make_id?: string
  model_id?: string
  generation?: string | null
  body?: string | null
  year_from?: number | string
  month_from?: number | string | null
  year_to?: number | string | null
  month_to?: number | string | null
  engine?: string | null
  engine_code?: string | null
  displacement_cc?: number | string | null
  power_kw?: number | string | null
  power_hp?: number | string | null
  fuel?: string | null
  ktype?: number | string | null
}

/** Vehicles of the base (make → model → vehicle): the selector's lists and the admin's create, update, delete. */
export default class VehicleService extends TransactionBaseService {
  protected readonly vehicleRepository_: typeof VehicleRepository
  protected readonly vehicleModelService_: VehicleModelService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.vehicleRepository_ = container.vehicleRepository
    this.vehicleModelService_ = container.vehicleModelService
  }

  async listVehicles(
    filter: VehicleFilter,
    page: Pagination
  ): Promise<[Row[], number]> {
    const [rows, count] = await this.activeManager_
      .withRepository(this.vehicleRepository_)
      .listFiltered(filter, page)
    return [rows.map(shapeVehicle), count]
  }

  /** Years offered for a model (or make): every year covered by one of its vehicles, newest first. */
  async listYears(filter: {
    make_id?: string
    model_id?: string
  }): Promise<number[]> {
    return await this.activeManager_
      .withRepository(this.vehicleRepository_)
      .listYears(filter)
  }

  async retrieveVehicle(id: string): Promise<Row> {
    const row = await this.activeManager_
      .withRepository(this.vehicleRepository_)
      .findJoined(id)
    if (!row) {
      throw notFound(`Vehicle with id: ${id} was not found`)
    }
    return {
      ...shapeVehicle(row),
      natural_key: row.natural_key,
      created_at: row.created_at,
      updated_at: row.updated_at,
    }
  }

  async createVehicle(input: VehicleInput): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      if (!input.model_id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "model_id: is required"
        )
      }
      const model = await this.vehicleModelService_
        .withTransaction(manager)
        .retrieveModel(input.model_id)
      if (input.make_id && input.make_id !== model.make_id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `make_id: model ${model.id} belongs to make ${model.make_id}, not ${input.make_id}`
        )
      }
      const values = checkVehicle(model, input, null)
      const vehicles = manager.withRepository(this.vehicleRepository_)
      const clash = await vehicles.findByNaturalKey(values.natural_key)
      if (clash) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `This vehicle already exists: ${clash.id}`
        )
      }
      const id = generateEntityId(undefined, "veh")
      await vehicles.insertRow(id, values)
      return await this.withTransaction(manager).retrieveVehicle(id)
    })
  }

  async updateVehicle(id: string, input: VehicleInput): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const current = await self.retrieveVehicle(id)
      const model = await this.vehicleModelService_
        .withTransaction(manager)
        .retrieveModel(input.model_id ?? current.model.id)
      const base: Row = { ...current, engine_code: current.engine_code }
      // derived power is recomputed from what is given: drop the stored pair when one side changes
      if ("power_hp" in input && !("power_kw" in input)) base.power_kw = null
      if ("power_kw" in input && !("power_hp" in input)) base.power_hp = null
      const values = checkVehicle(model, input, base)
      const vehicles = manager.withRepository(this.vehicleRepository_)
      const clash = await vehicles.findByNaturalKey(values.natural_key, id)
      if (clash) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `Another vehicle is identical after this change: ${clash.id}; merge them instead`
        )
      }
      await vehicles.updateRow(id, values)
      return await self.retrieveVehicle(id)
    })
  }

  /** Deletes a vehicle without links; a vehicle with links must be merged into another one (links are never dropped). */
  async deleteVehicle(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      await this.withTransaction(manager).retrieveVehicle(id)
      const vehicles = manager.withRepository(this.vehicleRepository_)
      const { links, garages } = await vehicles.countUses(id)
      if (links > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Vehicle ${id} has ${links} fitment link(s): merge it into another vehicle instead of deleting it`
        )
      }
      if (garages > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Vehicle ${id} is in ${garages} customer garage(s): merge it into another vehicle instead of deleting it`
        )
      }
      await vehicles.deleteById(id)
    })
  }
}

/**
 * Validates admin input with the same rules as the CSV import (lib/vehicle-row), over `base` (the vehicle as it
 * is) for the fields not given; answers the row to write, natural key included.
 */
function checkVehicle(
  model: VehicleModelRow,
  input: VehicleInput,
  base: Row | null
): VehicleValues {
  const record: Record<string, string> = {
    make: model.make_name,
    model: model.name,
  }
  for (const field of VEHICLE_FIELDS) {
    const value =
      field in input ? (input as Record<string, unknown>)[field] : base?.[field]
    record[field] = value === null || value === undefined ? "" : String(value)
  }
  const headers = Object.fromEntries(Object.keys(record).map((k) => [k, k]))
  const result = validateVehicleRow(record, 0, headers, { derivePower: true })
  if (!result.ok) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      result.errors.map((e) => `${e.column}: ${e.reason}`).join("; ")
    )
  }
  const v: VehicleRow = result.vehicle
  return {
    make_id: model.make_id,
    model_id: model.id,
    generation: v.generation,
    body: v.body,
    year_from: v.year_from,
    month_from: v.month_from,
    year_to: v.year_to,
    month_to: v.month_to,
    engine: v.engine,
    engine_code: v.engine_code,
    displacement_cc: v.displacement_cc,
    power_kw: v.power_kw,
    power_hp: v.power_hp,
    fuel: v.fuel,
    ktype: v.ktype,
    natural_key: vehicleKey({ ...v, make: model.make_name, model: model.name }),
  }
}
