import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import { OrderActivity, recentActivity } from "../lib/dashboard-activity"
import type { Dashboard, DashboardSources } from "../lib/dashboard-answer"

export type {
  Dashboard,
  DashboardSources,
  RestockTop,
  SalesWindow,
} from "../lib/dashboard-answer"

/** Order statuses that still need shipping (Medusa v1 `fulfillment_status`). */
export const TO_SHIP_FULFILLMENT_STATUSES = [
  "not_fulfilled",
  "partially_fulfilled",
  "fulfilled",
  "partially_shipped",
]

type InjectedDependencies = DashboardSources & { manager: EntityManager }

/** The time windows, as the database's clock and Africa/Tunis calendar give them. */
type Windows = { now: Date; today: Date; d7: Date; d30: Date; week: Date }

type SalesRow = {
  today_amount: string
  today_orders: number
  d7_amount: string
  d7_orders: number
  d30_amount: string
  d30_orders: number
}

const RESTOCK_TOP = 5
const PRICE_ALERTS_LATEST = 5
/** items read from each source of the recent activity, and kept after the merge */
const ACTIVITY_PER_SOURCE = 10
const ACTIVITY_SHOWN = 12

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/**
 * The owner's dashboard (GET /admin/dashboard) in one read-only pass. Medusa's own figures are read here,
 * each query on an index:
 *
 * - sales: Σ unit_price × quantity of the line items of the orders created since midnight today /
 *   6 days ago / 29 days ago (Africa/Tunis), canceled orders left out: the orders' `subtotal`
 *   (excluding VAT and delivery), the figure `GET /admin/orders` gives per order;
 * - orders to ship: pending orders whose fulfillment status is not yet shipped;
 * - out-of-stock variants: managed inventory at 0 or less, live products only;
 * - the latest orders of the recent activity.
 *
 * The plugins' figures come from their services (`DashboardSources`), never from their tables:
 *
 * - restock: unresolved Orion restock alerts, the most urgent first (expected stock-out date, then severity);
 * - leads: garages (kind `lead`) first seen since Monday 00:00 Africa/Tunis;
 * - price alerts: supplier price-watch alerts not yet acknowledged, and the five latest;
 * - the last forecast run, and the rest of the recent activity (price changes, applied imports), merged
 *   with the orders newest first (`lib/dashboard-activity.ts`).
 */
export default class DashboardService extends TransactionBaseService {
  protected readonly sources_: DashboardSources

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
    this.sources_ = {
      orionAlertService: container.orionAlertService,
      orionForecastRunService: container.orionForecastRunService,
      leadService: container.leadService,
      priceAlertService: container.priceAlertService,
      priceHistoryService: container.priceHistoryService,
      fitmentImportService: container.fitmentImportService,
    }
  }

  async retrieve(currencyCode = "tnd"): Promise<Dashboard> {
    const s = this.sources_
    const w = await this.windows()
    const [
      sales,
      toShip,
      outOfStock,
      restock,
      newLeads,
      [priceAlerts, unacknowledged],
      run,
      orders,
      prices,
      imports,
    ] = await Promise.all([
      this.sales(w, currencyCode),
      this.ordersToShip(),
      this.outOfStockVariants(),
      s.orionAlertService.restockOverview(RESTOCK_TOP),
      s.leadService.countNewSince(w.week),
      s.priceAlertService.listAlerts(
        { acknowledged: false },
        { limit: PRICE_ALERTS_LATEST, offset: 0 }
      ),
      s.orionForecastRunService.latest(),
      this.latestOrders(ACTIVITY_PER_SOURCE),
      s.priceHistoryService.recentChanges(ACTIVITY_PER_SOURCE),
      s.fitmentImportService.recentApplied(ACTIVITY_PER_SOURCE),
    ])
    const window = (from: Date, amount: string, count: number) => ({
      from: iso(from) as string,
      amount: Number(amount),
      orders: count,
    })
    return {
      generated_at: iso(w.now) as string,
      currency_code: currencyCode,
      sales: {
        today: window(w.today, sales.today_amount, sales.today_orders),
        last_7_days: window(w.d7, sales.d7_amount, sales.d7_orders),
        last_30_days: window(w.d30, sales.d30_amount, sales.d30_orders),
      },
      orders_to_ship: toShip,
      out_of_stock_variants: outOfStock,
      restock: {
        open: restock.open,
        top: restock.top.map((r) => ({
          id: r.id,
          variant_id: r.variant_id,
          product_id: r.product_id,
          sku: r.sku,
          title: r.title,
          stock: num(r.stock),
          suggested_quantity: num(r.suggested_quantity),
          stockout_date: r.stockout_date,
        })),
      },
      leads: { new_this_week: newLeads, week_from: iso(w.week) as string },
      price_alerts: {
        unacknowledged,
        latest: priceAlerts.map((a) => ({
          id: a.id,
          kind: a.kind,
          message: a.message,
          supplier: a.supplier,
          created_at: iso(a.created_at) as string,
        })),
      },
      last_forecast_run: run
        ? {
            id: run.id,
            status: run.status,
            progress: Number(run.progress),
            stage: run.stage,
            started_at: iso(run.started_at),
            finished_at: iso(run.finished_at),
            variant_count: num(run.variant_count),
            alert_count: num(run.alert_count),
          }
        : null,
      activity: recentActivity({ orders, prices, imports }, ACTIVITY_SHOWN),
    }
  }

  private async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.activeManager_.query(text, params)
  }

  /** Now, midnight today, 6 and 29 days before, and Monday 00:00 of this week (Africa/Tunis). */
  private async windows(): Promise<Windows> {
    const [w] = await this.query<Windows>(
      `WITH t AS (SELECT date_trunc('day', now() AT TIME ZONE 'Africa/Tunis') AS d,
                         date_trunc('week', now() AT TIME ZONE 'Africa/Tunis') AS w)
       SELECT now() AS now, t.d AT TIME ZONE 'Africa/Tunis' AS today,
              (t.d - interval '6 days') AT TIME ZONE 'Africa/Tunis' AS d7,
              (t.d - interval '29 days') AT TIME ZONE 'Africa/Tunis' AS d30,
              t.w AT TIME ZONE 'Africa/Tunis' AS week
       FROM t`
    )
    return w
  }

  /** Σ line items and count of the non-canceled orders of the currency in each window (bigint as text). */
  private async sales(w: Windows, currencyCode: string): Promise<SalesRow> {
    const [row] = await this.query<SalesRow>(
      `WITH o AS (
         SELECT o.id, o.created_at, COALESCE(sum(li.unit_price::bigint * li.quantity), 0) AS amount
         FROM "order" o LEFT JOIN "line_item" li ON li.order_id = o.id
         WHERE o.created_at >= $1 AND o.status <> 'canceled' AND o.currency_code = $4
         GROUP BY o.id
       )
       SELECT COALESCE(sum(amount) FILTER (WHERE created_at >= $3), 0)::bigint AS today_amount,
              count(*) FILTER (WHERE created_at >= $3)::int AS today_orders,
              COALESCE(sum(amount) FILTER (WHERE created_at >= $2), 0)::bigint AS d7_amount,
              count(*) FILTER (WHERE created_at >= $2)::int AS d7_orders,
              COALESCE(sum(amount), 0)::bigint AS d30_amount,
              count(*)::int AS d30_orders
       FROM o`,
      [w.d30, w.d7, w.today, currencyCode]
    )
    return row
  }

  private async ordersToShip(): Promise<number> {
    const [{ n }] = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "order" WHERE status = 'pending' AND fulfillment_status::text = ANY($1)`,
      [TO_SHIP_FULFILLMENT_STATUSES]
    )
    return n
  }

  private async outOfStockVariants(): Promise<number> {
    const [{ n }] = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "product_variant" pv JOIN "product" p ON p.id = pv.product_id AND p.deleted_at IS NULL
       WHERE pv.deleted_at IS NULL AND pv.manage_inventory AND pv.inventory_quantity <= 0`
    )
    return n
  }

  /** The `limit` latest orders, with Σ unit price × quantity of their lines. */
  private async latestOrders(limit: number): Promise<OrderActivity[]> {
    const rows = await this.query<
      Omit<OrderActivity, "amount"> & { amount: string }
    >(
      `SELECT o.id, o.display_id, o.email, o.created_at, o.currency_code,
              (SELECT COALESCE(sum(li.unit_price::bigint * li.quantity), 0) FROM "line_item" li WHERE li.order_id = o.id)::bigint AS amount
       FROM "order" o ORDER BY o.created_at DESC LIMIT $1`,
      [limit]
    )
    return rows.map((o) => ({ ...o, amount: Number(o.amount) }))
  }
}
