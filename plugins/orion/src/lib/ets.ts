/**
 * Holt-Winters exponential smoothing (ETS with additive errors):
 * trend none / additive / damped, seasonality none / additive / multiplicative.
 * Parameters are chosen by a coarse grid search on the in-sample one-step SSE.
 */

export type TrendType = "none" | "additive" | "damped"
export type SeasonType = "none" | "additive" | "multiplicative"

export type EtsParams = {
  alpha: number
  beta: number
  gamma: number
  phi: number
  trend: TrendType
  season: SeasonType
  seasonLength: number
}

export type EtsFit = {
  params: EtsParams
  forecast: number[]
  /** standard deviation of the in-sample one-step errors */
  sigma: number
  sse: number
  /** number of one-step errors in the SSE */
  n: number
}

/** Runs the recursions with fixed parameters and forecasts `horizon` steps. */
export function holtWinters(
  y: number[],
  horizon: number,
  p: EtsParams
): EtsFit {
  const n = y.length
  const useSeason =
    p.season !== "none" && p.seasonLength > 1 && n >= 2 * p.seasonLength
  const m = useSeason ? p.seasonLength : 1
  const phi = p.trend === "damped" ? p.phi : 1
  const hasTrend = p.trend !== "none"
  const mult = useSeason && p.season === "multiplicative"

  let level: number
  let trend = 0
  const seas = new Array(m).fill(mult ? 1 : 0)
  let start: number
  if (useSeason) {
    let s1 = 0
    let s2 = 0
    for (let i = 0; i < m; i++) {
      s1 += y[i]
      s2 += y[m + i]
    }
    level = s1 / m
    trend = hasTrend ? (s2 - s1) / (m * m) : 0
    for (let i = 0; i < m; i++) {
      seas[i] = mult ? (level > 0 ? y[i] / level : 1) : y[i] - level
    }
    start = m
  } else {
    level = y[0] ?? 0
    trend = hasTrend && n > 1 ? y[1] - y[0] : 0
    start = 1
  }

  let sse = 0
  let count = 0
  for (let t = start; t < n; t++) {
    const s = seas[t % m]
    const base = level + phi * trend
    const fitted = mult ? base * s : base + s
    const e = y[t] - fitted
    sse += e * e
    count++
    const prevLevel = level
    level = mult
      ? p.alpha * (s !== 0 ? y[t] / s : y[t]) + (1 - p.alpha) * base
      : p.alpha * (y[t] - s) + (1 - p.alpha) * base
    if (hasTrend) {
      trend = p.beta * (level - prevLevel) + (1 - p.beta) * phi * trend
    }
    if (useSeason) {
      seas[t % m] = mult
        ? p.gamma * (base !== 0 ? y[t] / base : s) + (1 - p.gamma) * s
        : p.gamma * (y[t] - base) + (1 - p.gamma) * s
    }
  }

  const forecast = new Array(horizon)
  let damp = 0
  let phiPow = 1
  for (let h = 1; h <= horizon; h++) {
    phiPow *= phi
    damp += hasTrend ? phiPow : 0
    const base = level + damp * trend
    const s = seas[(n + h - 1) % m]
    forecast[h - 1] = mult ? base * s : base + s
  }
  return {
    params: { ...p, seasonLength: m },
    forecast,
    sigma: count > 1 ? Math.sqrt(sse / (count - 1)) : 0,
    sse,
    n: count,
  }
}

const ALPHAS = [0.05, 0.1, 0.2, 0.35, 0.6]
const BETAS = [0.02, 0.1]
const GAMMAS = [0.05, 0.2]
const PHIS = [0.9, 0.98]

/** Grid search of α, β, γ, φ for a given trend/season form, by in-sample SSE. */
export function fitEts(
  y: number[],
  horizon: number,
  trend: TrendType,
  season: SeasonType,
  seasonLength: number
): EtsFit {
  let best: EtsFit | null = null
  const betas = trend === "none" ? [0] : BETAS
  const gammas = season === "none" ? [0] : GAMMAS
  const phis = trend === "damped" ? PHIS : [1]
  for (const alpha of ALPHAS) {
    for (const beta of betas) {
      for (const gamma of gammas) {
        for (const phi of phis) {
          const fit = holtWinters(y, horizon, {
            alpha,
            beta,
            gamma,
            phi,
            trend,
            season,
            seasonLength,
          })
          if (!best || fit.sse < best.sse) {
            best = fit
          }
        }
      }
    }
  }
  return best as EtsFit
}

/**
 * Chooses among the ETS forms by AICc of the additive-error Gaussian likelihood
 * (as forecast::ets / AutoETS do). Multiplicative seasonality only for positive data.
 */
export function autoEts(
  y: number[],
  horizon: number,
  seasonLength: number
): EtsFit {
  const positive = y.every((v) => v > 0)
  const forms: Array<[TrendType, SeasonType]> = [
    ["none", "none"],
    ["additive", "none"],
    ["damped", "none"],
  ]
  if (seasonLength > 1 && y.length >= 2 * seasonLength + 2) {
    forms.push(["none", "additive"], ["damped", "additive"])
    if (positive) {
      forms.push(["none", "multiplicative"], ["damped", "multiplicative"])
    }
  }
  let best: EtsFit | null = null
  let bestAicc = Infinity
  for (const [t, s] of forms) {
    const fit = fitEts(y, horizon, t, s, seasonLength)
    const k =
      1 +
      (t === "none" ? 0 : t === "damped" ? 2 : 1) +
      (fit.params.seasonLength > 1 && s !== "none"
        ? 1 + fit.params.seasonLength
        : 0)
    const n = Math.max(fit.n, 1)
    const aic = n * Math.log(Math.max(fit.sse / n, 1e-12)) + 2 * k
    const aicc =
      n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity
    if (aicc < bestAicc || !best) {
      best = fit
      bestAicc = aicc
    }
  }
  return best as EtsFit
}
