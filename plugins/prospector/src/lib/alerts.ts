/**
 * Supplier price alerts:
 *  - price_move: the price moved more than threshold_percent since the previous observation
 *  - below_our_price: the supplier now sells below our price minus a margin
 *    (margin_percent of our price and/or margin_amount in minor units)
 *  - back_in_stock: out of stock before, in stock now (when enabled)
 */

import { ParsedPrice, formatPrice } from "./price-parser"

export interface AlertRules {
  threshold_percent: number
  margin_percent?: number
  /** minor units of our price's currency */
  margin_amount?: number
  notify_restock?: boolean
}

export interface Observation extends ParsedPrice {
  in_stock?: boolean | null
}

export type PriceAlert =
  | {
      kind: "price_move"
      direction: "up" | "down"
      change_percent: number
      previous: ParsedPrice
      current: ParsedPrice
      message: string
    }
  | {
      kind: "below_our_price"
      current: ParsedPrice
      our_price: ParsedPrice
      floor: ParsedPrice
      message: string
    }
  | { kind: "back_in_stock"; current: ParsedPrice; message: string }

export interface AlertEvaluation {
  alerts: PriceAlert[]
  /** rules that could not be evaluated, and why */
  skipped: string[]
}

export function validateAlertRules(rules: AlertRules): void {
  const bad = (field: string, v: unknown) =>
    new Error(
      `alert rules: ${field} must be a number >= 0, got ${JSON.stringify(v)}`
    )
  if (
    typeof rules.threshold_percent !== "number" ||
    !(rules.threshold_percent >= 0)
  ) {
    throw bad("threshold_percent", rules.threshold_percent)
  }
  for (const k of ["margin_percent", "margin_amount"] as const) {
    const v = rules[k]
    if (v !== undefined && (typeof v !== "number" || !(v >= 0))) {
      throw bad(k, v)
    }
  }
}

export function evaluatePriceAlerts(input: {
  previous?: Observation | null
  current: Observation
  our_price?: ParsedPrice | null
  rules: AlertRules
}): AlertEvaluation {
  const { previous, current, our_price, rules } = input
  validateAlertRules(rules)
  const alerts: PriceAlert[] = []
  const skipped: string[] = []
  const price = (p: ParsedPrice): ParsedPrice => ({
    amount: p.amount,
    currency: p.currency,
  })

  if (previous) {
    if (previous.currency !== current.currency) {
      skipped.push(
        `price_move: currency changed from ${previous.currency} to ${current.currency}`
      )
    } else if (previous.amount <= 0) {
      skipped.push("price_move: previous price is 0")
    } else {
      const change =
        ((current.amount - previous.amount) / previous.amount) * 100
      if (Math.abs(change) > rules.threshold_percent) {
        const pct = Math.round(change * 10) / 10
        alerts.push({
          kind: "price_move",
          direction: change > 0 ? "up" : "down",
          change_percent: pct,
          previous: price(previous),
          current: price(current),
          message: `price ${change > 0 ? "up" : "down"} ${Math.abs(pct)}% (${formatPrice(previous)} -> ${formatPrice(current)}), threshold ${rules.threshold_percent}%`,
        })
      }
    }
    if (
      rules.notify_restock &&
      previous.in_stock === false &&
      current.in_stock === true
    ) {
      alerts.push({
        kind: "back_in_stock",
        current: price(current),
        message: `back in stock at ${formatPrice(current)}`,
      })
    }
  }

  if (our_price) {
    if (our_price.currency !== current.currency) {
      skipped.push(
        `below_our_price: supplier price in ${current.currency}, ours in ${our_price.currency}`
      )
    } else {
      const margin =
        Math.round((our_price.amount * (rules.margin_percent ?? 0)) / 100) +
        (rules.margin_amount ?? 0)
      const floor = {
        amount: our_price.amount - margin,
        currency: our_price.currency,
      }
      if (current.amount < floor.amount) {
        alerts.push({
          kind: "below_our_price",
          current: price(current),
          our_price: price(our_price),
          floor,
          message: `supplier at ${formatPrice(current)} is below our price ${formatPrice(our_price)} minus margin (${formatPrice(floor)})`,
        })
      }
    }
  }
  return { alerts, skipped }
}
