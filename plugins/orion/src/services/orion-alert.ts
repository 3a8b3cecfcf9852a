import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { notFound } from "@shabou/api-params"
import { chunks } from "@shabou/sql"
import { sumOverChunks } from "../lib/chunk-counts"
import { EntityManager } from "typeorm"
import type { BatchAlert } from "../lib/forecast-batch"
import { AlertStatus, AlertType, OrionAlert } from "../models/orion-alert"
import {
  OrionAlertRepository,
  RestockFilter,
  RestockOverview,
  RestockSuggestion,
} from "../repositories/orion-alert"

export type {
  RestockOverview,
  RestockSuggestion,
} from "../repositories/orion-alert"

type InjectedDependencies = {
  manager: EntityManager
  orionAlertRepository: typeof OrionAlertRepository
}

/** an alert or insight a run proposes (the forecast engine's `BatchAlert`) */
export type AlertCandidate = BatchAlert

export const ALERT_TYPES: AlertType[] = [
  "restock",
  "spike",
  "decline",
  "dead_stock",
]
export const INSIGHT_TYPES: AlertType[] = ["spike", "decline", "dead_stock"]
export const ALERT_STATUSES: AlertStatus[] = [
  "open",
  "acknowledged",
  "resolved",
]
export const ALERT_SORTS = [
  "severity",
  "created_at",
  "updated_at",
  "suggested_quantity",
  "sku",
] as const

export type AlertQuery = {
  type?: AlertType[]
  status?: AlertStatus[]
  variant_id?: string
  sort?: (typeof ALERT_SORTS)[number]
  order?: "asc" | "desc"
  limit: number
  offset: number
}

export type RestockQuery = RestockFilter & {
  limit: number
  offset: number
}

/** candidates written per statement by `refresh` */
const REFRESH_CHUNK = 2000

/** Restock alerts and demand insights: refreshed by each run, listed and acknowledged by the owner. */
export default class OrionAlertService extends TransactionBaseService {
  protected readonly alertRepository_: typeof OrionAlertRepository

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.alertRepository_ = container.orionAlertRepository
  }

  private repo(m: EntityManager = this.activeManager_) {
    return m.withRepository(this.alertRepository_)
  }

  async list(q: AlertQuery): Promise<{
    alerts: OrionAlert[]
    count: number
    limit: number
    offset: number
  }> {
    const [alerts, count] = await this.repo().findPage({
      types: q.type ?? ALERT_TYPES,
      status: q.status,
      variant_id: q.variant_id,
      sort: q.sort ?? "severity",
      order: q.order ?? "desc",
      limit: q.limit,
      offset: q.offset,
    })
    return { alerts, count, limit: q.limit, offset: q.offset }
  }

  /**
   * Order suggestions (unresolved restock alerts by default), the most urgent first: expected
   * stock-out date (none last), then value (suggested quantity × TND price), then SKU.
   */
  async listRestock(q: RestockQuery): Promise<{
    suggestions: RestockSuggestion[]
    count: number
    limit: number
    offset: number
  }> {
    const { limit, offset, ...filter } = q
    const [suggestions, count] = await this.repo().restockPage(filter, {
      limit,
      offset,
    })
    return { suggestions, count, limit: q.limit, offset: q.offset }
  }

  async retrieve(id: string): Promise<OrionAlert> {
    const a = await this.repo().findOne({ where: { id } })
    if (!a) {
      throw notFound(`alert ${id} not found`)
    }
    return a
  }

  async acknowledge(
    id: string,
    userId: string | null,
    note?: string
  ): Promise<OrionAlert> {
    return this.atomicPhase_(async (m) => {
      const repo = this.repo(m)
      const a = await this.withTransaction(m).retrieve(id)
      if (a.status === "resolved") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `alert ${id} is already resolved: nothing to acknowledge`
        )
      }
      if (a.status === "open") {
        a.status = "acknowledged"
        a.acknowledged_at = new Date()
        a.acknowledged_by = userId
        if (note) {
          a.data = { ...(a.data ?? {}), note }
        }
        return repo.save(a)
      }
      return a
    })
  }

  /**
   * Applies one run's findings for the given types: an unresolved alert of the same variant and
   * type is refreshed (keeping its acknowledgement), a new one is opened, and unresolved alerts
   * that the run no longer raises are resolved.
   */
  async refresh(
    runId: string,
    types: AlertType[],
    candidates: AlertCandidate[]
  ): Promise<{ opened: number; refreshed: number; resolved: number }> {
    return this.atomicPhase_(async (m) => {
      const repo = this.repo(m)
      const { opened, refreshed } = await sumOverChunks(
        chunks(candidates, REFRESH_CHUNK),
        ["opened", "refreshed"],
        (part) => repo.upsertForRun(runId, part)
      )
      const resolved = await repo.resolveNotRaisedBy(runId, types)
      return { opened, refreshed, resolved }
    })
  }

  /**
   * How many restock alerts are unresolved (`open`), and the `limit` most urgent (`top`): expected
   * stock-out date, then severity (the owner's dashboard).
   */
  async restockOverview(limit: number): Promise<RestockOverview> {
    return this.repo().restockOverview(limit)
  }
}
