/**
 * One batch of a forecast run: forecasts a slice of the run's variants with the run's plan
 * (`calendar-forecast.ts`), then per variant its reorder point, restock decision and expected stock-out,
 * and the spike / decline insights of its history. Pure: everything it needs is in its input (the plan,
 * the variants' series, stock, open orders and restock settings as they were when the run was planned),
 * so a batch gives the same numbers whichever process runs it, and when it runs again.
 */
import {
  BatchSeries,
  CalendarForecast,
  CalendarPlan,
  forecastCalendarBatch,
} from "./calendar-forecast"
import { detectDecline, detectSpike } from "./insights"
import { restockReason } from "./plain-french"
import { reorderPoint, restockDecision } from "./reorder-point"
import { round } from "./round"
import { expectedStockout } from "./stockout"
import { QUANTILE_KEYS } from "./types"

export type BatchVariant = BatchSeries & {
  id: string
  sku: string | null
  title: string
  inventory_quantity: number
  manage_inventory: boolean
  on_order: number
  /** open purchase order lines, earliest first */
  on_order_lines: {
    quantity: number
    expected_date: string
    supplier: string
  }[]
  /** the restock settings that apply to the variant */
  settings: {
    serviceLevel: number
    leadTimeDays: number
    serviceLevelFrom: string
    leadTimeFrom: string
  }
}

export type ForecastBatchInput = {
  plan: CalendarPlan
  /** the run's "today" and first forecast period (ISO date-times) */
  as_of: string
  forecast_start: string
  variants: BatchVariant[]
}

/** An alert or insight candidate (the shape `orionAlertService.refresh` takes). */
export type BatchAlert = {
  type: "restock" | "spike" | "decline" | "dead_stock"
  variant_id: string
  sku: string | null
  title: string | null
  severity: number
  reason: string
  suggested_quantity: number | null
  data: Record<string, unknown>
}

export type ForecastBatchResult = {
  forecasts: CalendarForecast[]
  /** per variant (same order): the reorder-point inputs stored with its forecast */
  restock: Record<string, unknown>[]
  /** restock alerts, then spike / decline insights, in variant order */
  alerts: BatchAlert[]
  insights: BatchAlert[]
}

/** What a batch row's `input` holds: the pure batch input, and the backtest metrics stored per demand class. */
export type StoredBatchInput = ForecastBatchInput & {
  period_starts: string[]
  metrics: Record<string, Record<string, number>>
}

/** What a batch row's `output` holds once done. */
export type StoredBatchOutput = {
  models: string[]
  alerts: BatchAlert[]
  insights: BatchAlert[]
}

export function runForecastBatch(
  input: ForecastBatchInput,
  onProgress?: (done: number, total: number) => void
): ForecastBatchResult {
  const { plan, variants } = input
  const f = plan.frequency
  const asOf = new Date(input.as_of)
  const forecastStart = new Date(input.forecast_start)
  const periodDays = f === "week" ? 7 : 365.25 / 12
  const forecasts = forecastCalendarBatch(plan, variants, onProgress)
  const restock: Record<string, unknown>[] = []
  const alerts: BatchAlert[] = []
  const insights: BatchAlert[] = []
  forecasts.forEach((fc, i) => {
    const v = variants[i]
    const s = v.settings
    const first = Object.fromEntries(
      QUANTILE_KEYS.map((k) => [k, fc.quantiles[k][0]])
    ) as Record<(typeof QUANTILE_KEYS)[number], number>
    const rp = reorderPoint({
      mean: fc.mean,
      firstPeriod: first,
      periodDays,
      leadTimeDays: s.leadTimeDays,
      serviceLevel: s.serviceLevel,
    })
    const decision = restockDecision(v.inventory_quantity, v.on_order, rp)
    const stockout = expectedStockout({
      stock: v.inventory_quantity,
      mean: fc.mean,
      forecastStart,
      periodDays,
      asOf,
      leadTimeDays: s.leadTimeDays,
    })
    const info = {
      lead_time_days: s.leadTimeDays,
      lead_time_from: s.leadTimeFrom,
      service_level: s.serviceLevel,
      service_level_from: s.serviceLevelFrom,
      lead_time_mean: round(rp.leadTimeMean, 3),
      shape: Number.isFinite(rp.shape) ? rp.shape : "poisson",
      reorder_point: rp.reorderPoint,
      order_up_to: rp.orderUpTo,
      stock: v.inventory_quantity,
      on_order: v.on_order,
      // what is coming and when (open purchase orders), and whether the first arrival comes after the stock-out
      next_arrival: v.on_order_lines[0]?.expected_date ?? null,
      on_order_lines: v.on_order_lines,
      arrives_after_stockout: Boolean(
        v.on_order_lines[0] &&
        stockout.stockout_date &&
        v.on_order_lines[0].expected_date > stockout.stockout_date
      ),
      manage_inventory: v.manage_inventory,
      // expected stock-out (forecast mean against stock on hand) and the last day to order
      stockout_date: stockout.stockout_date,
      order_by: stockout.order_by,
    }
    restock.push(info)
    if (v.manage_inventory && decision.alert) {
      alerts.push({
        type: "restock",
        variant_id: v.id,
        sku: v.sku,
        title: v.title,
        severity:
          (rp.reorderPoint - decision.position + 1) /
          Math.max(1, rp.reorderPoint),
        // in plain French; the method and the quantile are in data (model, reorder_point, lead_time_mean)
        reason: restockReason({
          stock: v.inventory_quantity,
          onOrder: v.on_order,
          nextArrival: v.on_order_lines[0]?.expected_date ?? null,
          stockoutDate: stockout.stockout_date,
          reorderPoint: rp.reorderPoint,
          orderUpTo: rp.orderUpTo,
          suggested: decision.suggestedQuantity,
          leadTimeDays: s.leadTimeDays,
          serviceLevel: s.serviceLevel,
        }),
        suggested_quantity: decision.suggestedQuantity,
        data: { ...info, model: fc.model, position: decision.position },
      })
    }
    const full = v.offset
      ? [...new Array(v.offset).fill(0), ...v.series]
      : v.series
    for (const ins of [detectSpike(full, f), detectDecline(full, f)]) {
      if (ins) {
        insights.push({
          type: ins.type,
          variant_id: v.id,
          sku: v.sku,
          title: v.title,
          severity: ins.severity,
          reason: ins.reason,
          suggested_quantity: null,
          data: ins.data,
        })
      }
    }
  })
  return { forecasts, restock, alerts, insights }
}

/** Consecutive slices of at most `size` items (the batches of a run, in variant order). */
export function batches<T>(items: T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`batch size must be a whole number ≥ 1, got ${size}`)
  }
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size))
  }
  return out
}
