import { meanModel } from "./models"
import {
  averageQuantiles,
  empiricalQuantilePaths,
  hurdleQuantilePaths,
  nbQuantilePaths,
  sanitizeQuantiles,
} from "./quantile-methods"
import { GammaPrior, pooledRate } from "./pooling"
import { Frequency, Quantiles } from "./types"

export type Distribution = "nb" | "empirical" | "hurdle" | "blend" | "combined"

/** A forecasting method: a mean model plus a distribution around it. */
export type Method = {
  model: string
  distribution: Distribution
  /** negative-binomial shape (Infinity = Poisson); used by "nb" and "blend" */
  shape: number
  /** model "qcombo": the methods whose means and quantiles are averaged (Vincentization) */
  members?: Method[]
}

/** Mean model of the pooled rate: the part's rate shrunk toward its demand class (`pooling.ts`). */
export const POOLED_MODEL = "eb-rate"

/** Demand classes whose backtest also tries the pooled candidates. */
export const POOLED_SEGMENTS = ["intermittent"]

export const SHAPE_GRID = [0.25, 0.5, 1, 2, 4, Infinity]
export const DISTRIBUTIONS: Distribution[] = [
  "nb",
  "empirical",
  "hurdle",
  "blend",
]

export const DEFAULT_METHOD: Method = {
  model: "combo",
  distribution: "blend",
  shape: 1,
}

export function methodName(m: Method): string {
  if (m.members) {
    return `qcombo(${m.members.map(methodName).join(" | ")})`
  }
  if (m.distribution === "nb") {
    return `${m.model}+${Number.isFinite(m.shape) ? `nb(k=${m.shape})` : "poisson"}`
  }
  if (m.distribution === "blend") {
    return `${m.model}+blend(k=${Number.isFinite(m.shape) ? m.shape : "inf"})`
  }
  return `${m.model}+${m.distribution}`
}

export function seasonLengthFor(frequency: Frequency): number {
  return frequency === "week" ? 52 : 12
}

export function quantilesFor(
  dist: Distribution,
  shape: number,
  y: number[],
  mean: number[],
  m: number
): Quantiles {
  switch (dist) {
    case "nb":
      return nbQuantilePaths(mean, shape)
    case "empirical":
      return empiricalQuantilePaths(y, mean, 2 * m)
    case "hurdle":
      return hurdleQuantilePaths(y, mean)
    case "blend":
      return averageQuantiles([
        nbQuantilePaths(mean, shape),
        empiricalQuantilePaths(y, mean, 2 * m),
      ])
    case "combined":
      throw new Error("a combined method has members: run it with runMethod")
  }
}

/** The mean path of a model; the pooled rate needs the class prior (without one it is the plain rate). */
export function meanOf(
  model: string,
  y: number[],
  horizon: number,
  seasonLength: number,
  prior?: GammaPrior | null
): number[] {
  if (model === POOLED_MODEL) {
    const r = prior
      ? pooledRate(y, prior, seasonLength)
      : meanModel("rate").mean(y, 1, seasonLength)[0]
    return new Array(horizon).fill(Math.max(0, r))
  }
  return meanModel(model).mean(y, horizon, seasonLength)
}

export function minHistoryOf(model: string): number {
  return model === POOLED_MODEL || model === "qcombo"
    ? 3
    : meanModel(model).minHistory
}

/** Runs one method on one history (`prior`: the demand class's prior, for the pooled rate). */
export function runMethod(
  method: Method,
  y: number[],
  horizon: number,
  seasonLength: number,
  prior?: GammaPrior | null
): { mean: number[]; quantiles: Quantiles } {
  if (method.members) {
    const runs = method.members.map((mm) =>
      runMethod(mm, y, horizon, seasonLength, prior)
    )
    const mean = new Array(horizon)
      .fill(0)
      .map((_, t) => runs.reduce((a, r) => a + r.mean[t], 0) / runs.length)
    return {
      mean,
      quantiles: sanitizeQuantiles(
        averageQuantiles(runs.map((r) => r.quantiles))
      ),
    }
  }
  const mean = meanOf(method.model, y, horizon, seasonLength, prior)
  const quantiles = sanitizeQuantiles(
    quantilesFor(method.distribution, method.shape, y, mean, seasonLength)
  )
  return { mean, quantiles }
}

export type Window = { train: number[]; actual: number[] }

/** Rolling-origin windows: origins at n − h, n − 2h, … (at most `origins`), each with ≥ minTrain points. */
export function rollingWindows(
  y: number[],
  horizon: number,
  origins: number,
  minTrain: number
): Window[] {
  const out: Window[] = []
  for (let j = 1; j <= origins; j++) {
    const cut = y.length - j * horizon
    if (cut < minTrain) {
      break
    }
    out.push({ train: y.slice(0, cut), actual: y.slice(cut, cut + horizon) })
  }
  return out
}
