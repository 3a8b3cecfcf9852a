/**
 * Reorder point = quantile of lead-time demand at the target cycle service level.
 *
 * Lead-time demand is modelled as a negative binomial whose mean is the forecast
 * mean summed over the lead time (fractions of periods included) and whose shape
 * is fitted to the stored forecast quantiles of the first period (so it follows
 * whatever distribution the engine chose). The sum of r independent NB(μ, k)
 * periods with a common p is NB(rμ, rk), hence shape_L = k · r.
 */
import { negBinomialQuantiles } from "./count-distributions"
import { QUANTILE_KEYS, QUANTILE_LEVELS } from "./types"

export const SHAPE_CANDIDATES = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, Infinity]

export type PeriodQuantiles = Record<(typeof QUANTILE_KEYS)[number], number>

/** NB shape whose 9 quantiles are closest (L1) to the given ones for this mean. */
export function fitShape(mean: number, q: PeriodQuantiles): number {
  if (!(mean > 0)) {
    return Infinity
  }
  let best = Infinity
  let bestErr = Infinity
  for (const k of SHAPE_CANDIDATES) {
    const nb = negBinomialQuantiles(mean, k, QUANTILE_LEVELS)
    let err = 0
    QUANTILE_KEYS.forEach((key, i) => (err += Math.abs(nb[i] - q[key])))
    if (err < bestErr - 1e-9) {
      bestErr = err
      best = k
    }
  }
  return best
}

/** Mean demand over the next `days` days from a per-period mean path. */
export function demandOver(
  mean: number[],
  periodDays: number,
  days: number
): { mean: number; periods: number } {
  if (days <= 0 || mean.length === 0) {
    return { mean: 0, periods: 0 }
  }
  let left = days / periodDays
  let total = 0
  let periods = 0
  for (let t = 0; left > 1e-12; t++) {
    const share = Math.min(1, left)
    // beyond the horizon, repeat the last period
    total += share * mean[Math.min(t, mean.length - 1)]
    periods += share
    left -= share
  }
  return { mean: total, periods }
}

export type ReorderInput = {
  /** forecast mean per future period */
  mean: number[]
  /** forecast quantiles of the first future period (used to fit the dispersion) */
  firstPeriod: PeriodQuantiles
  periodDays: number
  leadTimeDays: number
  /** target cycle service level, e.g. 0.95 */
  serviceLevel: number
  /** review period in days (time until the next run); default 7 */
  reviewDays?: number
}

export type ReorderPoint = {
  leadTimeMean: number
  shape: number
  reorderPoint: number
  /** order-up-to level: service-level quantile of demand over lead time + review period */
  orderUpTo: number
}

export function reorderPoint(input: ReorderInput): ReorderPoint {
  if (!(input.serviceLevel > 0 && input.serviceLevel < 1)) {
    throw new RangeError(
      `service level must be in (0, 1), got ${input.serviceLevel}`
    )
  }
  if (!(input.leadTimeDays >= 0)) {
    throw new RangeError(
      `lead time must be ≥ 0 days, got ${input.leadTimeDays}`
    )
  }
  const k = fitShape(input.mean[0] ?? 0, input.firstPeriod)
  const lt = demandOver(input.mean, input.periodDays, input.leadTimeDays)
  const cover = demandOver(
    input.mean,
    input.periodDays,
    input.leadTimeDays + (input.reviewDays ?? 7)
  )
  const q = (m: { mean: number; periods: number }) =>
    m.mean > 0
      ? negBinomialQuantiles(
          m.mean,
          Number.isFinite(k) ? k * Math.max(m.periods, 1e-6) : Infinity,
          [input.serviceLevel]
        )[0]
      : 0
  return {
    leadTimeMean: lt.mean,
    shape: k,
    reorderPoint: q(lt),
    orderUpTo: Math.max(q(lt), q(cover)),
  }
}

export type RestockDecision = {
  alert: boolean
  position: number
  suggestedQuantity: number
}

/** Alert when stock on hand + on order ≤ reorder point (and demand is expected); order up to S. */
export function restockDecision(
  stock: number,
  onOrder: number,
  rp: ReorderPoint
): RestockDecision {
  const position = stock + onOrder
  const suggestedQuantity = Math.max(0, Math.ceil(rp.orderUpTo - position))
  const alert =
    rp.leadTimeMean > 0 && position <= rp.reorderPoint && suggestedQuantity > 0
  return { alert, position, suggestedQuantity }
}
