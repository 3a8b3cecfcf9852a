import { describeEffects } from "./calendar-effects"
import type { CalendarPlan } from "./calendar-forecast"
import { methodName, Tuning } from "./engine"
import {
  BatchAlert,
  batches,
  BatchVariant,
  StoredBatchInput,
} from "./forecast-batch"
import { detectDeadStock } from "./insights"
import { round } from "./round"
import { addPeriods } from "./sales-history"
import { Frequency } from "./types"

/** The steps of a forecast run between its SQL reads and writes: pure, one function each. */

const DAY = 86400000
export const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** a variant as the run reads it: what a forecast batch takes of it (less its series and settings), and where it belongs */
export type RunVariant = Omit<
  BatchVariant,
  "series" | "offset" | "category" | "settings"
> & {
  brand: string | null
  leaf_category: string | null
  root_category: string | null
}

/** The variants' sales series, from the units per variant and period (`p`: the period's first day). */
export function runSeries(input: {
  rows: { variant_id: string; p: string; qty: number }[]
  /** the live variants (rows of other variants are skipped: deleted variants) */
  live: (variantId: string) => boolean
  frequency: Frequency
  historyStart: Date
  forecastStart: Date
}): { ids: string[]; offsets: number[]; series: number[][] } {
  const { frequency: f, historyStart } = input
  const index = (p: string) => {
    const d = new Date(`${p}T00:00:00Z`)
    return f === "week"
      ? Math.round((d.getTime() - historyStart.getTime()) / (7 * DAY))
      : (d.getUTCFullYear() - historyStart.getUTCFullYear()) * 12 +
          d.getUTCMonth() -
          historyStart.getUTCMonth()
  }
  const n = index(isoDay(input.forecastStart))
  const byVariant = new Map<string, Map<number, number>>()
  for (const r of input.rows) {
    if (!input.live(r.variant_id)) {
      continue // deleted variant
    }
    const mp = byVariant.get(r.variant_id) ?? new Map<number, number>()
    mp.set(index(r.p), (mp.get(index(r.p)) ?? 0) + r.qty)
    byVariant.set(r.variant_id, mp)
  }
  const ids = [...byVariant.keys()].sort()
  const offsets: number[] = []
  const series: number[][] = []
  for (const v of ids) {
    const mp = byVariant.get(v) as Map<number, number>
    const first = Math.min(...mp.keys())
    const y = new Array(n - first).fill(0)
    for (const [t, q] of mp) {
      y[t - first] += q
    }
    offsets.push(first)
    series.push(y)
  }
  return { ids, offsets, series }
}

/** The first day of each forecast period. */
export function periodStarts(
  forecastStart: Date,
  horizon: number,
  f: Frequency
): string[] {
  return new Array(horizon)
    .fill(0)
    .map((_, k) => isoDay(addPeriods(forecastStart, k, f)))
}

/** The finite numbers of `m`, rounded to 4 decimals. */
export function clean(m: object): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === "number" && Number.isFinite(v)) {
      out[k] = round(v, 4)
    }
  }
  return out
}

/** The backtest metrics of the chosen method, per demand class (stored with each variant's forecast). */
export function segmentMetrics(
  tuning: Tuning[]
): Record<string, Record<string, number>> {
  const metrics: Record<string, Record<string, number>> = {}
  for (const t of tuning) {
    const chosen = t.perModel.find((c) => c.method.model === t.chosen.model)
    if (chosen) {
      metrics[t.segment] = clean(chosen.metrics)
    }
  }
  return metrics
}

/**
 * The batches of a run: consecutive slices of the variants, each with everything it needs (the
 * plan, the variants' series, stock, open orders and restock settings as they are now).
 */
export function batchInputs(input: {
  plan: CalendarPlan
  ids: string[]
  series: {
    offsets: number[]
    series: number[][]
    categories: (string | null)[]
  }
  variants: Map<string, RunVariant>
  settings: (v: RunVariant) => BatchVariant["settings"]
  batchSize: number
  asOf: Date
  forecastStart: Date
  periodStarts: string[]
  metrics: Record<string, Record<string, number>>
}): StoredBatchInput[] {
  const s = input.series
  return batches(
    input.ids.map((vid, i) => ({ vid, i })),
    input.batchSize
  ).map((slice) => ({
    plan: input.plan,
    as_of: input.asOf.toISOString(),
    forecast_start: input.forecastStart.toISOString(),
    period_starts: input.periodStarts,
    metrics: input.metrics,
    variants: slice.map(({ vid, i }): BatchVariant => {
      const v = input.variants.get(vid) as RunVariant
      return {
        id: v.id,
        sku: v.sku,
        title: v.title,
        inventory_quantity: v.inventory_quantity,
        manage_inventory: v.manage_inventory,
        on_order: v.on_order,
        on_order_lines: v.on_order_lines,
        settings: input.settings(v),
        series: s.series[i],
        offset: s.offsets[i],
        category: s.categories[i],
      }
    }),
  }))
}

/** The dead-stock insights of the run's variants (stock on hand, no sale for `days` days). */
export function deadStockInsights(input: {
  variants: Iterable<RunVariant>
  lastSales: { variant_id: string; last: string }[]
  firstDay: Date | string | null
  asOf: Date
  days: number
}): BatchAlert[] {
  const lastByVariant = new Map(
    input.lastSales.map((r) => [r.variant_id, new Date(`${r.last}T00:00:00Z`)])
  )
  const firstDay = input.firstDay
    ? new Date(`${isoDay(new Date(input.firstDay))}T00:00:00Z`)
    : null
  const out: BatchAlert[] = []
  for (const v of input.variants) {
    const dead = detectDeadStock({
      lastSale: lastByVariant.get(v.id) ?? null,
      asOf: new Date(`${isoDay(input.asOf)}T00:00:00Z`),
      stock: v.inventory_quantity,
      historyStart: firstDay,
      days: input.days,
    })
    if (dead) {
      out.push({
        type: "dead_stock",
        variant_id: v.id,
        sku: v.sku,
        title: v.title,
        severity: dead.severity,
        reason: dead.reason,
        suggested_quantity: null,
        data: dead.data,
      })
    }
  }
  return out
}

/** The calendar effects kept per category, as a run stores them. */
export function effectsSummary(
  effectsOfRun: NonNullable<CalendarPlan["effects"]>
): Record<string, unknown> {
  const effects: Record<string, unknown> = {}
  for (const [c, e] of Object.entries(effectsOfRun)) {
    effects[c] = {
      summary: describeEffects(e),
      multipliers: Object.fromEntries(
        Object.entries(e.effects).map(([k, x]) => [k, round(x.multiplier, 3)])
      ),
      se: Object.fromEntries(
        Object.entries(e.effects).map(([k, x]) => [k, round(x.se, 3)])
      ),
      dispersion: round(e.dispersion, 2),
      parts: e.parts,
    }
  }
  return effects
}

/** The backtest per demand class, as a run stores it: chosen method, hold-out, every model's metrics. */
export function backtestSummary(tuning: Tuning[]) {
  return tuning.map((t) => ({
    segment: t.segment,
    sampled: t.sampled,
    windows: t.windows,
    chosen:
      t.perModel.find((c) => c.method.model === t.chosen.model)?.method ??
      t.chosen,
    reason: t.reason ?? null,
    // true hold-out: chosen on the earlier windows, scored on the last one (the figure above is in-sample)
    holdout: t.holdout
      ? {
          method: methodName(t.holdout.method),
          selected_on: t.holdout.selectedOn,
          windows: t.holdout.scoredOn,
          actual_total: round(t.holdout.metrics.actualTotal, 3),
          ...clean(t.holdout.metrics),
        }
      : null,
    models: t.perModel
      .map(
        (c) =>
          ({
            model: c.method.model,
            distribution: c.method.distribution,
            shape: Number.isFinite(c.method.shape) ? c.method.shape : null,
            ...clean(c.metrics),
          }) as Record<string, unknown>
      )
      .sort(
        (a, b) =>
          ((a.wql as number) ?? Infinity) - ((b.wql as number) ?? Infinity)
      ),
  }))
}
