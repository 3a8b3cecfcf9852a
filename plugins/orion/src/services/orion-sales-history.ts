import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { parseSalesCsv, RowError } from "../lib/sales-csv"

type InjectedDependencies = { manager: EntityManager }

/** A rejected import with every bad row (a plain Error subclass: MedusaError's ES5 build breaks `instanceof`). */
export class SalesImportError extends Error {
  readonly type = MedusaError.Types.INVALID_DATA

  constructor(
    public errors: RowError[],
    public truncated: boolean
  ) {
    super(
      `the file has ${errors.length}${truncated ? "+" : ""} invalid row(s); nothing was imported`
    )
  }
}

export type ImportSummary = {
  rows: number
  /** distinct (variant, day) pairs after summing duplicate rows */
  days: number
  variants: number
  inserted: number
  updated: number
  unchanged: number
  first_day: string | null
  last_day: string | null
}

const CHUNK = 5000
const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tunis" }).format(
    new Date()
  )

/**
 * Sales history: units per variant and day, from placed orders (one row per line
 * item, idempotent) and from CSV imports of past sales (one row per variant and
 * day, upserted: importing the same file twice changes nothing).
 */
export default class OrionSalesHistoryService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
  }

  /** Records the line items of these orders (canceled orders are skipped). Returns rows inserted. */
  async recordOrders(orderIds: string[]): Promise<number> {
    if (!orderIds.length) {
      return 0
    }
    return this.atomicPhase_(async (m) => {
      const rows = await m.query(
        `INSERT INTO "orion_sales_history" ("id", "variant_id", "sku", "day", "qty", "source", "order_id", "line_item_id")
         SELECT 'osh_' || li.id, li.variant_id, pv.sku, (o.created_at AT TIME ZONE 'Africa/Tunis')::date, li.quantity, 'order', o.id, li.id
         FROM "order" o
         JOIN "line_item" li ON li.order_id = o.id
         LEFT JOIN "product_variant" pv ON pv.id = li.variant_id
         WHERE o.id = ANY($1) AND o.status <> 'canceled' AND li.variant_id IS NOT NULL AND li.quantity > 0
         ON CONFLICT ("line_item_id") WHERE "source" = 'order' DO NOTHING
         RETURNING "id"`,
        [orderIds]
      )
      return rows.length
    })
  }

  /** Removes the rows of canceled orders. Returns rows deleted. */
  async removeOrder(orderId: string): Promise<number> {
    return this.atomicPhase_(async (m) => {
      const res = await m.query(
        `DELETE FROM "orion_sales_history" WHERE "source" = 'order' AND "order_id" = $1 RETURNING "id"`,
        [orderId]
      )
      return Array.isArray(res[0]) ? res[0].length : res.length
    })
  }

  /** Records every order not yet in the history (e.g. orders placed before the plugin). */
  async backfill(): Promise<{ orders: number; inserted: number }> {
    return this.atomicPhase_(async (m) => {
      const ids: { id: string }[] = await m.query(
        `SELECT o.id FROM "order" o WHERE o.status <> 'canceled' ORDER BY o.created_at`
      )
      let inserted = 0
      for (let i = 0; i < ids.length; i += CHUNK) {
        inserted += await this.withTransaction(m).recordOrders(
          ids.slice(i, i + CHUNK).map((r) => r.id)
        )
      }
      return { orders: ids.length, inserted }
    })
  }

  /**
   * Imports `sku,date,qty` (whole file validated first: all-or-nothing). Rows of the same sku and
   * day are summed; each (variant, day) is then inserted, or updated when its quantity differs.
   */
  async importCsv(text: string): Promise<ImportSummary> {
    const parsed = parseSalesCsv(text)
    const errors = parsed.errors
    const maxErrors = 200
    return this.atomicPhase_(async (m) => {
      const skus = [...new Set(parsed.rows.map((r) => r.sku))]
      const variants = new Map<string, string>()
      for (let i = 0; i < skus.length; i += CHUNK) {
        const found: { id: string; sku: string }[] = await m.query(
          `SELECT id, sku FROM "product_variant" WHERE sku = ANY($1) AND deleted_at IS NULL`,
          [skus.slice(i, i + CHUNK)]
        )
        for (const v of found) {
          variants.set(v.sku, v.id)
        }
      }
      const last = today()
      const sums = new Map<
        string,
        { variant: string; sku: string; day: string; qty: number }
      >()
      for (const r of parsed.rows) {
        const day = r.date.toISOString().slice(0, 10)
        const variant = variants.get(r.sku)
        if (!variant) {
          errors.push({
            row: r.row,
            column: "sku",
            reason: `unknown sku "${r.sku}": no product variant has it`,
          })
          continue
        }
        if (day > last) {
          errors.push({
            row: r.row,
            column: "date",
            reason: `"${day}" is in the future (today is ${last} in Tunis)`,
          })
          continue
        }
        const key = `${variant}|${day}`
        const cur = sums.get(key)
        if (cur) {
          cur.qty += r.qty
        } else {
          sums.set(key, { variant, sku: r.sku, day, qty: r.qty })
        }
      }
      if (errors.length) {
        errors.sort((a, b) => a.row - b.row)
        throw new SalesImportError(
          errors.slice(0, maxErrors),
          errors.length > maxErrors
        )
      }
      const all = [...sums.values()]
      let inserted = 0
      let updated = 0
      for (let i = 0; i < all.length; i += CHUNK) {
        const part = all.slice(i, i + CHUNK)
        const [res] = await m.query(
          `WITH input AS (
             SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::date[], $4::numeric[]) AS t(variant_id, sku, day, qty)
           ), up AS (
             INSERT INTO "orion_sales_history" ("id", "variant_id", "sku", "day", "qty", "source")
             SELECT 'osh_' || replace(gen_random_uuid()::text, '-', ''), variant_id, sku, day, qty, 'import' FROM input
             ON CONFLICT ("variant_id", "day") WHERE "source" = 'import'
             DO UPDATE SET "qty" = EXCLUDED."qty", "sku" = EXCLUDED."sku", "updated_at" = now()
             WHERE "orion_sales_history"."qty" IS DISTINCT FROM EXCLUDED."qty"
             RETURNING (xmax = 0) AS inserted
           )
           SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
          [
            part.map((r) => r.variant),
            part.map((r) => r.sku),
            part.map((r) => r.day),
            part.map((r) => r.qty),
          ]
        )
        inserted += res.inserted
        updated += res.updated
      }
      const days = all.map((r) => r.day).sort()
      return {
        rows: parsed.rows.length,
        days: all.length,
        variants: new Set(all.map((r) => r.variant)).size,
        inserted,
        updated,
        unchanged: all.length - inserted - updated,
        first_day: days[0] ?? null,
        last_day: days[days.length - 1] ?? null,
      }
    })
  }

  async list(
    filter: { variant_id?: string; sku?: string; source?: string },
    page: { limit: number; offset: number }
  ) {
    const where: string[] = []
    const params: unknown[] = []
    for (const [k, v] of Object.entries(filter)) {
      if (v !== undefined) {
        params.push(v)
        where.push(`"${k}" = $${params.length}`)
      }
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const [{ count }] = await this.activeManager_.query(
      `SELECT count(*)::int AS count FROM "orion_sales_history" ${w}`,
      params
    )
    const rows = await this.activeManager_.query(
      `SELECT id, variant_id, sku, to_char(day, 'YYYY-MM-DD') AS day, qty::float AS qty, source, order_id, line_item_id, created_at
       FROM "orion_sales_history" ${w} ORDER BY day DESC, id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params
    )
    return { sales: rows, count, limit: page.limit, offset: page.offset }
  }
}
