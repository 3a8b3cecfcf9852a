import { TransactionBaseService } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { writeInChunks } from "@shabou/sql"
import { ImportProgress } from "../lib/import-run"
import { canonicalMake } from "../lib/normalize"
import { FitmentImportPlan, VehicleImportPlan } from "../lib/plan"
import type { FitmentRepository } from "../repositories/fitment"
import type { FitmentProductRepository } from "../repositories/fitment-product"
import type {
  FitmentVehicleImportRepository,
  NewVehicle,
} from "../repositories/fitment-vehicle-import"

type InjectedDependencies = {
  manager: EntityManager
  fitmentRepository: typeof FitmentRepository
  fitmentProductRepository: typeof FitmentProductRepository
  fitmentVehicleImportRepository: typeof FitmentVehicleImportRepository
}

/** Writes an import plan (lib/plan): new makes, models and vehicles, or links and universal flags, in bulk. */
export default class FitmentImportApplyService extends TransactionBaseService {
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

  async applyVehicles(
    plan: VehicleImportPlan,
    progress: ImportProgress
  ): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const repo = manager.withRepository(this.fitmentVehicleImportRepository_)
      const makeIds = new Map<string, string>()
      for (const m of await repo.findMakes()) {
        makeIds.set(m.key, m.id)
        makeIds.set(canonicalMake(m.name).key, m.id)
      }
      for (const m of plan.makes_to_create) {
        const id = generateEntityId(undefined, "vmake")
        let handle = m.handle
        for (let n = 2; await repo.makeHandleTaken(handle); n++) {
          handle = `${m.handle}-${n}`
        }
        await repo.insertMake({ id, name: m.name, handle, key: m.key })
        makeIds.set(m.key, id)
      }
      const modelIds = new Map<string, string>()
      for (const m of plan.models_to_create) {
        const makeId = makeIds.get(m.make_key)
        if (!makeId) {
          throw new Error(
            `import plan: make ${m.make_key} of model ${m.name} (row ${m.row}) was neither found nor created`
          )
        }
        const id = generateEntityId(undefined, "vmodel")
        await repo.insertModel({
          id,
          make_id: makeId,
          name: m.name,
          handle: m.handle,
          key: m.key,
        })
        modelIds.set(`${m.make_key}|${m.key}`, id)
      }
      const total = plan.create.length + plan.update.length
      const created = await writeInChunks(
        plan.create,
        async (chunk) => {
          const rows: NewVehicle[] = chunk.map((c) => {
            const v = c.vehicle
            const makeId = c.make_id ?? makeIds.get(v.make_key)
            const modelId =
              c.model_id ?? modelIds.get(`${v.make_key}|${v.model_key}`)
            if (!makeId || !modelId) {
              throw new Error(
                `import plan: row ${c.row} has no make or model id`
              )
            }
            return {
              id: generateEntityId(undefined, "veh"),
              make_id: makeId,
              model_id: modelId,
              vehicle: v,
            }
          })
          await repo.insertMany(rows)
        },
        (done) => progress("writing", done, total)
      )
      await writeInChunks(
        plan.update,
        (chunk) => repo.updateMany(chunk),
        (done) => progress("writing", created + done, total)
      )
    })
  }

  async applyFitments(
    plan: FitmentImportPlan,
    source: string,
    progress: ImportProgress
  ): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const links = manager.withRepository(this.fitmentRepository_)
      const total =
        plan.create.length + plan.update.length + plan.universal.set.length
      let done = await writeInChunks(
        plan.create,
        (chunk) =>
          links.insertPlanned(
            chunk.map((l) => ({
              ...l,
              id: generateEntityId(undefined, "fit"),
            })),
            source
          ),
        (n) => progress("writing", n, total)
      )
      const created = done
      done += await writeInChunks(
        plan.update,
        (chunk) => links.updatePlanned(chunk),
        (n) => progress("writing", created + n, total)
      )
      if (plan.universal.set.length) {
        await manager
          .withRepository(this.fitmentProductRepository_)
          .setUniversal(plan.universal.set.map((u) => u.product_id))
        done += plan.universal.set.length
        progress("writing", done, total)
      }
    })
  }
}
