/**
 * Calendar effects (Ramadan, the Eids, summer, autumn rains) estimated per
 * category, pooled over the category's parts, and shrunk toward "no effect".
 *
 * Model, on the category total Y_t (sum over its parts):
 *   Y_t ~ quasi-Poisson(μ_t),  log μ_t = log T_t + Σ_e β_e · x_{e,t}
 * where x_{e,t} is the share of period t's days inside event e (`periodExposure`)
 * and T_t the category's level: a one-season moving average of the series with
 * the current effects divided out (so the level does not absorb them). β is the
 * penalised (ridge, prior N(0, priorSd²)) maximum-likelihood estimate, with the
 * Fisher information divided by the Pearson over-dispersion φ: a category with
 * little or lumpy volume gets effects pulled toward 0 (multiplier 1).
 */
import {
  CALENDAR_EVENTS,
  CalendarEvent,
  Exposure,
  periodExposure,
} from "./calendar"
import { addPeriods } from "./sales-history"
import { Frequency } from "./types"

export type EventEffect = {
  /** log-multiplier for a period entirely inside the event */
  beta: number
  /** exp(beta): demand multiplier for a period entirely inside the event */
  multiplier: number
  /** posterior standard error of beta */
  se: number
}

export type CategoryEffects = {
  effects: Record<CalendarEvent, EventEffect>
  /** Pearson over-dispersion of the category total (≥ 1) */
  dispersion: number
  periods: number
  parts: number
  /** why no effect was estimated, when that is the case */
  reason?: string
}

export type EffectOptions = {
  /** prior standard deviation of each β (shrinkage toward 0); default 0.3 */
  priorSd?: number
  /** largest |β| allowed; default 1.2 (multiplier between 0.30 and 3.3) */
  maxBeta?: number
  /** seasons length in periods; default 12 (month) or 52 (week) */
  seasonLength?: number
}

const NO_EFFECT: EventEffect = { beta: 0, multiplier: 1, se: 0 }

export function noEffects(
  reason: string,
  parts = 0,
  periods = 0
): CategoryEffects {
  const effects = {} as Record<CalendarEvent, EventEffect>
  for (const e of CALENDAR_EVENTS) {
    effects[e] = { ...NO_EFFECT }
  }
  return { effects, dispersion: 1, periods, parts, reason }
}

/** Exposure of `n` consecutive periods from `start`. */
export function exposures(
  start: Date,
  n: number,
  frequency: Frequency
): Exposure[] {
  const out: Exposure[] = []
  for (let i = 0; i < n; i++) {
    out.push(periodExposure(addPeriods(start, i, frequency), frequency))
  }
  return out
}

/** Moving average over a window of `m` points, clamped inside the series at both ends. */
export function levelOf(y: number[], m: number): number[] {
  const n = y.length
  if (n <= m) {
    const mean = y.reduce((a, b) => a + b, 0) / Math.max(1, n)
    return y.map(() => mean)
  }
  const prefix = [0]
  for (const v of y) {
    prefix.push(prefix[prefix.length - 1] + v)
  }
  const out: number[] = []
  for (let t = 0; t < n; t++) {
    let lo = t - Math.floor(m / 2)
    lo = Math.max(0, Math.min(lo, n - m))
    out.push((prefix[lo + m] - prefix[lo]) / m)
  }
  return out
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length
  const M = A.map((row, i) => [...row, b[i]])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) {
      if (Math.abs(M[r][c]) > Math.abs(M[p][c])) {
        p = r
      }
    }
    ;[M[c], M[p]] = [M[p], M[c]]
    const d = M[c][c] || 1e-12
    for (let r = 0; r < n; r++) {
      if (r !== c) {
        const f = M[r][c] / d
        for (let k = c; k <= n; k++) {
          M[r][k] -= f * M[c][k]
        }
      }
    }
  }
  return M.map((row, i) => row[n] / (row[i] || 1e-12))
}

/**
 * Estimates the calendar effects of one category from its parts' series, all
 * aligned on the same period starts (`start`, `frequency`).
 */
export function estimateCategoryEffects(
  series: number[][],
  start: Date,
  frequency: Frequency,
  opts: EffectOptions = {},
  precomputed?: Exposure[]
): CategoryEffects {
  const m = opts.seasonLength ?? (frequency === "week" ? 52 : 12)
  const priorSd = opts.priorSd ?? 0.3
  const maxBeta = opts.maxBeta ?? 1.2
  const n = series.reduce((a, s) => Math.max(a, s.length), 0)
  if (series.length === 0 || n < m + Math.ceil(m / 2)) {
    return noEffects(
      `history shorter than ${m + Math.ceil(m / 2)} periods: no calendar effect estimated`,
      series.length,
      n
    )
  }
  const Y = new Array(n).fill(0)
  for (const s of series) {
    for (let t = 0; t < s.length; t++) {
      Y[t] += s[t]
    }
  }
  if (Y.reduce((a, b) => a + b, 0) <= 0) {
    return noEffects(
      "no demand: no calendar effect estimated",
      series.length,
      n
    )
  }
  const ex = precomputed ?? exposures(start, n, frequency)
  // events that vary in the window; the others are not identifiable
  const events = CALENDAR_EVENTS.filter((e) => {
    let lo = Infinity
    let hi = -Infinity
    for (let t = 0; t < n; t++) {
      lo = Math.min(lo, ex[t][e])
      hi = Math.max(hi, ex[t][e])
    }
    return hi - lo > 1e-9
  })
  const p = events.length
  const X = ex.slice(0, n).map((x) => events.map((e) => x[e]))
  const lambda = 1 / (priorSd * priorSd)
  let beta = new Array(p).fill(0)
  let phi = 1
  let info: number[][] = []
  for (let outer = 0; outer < 4; outer++) {
    const adj = Y.map((y, t) => y / Math.exp(dot(beta, X[t])))
    const T = levelOf(adj, m)
    const rows = T.map((lvl, t) => ({
      t,
      off: lvl > 0 ? Math.log(lvl) : null,
    })).filter((r) => r.off !== null) as {
      t: number
      off: number
    }[]
    for (let it = 0; it < 25; it++) {
      const g = beta.map((b) => -lambda * b * phi)
      const H = beta.map((_, i) =>
        beta.map((__, j) => (i === j ? lambda * phi : 0))
      )
      for (const { t, off } of rows) {
        const mu = Math.exp(off + dot(beta, X[t]))
        const r = Y[t] - mu
        for (let i = 0; i < p; i++) {
          g[i] += X[t][i] * r
          for (let j = 0; j < p; j++) {
            H[i][j] += mu * X[t][i] * X[t][j]
          }
        }
      }
      const step = solve(H, g)
      let maxStep = 0
      beta = beta.map((b, i) => {
        const s = Math.max(-0.5, Math.min(0.5, step[i]))
        maxStep = Math.max(maxStep, Math.abs(s))
        return Math.max(-maxBeta, Math.min(maxBeta, b + s))
      })
      info = H
      if (maxStep < 1e-7) {
        break
      }
    }
    // quasi-Poisson dispersion from Pearson residuals
    let chi = 0
    for (const { t, off } of rows) {
      const mu = Math.exp(off + dot(beta, X[t]))
      chi += ((Y[t] - mu) * (Y[t] - mu)) / Math.max(mu, 1e-9)
    }
    phi = Math.max(1, chi / Math.max(1, rows.length - p))
  }
  const effects = noEffects("").effects
  // posterior variance ≈ diagonal of (H/φ)^-1; diagonal approximation is enough for reporting
  events.forEach((e, i) => {
    const se = Math.sqrt(phi / Math.max(info[i]?.[i] ?? 1, 1e-12))
    effects[e] = { beta: beta[i], multiplier: Math.exp(beta[i]), se }
  })
  return { effects, dispersion: phi, periods: n, parts: series.length }
}

function dot(a: number[], b: number[]): number {
  let s = 0
  for (let i = 0; i < a.length; i++) {
    s += a[i] * b[i]
  }
  return s
}

/** Multiplier of one period with the given exposure. */
export function periodMultiplier(
  effects: CategoryEffects,
  exposure: Exposure
): number {
  let s = 0
  for (const e of CALENDAR_EVENTS) {
    s += effects.effects[e].beta * exposure[e]
  }
  return Math.exp(s)
}

/** Human-readable summary: "ramadan ×1.42, summer ×0.85". Effects within ±2 % are left out. */
export function describeEffects(effects: CategoryEffects): string {
  if (effects.reason) {
    return effects.reason
  }
  const parts = CALENDAR_EVENTS.filter(
    (e) => Math.abs(effects.effects[e].beta) >= 0.02
  ).map((e) => `${e} ×${effects.effects[e].multiplier.toFixed(2)}`)
  return parts.length ? parts.join(", ") : "no calendar effect"
}
