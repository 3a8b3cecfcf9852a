import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { EntityManager } from "typeorm"
import {
  OrionRestockSetting,
  SettingScope,
} from "../models/orion-restock-setting"
import { OrionOptions, resolveOptions } from "../options"
import { OrionRestockSettingRepository } from "../repositories/orion-restock-setting"

type InjectedDependencies = {
  manager: EntityManager
  orionRestockSettingRepository: typeof OrionRestockSettingRepository
}

export type SettingInput = {
  scope: SettingScope
  key?: string
  service_level?: number | null
  lead_time_days?: number | null
}

export type ResolvedSettings = {
  resolve: (
    categories: (string | null)[],
    brand: string | null
  ) => {
    serviceLevel: number
    leadTimeDays: number
    serviceLevelFrom: string
    leadTimeFrom: string
  }
}

/**
 * Restock settings: service level per category (leaf, then root category), lead time per
 * brand/supplier, with a "default" row (key "*") over the plugin options.
 */
export default class OrionRestockSettingsService extends TransactionBaseService {
  protected readonly options_: ReturnType<typeof resolveOptions>
  protected readonly settingRepository_: typeof OrionRestockSettingRepository

  constructor(container: InjectedDependencies, options: OrionOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.options_ = resolveOptions(options)
    this.settingRepository_ = container.orionRestockSettingRepository
  }

  private repo(m: EntityManager = this.activeManager_) {
    return m.withRepository(this.settingRepository_)
  }

  async list(): Promise<{
    settings: OrionRestockSetting[]
    defaults: { service_level: number; lead_time_days: number }
  }> {
    const settings = await this.repo().listAll()
    return {
      settings,
      defaults: {
        service_level: this.options_.defaultServiceLevel,
        lead_time_days: this.options_.defaultLeadTimeDays,
      },
    }
  }

  /** Creates or replaces the setting of (scope, key). */
  async upsert(input: SettingInput): Promise<OrionRestockSetting> {
    const scope = input.scope
    if (!["default", "category", "brand"].includes(scope)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `scope must be "default", "category" or "brand", got ${JSON.stringify(scope)}`
      )
    }
    const key = scope === "default" ? "*" : (input.key ?? "").trim()
    if (!key) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `key is required for scope "${scope}" (a category handle or a brand name)`
      )
    }
    const sl = input.service_level ?? null
    const lt = input.lead_time_days ?? null
    if (sl !== null && !(typeof sl === "number" && sl > 0 && sl < 1)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `service_level must be a number in (0, 1), e.g. 0.95; got ${JSON.stringify(sl)}`
      )
    }
    if (
      lt !== null &&
      !(typeof lt === "number" && Number.isInteger(lt) && lt >= 0 && lt <= 365)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `lead_time_days must be a whole number of days between 0 and 365; got ${JSON.stringify(lt)}`
      )
    }
    if (sl === null && lt === null) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "give service_level, lead_time_days or both"
      )
    }
    return this.atomicPhase_(async (m) => {
      const repo = this.repo(m)
      const existing = await repo.findOne({ where: { scope, key } })
      if (existing) {
        existing.service_level = sl
        existing.lead_time_days = lt
        return repo.save(existing)
      }
      return repo.save(
        repo.create({ scope, key, service_level: sl, lead_time_days: lt })
      )
    })
  }

  async delete(id: string): Promise<void> {
    await this.atomicPhase_(async (m) => {
      const res = await this.repo(m).delete({ id })
      if (!res.affected) {
        throw notFound(`restock setting ${id} not found`)
      }
    })
  }

  /** Loads every setting once and returns a resolver. */
  async resolver(): Promise<ResolvedSettings> {
    const { settings } = await this.list()
    const byKey = new Map(settings.map((s) => [`${s.scope}|${s.key}`, s]))
    return {
      resolve: (categories, brand) => {
        const resolved = {
          serviceLevel: this.options_.defaultServiceLevel,
          leadTimeDays: this.options_.defaultLeadTimeDays,
          serviceLevelFrom: "plugin default",
          leadTimeFrom: "plugin default",
        }
        // each value a setting gives overrides the one before it, named by where it came from
        const take = (s: OrionRestockSetting | undefined, from: string) => {
          if (s?.service_level != null) {
            resolved.serviceLevel = s.service_level
            resolved.serviceLevelFrom = from
          }
          if (s?.lead_time_days != null) {
            resolved.leadTimeDays = s.lead_time_days
            resolved.leadTimeFrom = from
          }
        }
        take(byKey.get("default|*"), "default setting")
        // categories: root first, leaf last (the most specific setting wins), then the brand
        for (const c of categories) {
          take(c ? byKey.get(`category|${c}`) : undefined, `category ${c}`)
        }
        if (brand) {
          take(byKey.get(`brand|${brand}`), `brand ${brand}`)
        }
        return resolved
      },
    }
  }
}
