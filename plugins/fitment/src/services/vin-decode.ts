import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { normalizeKey } from "../lib/normalize"
import { decodeVin } from "../lib/vin"
import { decodeVinDetails } from "../lib/vin-model"
import { VehicleRepository, VinModelTarget } from "../repositories/vehicle"
import { VehicleMakeKeyRow } from "../repositories/vehicle-make"
import { Row } from "../types"
import { shapeVehicle } from "./fitment"
import VehicleMakeService from "./vehicle-make"

type InjectedDependencies = {
  manager: EntityManager
  vehicleRepository: typeof VehicleRepository
  vehicleMakeService: VehicleMakeService
}

/** VIN decoding: what a VIN says (offline), and the vehicles of our base it may be. */
export default class VinDecodeService extends TransactionBaseService {
  protected readonly vehicleRepository_: typeof VehicleRepository
  protected readonly vehicleMakeService_: VehicleMakeService

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.vehicleRepository_ = container.vehicleRepository
    this.vehicleMakeService_ = container.vehicleMakeService
  }

  /**
   * Offline VIN decode: make and model years, then model, body and engine where the maker's pattern allows it
   * (lib/vin-model.ts, table lib/data/vin-patterns.json), and the vehicles of our base that match: the decoded
   * model(s) when its confidence is "probable", further the decoded engine code when some of them have it;
   * make + model years otherwise. Throws 400 when malformed.
   */
  async decode(vin: string): Promise<Row> {
    const decoded = decodeVin(vin ?? "")
    if (!decoded.valid) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `vin: ${decoded.errors.map((e) => e.reason).join("; ")}`
      )
    }
    const details = decodeVinDetails(decoded)
    let make: VehicleMakeKeyRow | null = null
    let vehicles: Row[] = []
    let modelMatched: boolean | null = null
    let engineMatched: boolean | null = null
    if (decoded.make) {
      make = await this.vehicleMakeService_
        .withTransaction(this.activeManager_)
        .findMake(decoded.make)
      if (make) {
        const repository = this.activeManager_.withRepository(
          this.vehicleRepository_
        )
        const years = decoded.model_year_candidates
        const select = async (models: VinModelTarget[] | null) =>
          (await repository.listForVin(make!.id, years, models)).map(
            shapeVehicle
          )
        if (details.model && details.model.confidence !== "possible") {
          vehicles = await select(
            details.model.targets.map((t) =>
              // "Golf" + generation "IV", or a model stored with its generation in the name ("Passat B6")
              t.generation
                ? {
                    key: normalizeKey(t.model),
                    generation: t.generation.toUpperCase(),
                    generationKey: normalizeKey(`${t.model} ${t.generation}`),
                  }
                : { key: normalizeKey(t.model) }
            )
          )
          modelMatched = vehicles.length > 0
        }
        if (!vehicles.length) {
          vehicles = await select(null)
        }
        if (details.engine) {
          const code = normalizeKey(details.engine.code)
          const withEngine = vehicles.filter(
            (v) => engineCodeKey(v.engine_code) === code
          )
          engineMatched = withEngine.length > 0
          if (engineMatched) {
            vehicles = withEngine
          }
        }
      }
    }
    let narrowedBy = "none"
    if (make) {
      const parts = [
        modelMatched ? "model" : null,
        engineMatched ? "engine" : null,
      ].filter(Boolean)
      narrowedBy = parts.length
        ? parts.join("_")
        : decoded.model_year_candidates.length
          ? "make_year"
          : "make"
    }
    return {
      vin: decoded.vin,
      valid: true,
      wmi: decoded.wmi,
      region: decoded.region,
      check_digit: decoded.check_digit,
      make_name: decoded.make,
      make: make ? { id: make.id, name: make.name, handle: make.handle } : null,
      model_years: decoded.model_year_candidates,
      model: details.model
        ? {
            code: details.model.code,
            positions: details.model.positions,
            names: details.model.names,
            body: details.model.body,
            confidence: details.model.confidence,
            source: details.model.source,
            matched: modelMatched,
          }
        : null,
      engine: details.engine
        ? { ...details.engine, matched: engineMatched }
        : null,
      plant: details.plant,
      positions: details.positions,
      narrowed_by: narrowedBy,
      vehicles,
      count: vehicles.length,
    }
  }
}

/** "KFV (TU3JP)" → "kfv": the engine type code a VIN carries is the first word of our engine code. */
function engineCodeKey(engineCode: string | null): string {
  return engineCode ? normalizeKey(engineCode.trim().split(/[\s(]/)[0]) : ""
}
