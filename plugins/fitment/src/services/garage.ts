import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import { vehicleLabel } from "@shabou/vehicle-label"
import {
  GarageVehicleRepository,
  GarageVehicleRow,
} from "../repositories/garage-vehicle"
import { Row } from "../types"
import FitmentService from "./fitment"
import VinDecodeService from "./vin-decode"

type InjectedDependencies = {
  manager: EntityManager
  garageVehicleRepository: typeof GarageVehicleRepository
  fitmentService: FitmentService
  vinDecodeService: VinDecodeService
}

/** How many vehicles one customer may keep (a family, or a small fleet; more is a garage account's job). */
export const GARAGE_LIMIT = 20

export interface GarageInput {
  vehicle_id?: string | null
  vin?: string | null
  name?: string | null
  is_current?: boolean
}

/**
 * "Mon garage": the vehicles a signed-in customer owns. A vehicle is added by the selector (vehicle_id), by VIN
 * (the VIN must point to exactly one vehicle of the base, or come with the vehicle_id the customer picked among
 * the VIN's candidates), or both. One of them is the current one: the first added, then the one picked.
 */
export default class GarageService extends TransactionBaseService {
  protected readonly garageVehicleRepository_: typeof GarageVehicleRepository
  protected readonly fitment_: FitmentService
  protected readonly vinDecodeService_: VinDecodeService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.garageVehicleRepository_ = container.garageVehicleRepository
    this.fitment_ = container.fitmentService
    this.vinDecodeService_ = container.vinDecodeService
  }

  async list(customerId: string): Promise<Row[]> {
    const rows = await this.activeManager_
      .withRepository(this.garageVehicleRepository_)
      .listOfCustomer(customerId)
    return await Promise.all(rows.map((r) => this.shape(r)))
  }

  async retrieve(customerId: string, id: string): Promise<Row> {
    const row = await this.activeManager_
      .withRepository(this.garageVehicleRepository_)
      .findOwned(customerId, id)
    if (!row) {
      throw notFound(`Garage vehicle with id: ${id} was not found`)
    }
    return await this.shape(row)
  }

  async add(customerId: string, input: GarageInput): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const garage = manager.withRepository(this.garageVehicleRepository_)
      // one customer's garage at a time: the count and the "first is current" rule hold under concurrent adds
      await garage.lockCustomer(customerId)
      const count = await garage.countOfCustomer(customerId)
      if (count >= GARAGE_LIMIT) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Your garage already holds ${count} vehicles (at most ${GARAGE_LIMIT}): remove one first`
        )
      }
      const { vehicleId, vin } = await self.resolveVehicle(
        input.vehicle_id,
        input.vin
      )
      const name = cleanName(input.name)
      const current = input.is_current === true || count === 0
      if (current) {
        await garage.clearCurrent(customerId)
      }
      const id = generateEntityId(undefined, "gveh")
      await garage.insertRow(
        id,
        customerId,
        { vehicle_id: vehicleId, name, vin },
        current
      )
      return await self.retrieve(customerId, id)
    })
  }

  async update(
    customerId: string,
    id: string,
    input: GarageInput
  ): Promise<Row> {
    return await this.atomicPhase_(async (manager) => {
      const self = this.withTransaction(manager)
      const garage = manager.withRepository(this.garageVehicleRepository_)
      await garage.lockCustomer(customerId)
      const current = await self.retrieve(customerId, id)
      let vehicleId: string = current.vehicle_id
      let vin: string | null = current.vin
      if (input.vehicle_id !== undefined || input.vin !== undefined) {
        const resolved = await self.resolveVehicle(
          input.vehicle_id === undefined
            ? input.vin
              ? undefined
              : current.vehicle_id
            : input.vehicle_id,
          input.vin === undefined ? current.vin : input.vin
        )
        vehicleId = resolved.vehicleId
        vin = resolved.vin
      }
      const name =
        input.name === undefined ? current.name : cleanName(input.name)
      if (input.is_current === true) {
        await garage.clearCurrent(customerId, id)
      } else if (input.is_current === false && current.is_current) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "is_current: pick another vehicle as the current one instead (one of your vehicles is always current)"
        )
      }
      await garage.updateOwned(
        customerId,
        id,
        { vehicle_id: vehicleId, name, vin },
        input.is_current === true
      )
      return await self.retrieve(customerId, id)
    })
  }

  /** Removes a vehicle; when it was the current one, the most recently added other vehicle becomes current. */
  async remove(customerId: string, id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const garage = manager.withRepository(this.garageVehicleRepository_)
      await garage.lockCustomer(customerId)
      const current = await this.withTransaction(manager).retrieve(
        customerId,
        id
      )
      await garage.deleteOwned(customerId, id)
      if (current.is_current) {
        await garage.promoteLatest(customerId)
      }
    })
  }

  /**
   * The vehicle a VIN and/or a picked vehicle id stand for, checked against each other (the VIN's make and model
   * year must agree with the vehicle: 400 naming `vin` otherwise). Also used for the cart's vehicle.
   */
  async resolveVehicle(
    vehicleId: string | null | undefined,
    vinInput: string | null | undefined
  ): Promise<{ vehicleId: string; vin: string | null }> {
    if (
      vehicleId !== undefined &&
      vehicleId !== null &&
      (typeof vehicleId !== "string" || !vehicleId.trim())
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "vehicle_id: must be a vehicle id (GET /store/vehicles)"
      )
    }
    if (
      vinInput !== undefined &&
      vinInput !== null &&
      typeof vinInput !== "string"
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "vin: must be a text of 17 characters"
      )
    }
    const vinText = vinInput?.trim() || null
    if (!vehicleId && !vinText) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "vehicle_id: is required (or give the vehicle's vin)"
      )
    }
    if (!vinText) {
      await this.fitment_
        .withTransaction(this.activeManager_)
        .retrieveStoreVehicle(vehicleId!)
      return { vehicleId: vehicleId!, vin: null }
    }
    const decoded = await this.vinDecodeService_
      .withTransaction(this.activeManager_)
      .decode(vinText)
    const what = `VIN ${decoded.vin} (${decoded.make_name ?? `maker code ${decoded.wmi}`}${decoded.model_years.length ? `, model year ${decoded.model_years.join(" or ")}` : ""})`
    if (!vehicleId) {
      if (decoded.count === 1) {
        return { vehicleId: decoded.vehicles[0].id, vin: decoded.vin }
      }
      if (decoded.count === 0) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `vin: no vehicle of our base matches ${what}; choose your vehicle with the selector (vehicle_id)`
        )
      }
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `vehicle_id: ${what} matches ${decoded.count}${decoded.count >= 200 ? "+" : ""} vehicles; pick yours among GET /store/vehicles/decode?vin=${decoded.vin} and send its id`
      )
    }
    const vehicle = await this.fitment_
      .withTransaction(this.activeManager_)
      .retrieveStoreVehicle(vehicleId)
    if (decoded.make && vehicle.make.id !== decoded.make.id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `vin: ${what} is not a ${vehicle.make.name} (vehicle ${vehicleId})`
      )
    }
    const years: number[] = decoded.model_years
    // a car of model year Y can be built from the autumn of Y-1: one year of slack at the start
    if (
      years.length &&
      !years.some(
        (y) =>
          vehicle.year_from - 1 <= y &&
          (vehicle.year_to === null || vehicle.year_to >= y)
      )
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `vin: ${what} does not match vehicle ${vehicleId}, built ${vehicle.year_from}–${vehicle.year_to ?? "today"}`
      )
    }
    return { vehicleId, vin: decoded.vin }
  }

  private async shape(row: GarageVehicleRow): Promise<Row> {
    const vehicle = await this.fitment_
      .withTransaction(this.activeManager_)
      .retrieveStoreVehicle(row.vehicle_id)
    const label = vehicleLabel(vehicle as any)
    return {
      id: row.id,
      object: "garage_vehicle",
      name: row.name,
      label: row.name ? `${row.name} (${label})` : label,
      vin: row.vin,
      is_current: row.is_current,
      vehicle_id: row.vehicle_id,
      vehicle,
      created_at: row.created_at,
      updated_at: row.updated_at,
    }
  }
}

function cleanName(name: unknown): string | null {
  if (name === undefined || name === null) {
    return null
  }
  if (typeof name !== "string") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "name: must be a text"
    )
  }
  const clean = name.trim().replace(/\s+/g, " ")
  if (clean.length > 60) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `name: at most 60 characters, got ${clean.length}`
    )
  }
  return clean || null
}
