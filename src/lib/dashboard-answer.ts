/**
 * The answer of GET /admin/dashboard (the admin's Tableau de bord reads it with `import type`), and what
 * the dashboard asks of the plugins' services (`src/services/dashboard.ts`).
 */

import type {
  ActivityItem,
  ImportActivity,
  PriceActivity,
} from "./dashboard-activity"

export type SalesWindow = { from: string; amount: number; orders: number }

export type RestockTop = {
  id: string
  variant_id: string
  product_id: string | null
  sku: string | null
  title: string | null
  stock: number | null
  suggested_quantity: number | null
  stockout_date: string | null
}

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
  restock: { open: number; top: RestockTop[] }
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
  activity: ActivityItem[]
}

type PriceAlertLine = Omit<
  Dashboard["price_alerts"]["latest"][number],
  "created_at"
> & { created_at: Date }

type ForecastRunLine = Omit<
  NonNullable<Dashboard["last_forecast_run"]>,
  "started_at" | "finished_at"
> & { started_at: Date | null; finished_at: Date | null }

/**
 * What the dashboard asks of each plugin's service, by the name Medusa registers it under (the root project
 * cannot import the plugins' sources: `src/services/dashboard.spec.ts` checks that their services fit).
 */
export type DashboardSources = {
  /** orion: unresolved restock alerts, how many and the most urgent */
  orionAlertService: {
    restockOverview(limit: number): Promise<{ open: number; top: RestockTop[] }>
  }
  /** orion: the latest forecast run, as stored */
  orionForecastRunService: { latest(): Promise<ForecastRunLine | null> }
  /** prospector: leads first seen since a date */
  leadService: { countNewSince(since: Date): Promise<number> }
  /** prospector: the supplier price-watch alerts, newest first, and how many match */
  priceAlertService: {
    listAlerts(
      filter: { acknowledged?: boolean },
      page: { limit: number; offset: number }
    ): Promise<[PriceAlertLine[], number]>
  }
  /** price-history: the latest price changes outside price lists */
  priceHistoryService: {
    recentChanges(limit: number): Promise<PriceActivity[]>
  }
  /** fitment: the latest applied imports */
  fitmentImportService: {
    recentApplied(limit: number): Promise<ImportActivity[]>
  }
}
