/**
 * Demand insights with a reason the owner can read: spikes, declines and
 * dead stock. Spikes and declines compare a recent window with the rate of a
 * baseline window just before it, under an over-dispersed (negative binomial,
 * shape 1 per period) count model, so one lucky order on a slow part is not a
 * "spike".
 */
import { negBinomialCdf } from "./count-distributions"
import { frenchDate, periods } from "./plain-french"
import { Frequency } from "./types"

export type Insight = {
  type: "spike" | "decline" | "dead_stock"
  /** larger is more urgent; used to sort */
  severity: number
  reason: string
  data: Record<string, number | string | null>
}

export type TrendOptions = {
  /** periods in the recent window; default 4 weeks / 1 month */
  recent?: number
  /** periods in the baseline window before it; default 26 weeks / 6 months */
  baseline?: number
  /** tail probability under which the change is reported; default 0.01 */
  alpha?: number
  /** NB shape per period; default 1 */
  shapePerPeriod?: number
}

/** "cette semaine", "ce mois", "ces 13 semaines". */
const lastPeriods = (n: number, f: Frequency) =>
  n === 1
    ? f === "week"
      ? "cette semaine"
      : "ce mois"
    : `ces ${periods(n, f)}`
const fmt = (x: number) =>
  Math.abs(x - Math.round(x)) < 1e-9
    ? String(Math.round(x))
    : x.toFixed(1).replace(".", ",")

function windows(y: number[], f: Frequency, opts: TrendOptions) {
  const recent = opts.recent ?? (f === "week" ? 4 : 1)
  const baseline = opts.baseline ?? (f === "week" ? 26 : 6)
  if (y.length < recent + baseline) {
    return null
  }
  const r = y.slice(y.length - recent).reduce((a, b) => a + b, 0)
  const b = y
    .slice(y.length - recent - baseline, y.length - recent)
    .reduce((a, b) => a + b, 0)
  const expected = (b / baseline) * recent
  return {
    recent,
    baseline,
    r,
    expected,
    shape: (opts.shapePerPeriod ?? 1) * recent,
  }
}

/** Recent demand far above the baseline rate (upper tail < alpha, at least 3 units). */
export function detectSpike(
  y: number[],
  f: Frequency,
  opts: TrendOptions = {}
): Insight | null {
  const w = windows(y, f, opts)
  if (!w || w.r < 3) {
    return null
  }
  const alpha = opts.alpha ?? 0.01
  const mean = Math.max(w.expected, 0.05 * w.recent)
  const tail = 1 - negBinomialCdf(w.r - 1, mean, w.shape)
  if (tail >= alpha) {
    return null
  }
  const ratio = w.r / mean
  return {
    type: "spike",
    severity: Math.log(ratio),
    reason:
      `${fmt(w.r)} vendus ${lastPeriods(w.recent, f)} au lieu d'environ ${fmt(w.expected)} au rythme des ` +
      `${periods(w.baseline, f)} d'avant (${ratio.toFixed(1).replace(".", ",")} fois plus) : une hausse qui n'est pas due au hasard`,
    data: { recent: w.r, expected: w.expected, ratio, tail },
  }
}

/** Recent demand far below the baseline rate (lower tail < alpha, at least 4 units expected). */
export function detectDecline(
  y: number[],
  f: Frequency,
  opts: TrendOptions = {}
): Insight | null {
  const w = windows(y, f, {
    ...opts,
    recent: opts.recent ?? (f === "week" ? 13 : 3),
  })
  if (!w || w.expected < 4) {
    return null
  }
  const alpha = opts.alpha ?? 0.01
  const tail = negBinomialCdf(w.r, w.expected, w.shape)
  if (tail >= alpha) {
    return null
  }
  const drop = 1 - w.r / w.expected
  return {
    type: "decline",
    severity: drop,
    reason:
      `${fmt(w.r)} vendus ${lastPeriods(w.recent, f)} au lieu d'environ ${fmt(w.expected)} au rythme des ` +
      `${periods(w.baseline, f)} d'avant (−${Math.round(drop * 100)} %) : une baisse qui n'est pas due au hasard`,
    data: { recent: w.r, expected: w.expected, drop, tail },
  }
}

const DAY = 86400000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Dead stock: units on hand and no sale for `days` (default 365) days. A part that never sold
 * is dead only when the sales history reaches back `days` days (otherwise we cannot tell).
 */
export function detectDeadStock(input: {
  lastSale: Date | null
  asOf: Date
  stock: number
  historyStart: Date | null
  days?: number
}): Insight | null {
  const days = input.days ?? 365
  if (!(input.stock > 0)) {
    return null
  }
  if (input.lastSale) {
    const idle = Math.floor(
      (input.asOf.getTime() - input.lastSale.getTime()) / DAY
    )
    if (idle < days) {
      return null
    }
    return {
      type: "dead_stock",
      severity: idle / days,
      reason: `aucune vente depuis le ${frenchDate(isoDay(input.lastSale))} (${idle} jours, seuil ${days}) et ${input.stock} en stock`,
      data: {
        last_sale: isoDay(input.lastSale),
        idle_days: idle,
        stock: input.stock,
      },
    }
  }
  if (
    !input.historyStart ||
    input.asOf.getTime() - input.historyStart.getTime() < days * DAY
  ) {
    return null
  }
  const covered = Math.floor(
    (input.asOf.getTime() - input.historyStart.getTime()) / DAY
  )
  return {
    type: "dead_stock",
    severity: covered / days,
    reason: `aucune vente enregistrée dans tout l'historique (${covered} jours depuis le ${frenchDate(isoDay(input.historyStart))}) et ${input.stock} en stock`,
    data: { last_sale: null, idle_days: covered, stock: input.stock },
  }
}
