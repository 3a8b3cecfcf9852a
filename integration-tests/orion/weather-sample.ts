/**
 * The weather suite's data: `generateWeatherSample` (156 weeks of Tunis weather and 60 parts in three
 * categories whose batteries sell more in cold weeks) moved two years back, as the files the admin API and
 * the CLI take; the sample's catalogue created and removed through the admin API; a run's forecast rows.
 */
import { execFileSync } from "child_process"
import fs from "fs"
import path from "path"
import { generateWeatherSample } from "../../plugins/orion/src/lib/weather-sample"
import { sql } from "../helpers/env"
import { adminCall } from "../helpers/http"
import { importSales } from "./admin-api"

const ROOT = path.resolve(__dirname, "..", "..")

// the sample (2023-01-02 … 2025-12-28) moved 104 weeks back: 2021-01-04 … 2023-12-31, still Mondays to Sundays
export const SHIFT_DAYS = 728
export const shift = (iso: string) =>
  new Date(new Date(`${iso}T00:00:00Z`).getTime() - SHIFT_DAYS * 86400000)
    .toISOString()
    .slice(0, 10)
// Sunday night after the last week of the sample: the runs' 156 weeks of history are the sample's 156 weeks
export const AS_OF = "2023-12-31"

export const sample = generateWeatherSample()
export const CATEGORIES: Record<string, { handle: string; name: string }> = {
  batteries: { handle: "wx-batteries", name: "Batteries météo" },
  cooling: { handle: "wx-cooling", name: "Refroidissement météo" },
  filters: { handle: "wx-filters", name: "Filtres météo" },
}
export const sku = (p: { sku: string }) => `WX-${p.sku}`
export const weatherLines = sample.days.map(
  (d) => `${shift(d.date)},Tunis,${d.temperature},${d.rain}`
)
export const salesRows: {
  sku: string
  date: string
  qty: number
  category: string
}[] = []
for (const p of sample.parts) {
  p.values.forEach((qty, w) => {
    if (qty > 0) {
      salesRows.push({
        sku: sku(p),
        date: shift(
          new Date(sample.start.getTime() + w * 7 * 86400000)
            .toISOString()
            .slice(0, 10)
        ),
        qty,
        category: CATEGORIES[p.category].handle,
      })
    }
  })
}

export type Row = {
  sku: string
  category: string
  period_start: string
  mean: number
  calendar_multiplier: number
  p10: number
  p50: number
  p90: number
  model: string
  segment: string
}

export async function forecastRows(runId: string): Promise<Row[]> {
  return sql<Row>(
    `SELECT pv.sku, vf.category, to_char(f.period_start, 'YYYY-MM-DD') AS period_start, f.mean, f.calendar_multiplier, f.p10, f.p20, f.p30, f.p40,
            f.p50, f.p60, f.p70, f.p80, f.p90, vf.model, vf.segment
     FROM orion_forecast f JOIN orion_variant_forecast vf ON vf.run_id = f.run_id AND vf.variant_id = f.variant_id
     JOIN product_variant pv ON pv.id = f.variant_id
     WHERE f.run_id = $1 ORDER BY pv.sku, f.period_index`,
    [runId]
  )
}

/**
 * The sample's parts as products (one per part, no stock management) in three root categories, their ids
 * pushed to `productIds` as they are created (for removeSample); the sample's sales imported.
 */
export async function createSampleCatalogue(
  productIds: string[]
): Promise<void> {
  // three root categories and one product per sample part (no stock management: no restock alert)
  const byCategory: Record<string, string[]> = {}
  for (const p of sample.parts) {
    const res = await adminCall("POST", "/admin/products", {
      title: `Pièce météo ${p.sku}`,
      handle: `wx-${p.sku.toLowerCase()}`,
      status: "published",
      options: [{ title: "Default" }],
      variants: [
        {
          title: "Default",
          sku: sku(p),
          manage_inventory: false,
          prices: [{ currency_code: "tnd", amount: 12000 }],
          options: [{ value: "Default" }],
        },
      ],
    })
    expect(res.status).toBe(200)
    productIds.push(res.body.product.id)
    ;(byCategory[p.category] ??= []).push(res.body.product.id)
  }
  for (const [key, c] of Object.entries(CATEGORIES)) {
    const cat = await adminCall("POST", "/admin/product-categories", {
      name: c.name,
      handle: c.handle,
      is_active: true,
      is_internal: false,
    })
    expect(cat.status).toBe(200)
    const batch = await adminCall(
      "POST",
      `/admin/product-categories/${cat.body.product_category.id}/products/batch`,
      {
        product_ids: byCategory[key].map((id) => ({ id })),
      }
    )
    expect(batch.status).toBe(200)
  }
  const imported = await importSales(
    [
      "sku,date,qty",
      ...salesRows.map((r) => `${r.sku},${r.date},${r.qty}`),
    ].join("\n")
  )
  expect(imported.status).toBe(200)
  expect(imported.body.import.variants).toBe(60)
  // the runs' history starts on the sample's first Monday: every series starts within it
  expect(salesRows.reduce((a, r) => (r.date < a ? r.date : a), "9999")).toBe(
    "2021-01-04"
  )
}

/** Removes the suite's runs, weather days, sales and products: the database as the other suites expect it. */
export async function removeSample(
  runIds: string[],
  productIds: string[]
): Promise<void> {
  // leave the database as the other suites expect it: no weather, no runs in 2023, no sample parts
  if (runIds.length) {
    await sql(`DELETE FROM orion_alert WHERE run_id = ANY($1)`, [runIds])
    await sql(`DELETE FROM orion_forecast_run WHERE id = ANY($1)`, [runIds])
  }
  await sql(
    `DELETE FROM orion_weather_day WHERE date >= '2021-01-04' AND date <= '2023-12-31'`
  )
  await sql(`DELETE FROM orion_sales_history WHERE sku LIKE 'WX-%'`)
  for (const id of productIds) {
    expect((await adminCall("DELETE", `/admin/products/${id}`)).status).toBe(
      200
    )
  }
}

/** The CLI's forecast (`plugins/orion/dist/cli`) on the same sales and weather as files in `dir`: its CSV rows. */
export function cliForecast(dir: string): string {
  const salesFile = path.join(dir, "sales.csv")
  const weatherFile = path.join(dir, "weather.csv")
  const out = path.join(dir, "forecasts.csv")
  fs.writeFileSync(
    salesFile,
    [
      "sku,date,qty,category",
      ...salesRows.map((r) => `${r.sku},${r.date},${r.qty},${r.category}`),
    ].join("\n") + "\n"
  )
  fs.writeFileSync(
    weatherFile,
    ["date,governorate,temperature,rain", ...weatherLines].join("\n") + "\n"
  )
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "plugins/orion/dist/cli/index.js"),
      "forecast",
      "--input",
      salesFile,
      "--horizon",
      "13",
      "--frequency",
      "week",
      "--out",
      out,
      "--weather",
      weatherFile,
    ],
    { stdio: ["ignore", "ignore", "pipe"] }
  )
  return out
}
