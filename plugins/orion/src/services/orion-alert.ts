import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { EntityManager } from "typeorm"
import { AlertStatus, AlertType, OrionAlert } from "../models/orion-alert"

type InjectedDependencies = { manager: EntityManager }

export type AlertCandidate = {
  type: AlertType
  variant_id: string
  sku: string | null
  title: string | null
  severity: number
  reason: string
  suggested_quantity: number | null
  data: Record<string, unknown>
}

export const ALERT_TYPES: AlertType[] = ["restock", "spike", "decline", "dead_stock"]
export const INSIGHT_TYPES: AlertType[] = ["spike", "decline", "dead_stock"]
export const ALERT_STATUSES: AlertStatus[] = ["open", "acknowledged", "resolved"]
export const ALERT_SORTS = ["severity", "created_at", "updated_at", "suggested_quantity", "sku"] as const

export type AlertQuery = {
  type?: AlertType[]
  status?: AlertStatus[]
  variant_id?: string
  sort?: (typeof ALERT_SORTS)[number]
  order?: "asc" | "desc"
  limit: number
  offset: number
}

/** Restock alerts and demand insights: refreshed by each run, listed and acknowledged by the owner. */
export default class OrionAlertService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
  }

  async list(q: AlertQuery): Promise<{ alerts: OrionAlert[]; count: number; limit: number; offset: number }> {
    const qb = this.activeManager_.getRepository(OrionAlert).createQueryBuilder("a")
    qb.where("a.type IN (:...types)", { types: q.type ?? ALERT_TYPES })
    if (q.status?.length) {
      qb.andWhere("a.status IN (:...statuses)", { statuses: q.status })
    } else {
      qb.andWhere("a.status <> 'resolved'")
    }
    if (q.variant_id) {
      qb.andWhere("a.variant_id = :variant", { variant: q.variant_id })
    }
    qb.orderBy(`a.${q.sort ?? "severity"}`, (q.order ?? "desc").toUpperCase() as "ASC" | "DESC", "NULLS LAST")
      .addOrderBy("a.id", "ASC")
      .take(q.limit)
      .skip(q.offset)
    const [alerts, count] = await qb.getManyAndCount()
    return { alerts, count, limit: q.limit, offset: q.offset }
  }

  async retrieve(id: string): Promise<OrionAlert> {
    const a = await this.activeManager_.getRepository(OrionAlert).findOne({ where: { id } })
    if (!a) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `alert ${id} not found`)
    }
    return a
  }

  async acknowledge(id: string, userId: string | null, note?: string): Promise<OrionAlert> {
    return this.atomicPhase_(async (m) => {
      const repo = m.getRepository(OrionAlert)
      const a = await this.withTransaction(m).retrieve(id)
      if (a.status === "resolved") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `alert ${id} is already resolved: nothing to acknowledge`)
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
  async refresh(runId: string, types: AlertType[], candidates: AlertCandidate[]): Promise<{ opened: number; refreshed: number; resolved: number }> {
    return this.atomicPhase_(async (m) => {
      let refreshed = 0
      let opened = 0
      const CH = 2000
      for (let i = 0; i < candidates.length; i += CH) {
        const part = candidates.slice(i, i + CH)
        const [res] = await m.query(
          `WITH input AS (
             SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::real[], $6::text[], $7::int[], $8::jsonb[])
               AS t(type, variant_id, sku, title, severity, reason, suggested_quantity, data)
           ), up AS (
             INSERT INTO "orion_alert" ("id", "type", "status", "variant_id", "sku", "title", "run_id", "severity", "reason", "suggested_quantity", "data")
             SELECT 'oal_' || replace(gen_random_uuid()::text, '-', ''), type, 'open', variant_id, sku, title, $9, severity, reason, suggested_quantity, data
             FROM input
             ON CONFLICT ("variant_id", "type") WHERE "status" <> 'resolved'
             DO UPDATE SET "run_id" = EXCLUDED."run_id", "severity" = EXCLUDED."severity", "reason" = EXCLUDED."reason",
               "suggested_quantity" = EXCLUDED."suggested_quantity", "sku" = EXCLUDED."sku", "title" = EXCLUDED."title",
               "data" = EXCLUDED."data" || jsonb_strip_nulls(jsonb_build_object('note', "orion_alert"."data"->'note')), "updated_at" = now()
             RETURNING (xmax = 0) AS inserted
           )
           SELECT count(*) FILTER (WHERE inserted)::int AS opened, count(*) FILTER (WHERE NOT inserted)::int AS refreshed FROM up`,
          [
            part.map((c) => c.type),
            part.map((c) => c.variant_id),
            part.map((c) => c.sku),
            part.map((c) => c.title),
            part.map((c) => c.severity),
            part.map((c) => c.reason),
            part.map((c) => c.suggested_quantity),
            part.map((c) => JSON.stringify(c.data)),
            runId,
          ]
        )
        opened += res.opened
        refreshed += res.refreshed
      }
      const resolvedRows = await m.query(
        `UPDATE "orion_alert" SET "status" = 'resolved', "resolved_at" = now(), "updated_at" = now()
         WHERE "status" <> 'resolved' AND "type" = ANY($1) AND "run_id" <> $2
         RETURNING "id"`,
        [types, runId]
      )
      const resolved = Array.isArray(resolvedRows[0]) ? resolvedRows[0].length : resolvedRows.length
      return { opened, refreshed, resolved }
    })
  }
}
