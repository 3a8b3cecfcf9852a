import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"

type InjectedDependencies = { manager: EntityManager }

/** Order statuses that still need shipping (Medusa v1 `fulfillment_status`). */
export const TO_SHIP_FULFILLMENT_STATUSES = [
  "not_fulfilled",
  "partially_fulfilled",
  "fulfilled",
  "partially_shipped",
]

export type SalesWindow = { from: string; amount: number; orders: number }

export type Dashboard = {
  generated_at: string
  currency_code: string
  sales: {
    today: SalesWindow
    last_7_days: SalesWindow
    last_30_days: SalesWindow
  }
  orders_to_ship: number
  out_of_stock_variants: number
  restock: {
    open: number
    top: {
      id: string
      variant_id: string
      product_id: string | null
      sku: string | null
      title: string | null
      stock: number | null
      suggested_quantity: number | null
      stockout_date: string | null
    }[]
  }
  leads: { new_this_week: number; week_from: string }
  price_alerts: {
    unacknowledged: number
    latest: {
      id: string
      kind: string
      message: string
      supplier: string
      created_at: string
    }[]
  }
  last_forecast_run: null | {
    id: string
    status: string
    progress: number
    stage: string | null
    started_at: string | null
    finished_at: string | null
    variant_count: number | null
    alert_count: number | null
  }
  activity: {
    kind: "order" | "price" | "import"
    id: string
    at: string
    label: string
    product_id?: string | null
    amount?: number | null
    old_amount?: number | null
    currency_code?: string | null
  }[]
}

/**
 * The owner's dashboard (GET /admin/dashboard) in one read-only pass over the tables of Medusa and
 * of the plugins (orion, prospector, price-history, fitment), each query on an index:
 *
 * - sales: Σ unit_price × quantity of the line items of the orders created since midnight today /
 *   6 days ago / 29 days ago (Africa/Tunis), canceled orders left out: the orders' `subtotal`
 *   (excluding VAT and delivery), the figure `GET /admin/orders` gives per order;
 * - orders to ship: pending orders whose fulfillment status is not yet shipped;
 * - out-of-stock variants: managed inventory at 0 or less, live products only;
 * - restock: unresolved Orion restock alerts, the most urgent first (expected stock-out date, then severity);
 * - leads: garages (kind `lead`) first seen since Monday 00:00 Africa/Tunis;
 * - price alerts: supplier price-watch alerts not yet acknowledged, and the five latest;
 * - last forecast run, and recent activity (orders, price changes, applied imports), newest first.
 */
export default class DashboardService extends TransactionBaseService {
  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(container, arguments[1])
  }

  async retrieve(currencyCode = "tnd"): Promise<Dashboard> {
    const m = this.activeManager_
    const q = async <T = any>(
      text: string,
      params: unknown[] = []
    ): Promise<T[]> => m.query(text, params)

    const [windows] = await q<{
      now: Date
      today: Date
      d7: Date
      d30: Date
      week: Date
    }>(
      `WITH t AS (SELECT date_trunc('day', now() AT TIME ZONE 'Africa/Tunis') AS d,
                         date_trunc('week', now() AT TIME ZONE 'Africa/Tunis') AS w)
       SELECT now() AS now, t.d AT TIME ZONE 'Africa/Tunis' AS today,
              (t.d - interval '6 days') AT TIME ZONE 'Africa/Tunis' AS d7,
              (t.d - interval '29 days') AT TIME ZONE 'Africa/Tunis' AS d30,
              t.w AT TIME ZONE 'Africa/Tunis' AS week
       FROM t`
    )
    const [sales] = await q(
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
      [windows.d30, windows.d7, windows.today, currencyCode]
    )
    const [toShip] = await q(
      `SELECT count(*)::int AS n FROM "order" WHERE status = 'pending' AND fulfillment_status::text = ANY($1)`,
      [TO_SHIP_FULFILLMENT_STATUSES]
    )
    const [outOfStock] = await q(
      `SELECT count(*)::int AS n FROM "product_variant" pv JOIN "product" p ON p.id = pv.product_id AND p.deleted_at IS NULL
       WHERE pv.deleted_at IS NULL AND pv.manage_inventory AND pv.inventory_quantity <= 0`
    )
    const [restockCount] = await q(
      `SELECT count(*)::int AS n FROM "orion_alert" WHERE type = 'restock' AND status <> 'resolved'`
    )
    const restockTop = await q(
      `SELECT a.id, a.variant_id, pv.product_id, a.sku, a.title, (a.data->>'stock')::int AS stock, a.suggested_quantity,
              a.data->>'stockout_date' AS stockout_date
       FROM "orion_alert" a LEFT JOIN "product_variant" pv ON pv.id = a.variant_id
       WHERE a.type = 'restock' AND a.status <> 'resolved'
       ORDER BY a.data->>'stockout_date' ASC NULLS LAST, a.severity DESC, a.id
       LIMIT 5`
    )
    const [leads] = await q(
      `SELECT count(*)::int AS n FROM "prospector_lead" WHERE kind = 'lead' AND first_seen_at >= $1`,
      [windows.week]
    )
    const [priceAlertCount] = await q(
      `SELECT count(*)::int AS n FROM "prospector_price_alert" WHERE acknowledged_at IS NULL`
    )
    const priceAlerts = await q(
      `SELECT a.id, a.kind, a.message, w.supplier, a.created_at FROM "prospector_price_alert" a
       JOIN "prospector_watched_page" w ON w.id = a.watched_page_id
       WHERE a.acknowledged_at IS NULL ORDER BY a.created_at DESC LIMIT 5`
    )
    const [run] = await q(
      `SELECT id, status, progress, stage, started_at, finished_at, variant_count, alert_count
       FROM "orion_forecast_run" ORDER BY created_at DESC LIMIT 1`
    )
    const activity = await q(
      `(SELECT 'order' AS kind, o.id, o.created_at AS at, '#' || o.display_id || ' — ' || o.email AS label, NULL AS product_id,
               (SELECT COALESCE(sum(li.unit_price::bigint * li.quantity), 0) FROM "line_item" li WHERE li.order_id = o.id)::bigint AS amount,
               NULL::bigint AS old_amount, o.currency_code
        FROM "order" o ORDER BY o.created_at DESC LIMIT 10)
       UNION ALL
       (SELECT 'price', ph.id::text, ph.changed_at, COALESCE(p.title, ph.variant_id, '') || COALESCE(' (' || pv.sku || ')', ''), ph.product_id,
               ph.new_amount::bigint, ph.old_amount::bigint, ph.currency_code
        FROM "price_history" ph LEFT JOIN "product" p ON p.id = ph.product_id LEFT JOIN "product_variant" pv ON pv.id = ph.variant_id
        WHERE ph.price_list_id IS NULL
        ORDER BY ph.changed_at DESC LIMIT 10)
       UNION ALL
       (SELECT 'import', fi.id, fi.created_at, fi.type || COALESCE(' — ' || fi.file_name, ''), NULL, NULL, NULL, NULL
        FROM "fitment_import" fi WHERE fi.applied ORDER BY fi.created_at DESC LIMIT 10)
       ORDER BY at DESC LIMIT 12`
    )
    const iso = (d: Date | string | null) =>
      d ? new Date(d).toISOString() : null
    const num = (v: unknown) =>
      v === null || v === undefined ? null : Number(v)
    return {
      generated_at: iso(windows.now) as string,
      currency_code: currencyCode,
      sales: {
        today: {
          from: iso(windows.today) as string,
          amount: Number(sales.today_amount),
          orders: sales.today_orders,
        },
        last_7_days: {
          from: iso(windows.d7) as string,
          amount: Number(sales.d7_amount),
          orders: sales.d7_orders,
        },
        last_30_days: {
          from: iso(windows.d30) as string,
          amount: Number(sales.d30_amount),
          orders: sales.d30_orders,
        },
      },
      orders_to_ship: toShip.n,
      out_of_stock_variants: outOfStock.n,
      restock: {
        open: restockCount.n,
        top: restockTop.map((r) => ({
          ...r,
          stock: num(r.stock),
          suggested_quantity: num(r.suggested_quantity),
        })),
      },
      leads: { new_this_week: leads.n, week_from: iso(windows.week) as string },
      price_alerts: {
        unacknowledged: priceAlertCount.n,
        latest: priceAlerts.map((a) => ({
          ...a,
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
      activity: activity.map((a) => ({
        kind: a.kind,
        id: a.id,
        at: iso(a.at) as string,
        label: a.label,
        product_id: a.product_id,
        amount: num(a.amount),
        old_amount: num(a.old_amount),
        currency_code: a.currency_code,
      })),
    }
  }
}
