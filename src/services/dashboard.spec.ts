import type FitmentImportService from "../../plugins/fitment/src/services/fitment-import"
import type OrionAlertService from "../../plugins/orion/src/services/orion-alert"
import type OrionForecastRunService from "../../plugins/orion/src/services/orion-forecast-run"
import type PriceHistoryService from "../../plugins/price-history/src/services/price-history"
import type LeadService from "../../plugins/prospector/src/services/lead"
import type PriceAlertService from "../../plugins/prospector/src/services/price-alert"
import DashboardService, { DashboardSources } from "./dashboard"

/** `A` when it can stand for `B` (a compile-time check: `tsc -p tsconfig.specs.json`, run by `npm run lint`). */
type Fits<A extends B, B> = A

// each plugin's service answers what the dashboard asks of it, with the types it expects
export type _PluginServicesFit = [
  Fits<OrionAlertService, DashboardSources["orionAlertService"]>,
  Fits<OrionForecastRunService, DashboardSources["orionForecastRunService"]>,
  Fits<LeadService, DashboardSources["leadService"]>,
  Fits<PriceAlertService, DashboardSources["priceAlertService"]>,
  Fits<PriceHistoryService, DashboardSources["priceHistoryService"]>,
  Fits<FitmentImportService, DashboardSources["fitmentImportService"]>,
]

const d = (iso: string) => new Date(iso)

/** Medusa's own reads, answered by the statement they start with. */
function fakeManager(asked: [string, unknown[]][]) {
  const answers: [RegExp, unknown[]][] = [
    [
      /^WITH t AS/,
      [
        {
          now: d("2024-12-04T10:00:00.123Z"),
          today: d("2024-12-03T23:00:00Z"),
          d7: d("2024-11-27T23:00:00Z"),
          d30: d("2024-11-04T23:00:00Z"),
          week: d("2024-12-01T23:00:00Z"),
        },
      ],
    ],
    [
      /^WITH o AS/,
      [
        {
          today_amount: "0",
          today_orders: 0,
          d7_amount: "124950",
          d7_orders: 1,
          d30_amount: "9007199254740",
          d30_orders: 3,
        },
      ],
    ],
    [/status = 'pending'/, [{ n: 2 }]],
    [/manage_inventory/, [{ n: 4 }]],
    [
      /FROM "order" o ORDER BY/,
      [
        {
          id: "order_1",
          display_id: 3,
          email: "garage@example.tn",
          created_at: d("2024-12-02T09:00:00Z"),
          currency_code: "tnd",
          amount: "124950",
        },
      ],
    ],
  ]
  return {
    query: async (text: string, params: unknown[]) => {
      asked.push([text.trim(), params])
      const hit = answers.find(([re]) => re.test(text.trim()))
      if (!hit) {
        throw new Error(`unexpected query ${text}`)
      }
      return hit[1]
    },
  }
}

/** an alert as the price watch lists it: the dashboard keeps five of its fields */
const alertRow = {
  id: "ppa_1",
  watched_page_id: "pwp_1",
  kind: "price_drop",
  message: "−10 %",
  details: {},
  acknowledged_at: null,
  created_at: d("2024-12-03T08:00:00Z"),
  url: "https://example.tn",
  supplier: "Fournisseur",
}

/** The one restock suggestion of the fake Orion, as the dashboard shows it. */
const RESTOCK_TOP = {
  id: "oal_1",
  variant_id: "variant_1",
  product_id: "prod_1",
  sku: "PLQ-1",
  title: "Plaquettes",
  stock: 0,
  suggested_quantity: 12,
  stockout_date: "2024-12-10",
}

const sources: DashboardSources = {
  orionAlertService: {
    restockOverview: async (limit) => ({
      open: 7,
      top: [RESTOCK_TOP].slice(0, limit),
    }),
  },
  orionForecastRunService: {
    latest: async () => ({
      id: "orun_1",
      status: "succeeded",
      progress: 1,
      stage: "done",
      started_at: d("2024-12-01T22:30:00Z"),
      finished_at: null,
      variant_count: 120,
      alert_count: 9,
    }),
  },
  leadService: {
    countNewSince: async (since) =>
      since.toISOString() === "2024-12-01T23:00:00.000Z" ? 5 : -1,
  },
  priceAlertService: {
    listAlerts: async (filter, page) => [
      filter.acknowledged === false && page.limit === 5 && page.offset === 0
        ? [alertRow]
        : [],
      3,
    ],
  },
  priceHistoryService: {
    recentChanges: async () => [
      {
        id: "41",
        changed_at: d("2024-12-03T12:00:00Z"),
        product_id: "prod_1",
        variant_id: "variant_1",
        product_title: null,
        variant_sku: "",
        new_amount: 45000,
        old_amount: null,
        currency_code: "tnd",
      },
    ],
  },
  fitmentImportService: {
    recentApplied: async () => [
      {
        id: "fimp_1",
        type: "vehicles",
        file_name: null,
        created_at: d("2024-12-01T12:00:00Z"),
      },
    ],
  },
}

describe("DashboardService.retrieve", () => {
  it("answers Medusa's figures and the plugins' services' in the JSON of before", async () => {
    const asked: [string, unknown[]][] = []
    const service = new DashboardService({
      ...sources,
      manager: fakeManager(asked) as any,
    })
    const answer = await service.retrieve()
    expect(JSON.stringify(answer)).toBe(
      JSON.stringify({
        generated_at: "2024-12-04T10:00:00.123Z",
        currency_code: "tnd",
        sales: {
          today: { from: "2024-12-03T23:00:00.000Z", amount: 0, orders: 0 },
          last_7_days: {
            from: "2024-11-27T23:00:00.000Z",
            amount: 124950,
            orders: 1,
          },
          last_30_days: {
            from: "2024-11-04T23:00:00.000Z",
            amount: 9007199254740,
            orders: 3,
          },
        },
        orders_to_ship: 2,
        out_of_stock_variants: 4,
        restock: {
          open: 7,
          top: [RESTOCK_TOP],
        },
        leads: { new_this_week: 5, week_from: "2024-12-01T23:00:00.000Z" },
        price_alerts: {
          unacknowledged: 3,
          latest: [
            {
              id: "ppa_1",
              kind: "price_drop",
              message: "−10 %",
              supplier: "Fournisseur",
              created_at: "2024-12-03T08:00:00.000Z",
            },
          ],
        },
        last_forecast_run: {
          id: "orun_1",
          status: "succeeded",
          progress: 1,
          stage: "done",
          started_at: "2024-12-01T22:30:00.000Z",
          finished_at: null,
          variant_count: 120,
          alert_count: 9,
        },
        activity: [
          {
            kind: "price",
            id: "41",
            at: "2024-12-03T12:00:00.000Z",
            label: "variant_1 ()",
            product_id: "prod_1",
            amount: 45000,
            old_amount: null,
            currency_code: "tnd",
          },
          {
            kind: "order",
            id: "order_1",
            at: "2024-12-02T09:00:00.000Z",
            label: "#3 — garage@example.tn",
            product_id: null,
            amount: 124950,
            old_amount: null,
            currency_code: "tnd",
          },
          {
            kind: "import",
            id: "fimp_1",
            at: "2024-12-01T12:00:00.000Z",
            label: "vehicles",
            product_id: null,
            amount: null,
            old_amount: null,
            currency_code: null,
          },
        ],
      })
    )
    // the sales of the TND orders since the start of the 30-day window; the ten latest orders
    const paramsOf = (start: string) =>
      asked.filter(([text]) => text.startsWith(start)).map(([, p]) => p)
    expect(paramsOf("WITH o AS")).toEqual([
      [
        d("2024-11-04T23:00:00Z"),
        d("2024-11-27T23:00:00Z"),
        d("2024-12-03T23:00:00Z"),
        "tnd",
      ],
    ])
    expect(paramsOf("SELECT o.id, o.display_id")).toEqual([[10]])
  })

  it("answers null for the last run when there is none", async () => {
    const service = new DashboardService({
      ...sources,
      orionForecastRunService: { latest: async () => null },
      manager: fakeManager([]) as any,
    })
    expect((await service.retrieve()).last_forecast_run).toBeNull()
  })
})
