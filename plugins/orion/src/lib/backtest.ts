import {
  forecastMany,
  ForecastOptions,
  runMethod,
  seasonLengthFor,
  methodName,
} from "./engine"
import { gammaPrior, GammaPrior } from "./pooling"
import { MetricAccumulator, MetricSummary } from "./metrics"

export type BacktestRow = { model: string; metrics: MetricSummary }

export type BacktestReport = {
  horizon: number
  /** series long enough to hold out the horizon */
  series: number
  rows: BacktestRow[]
  table: string
}

/**
 * Honest hold-out backtest: the last `horizon` periods of every series are held out;
 * the engine tunes itself (rolling origins, pooled per demand class) on the rest only.
 * Every mean model is scored with the distribution chosen for it on the training part,
 * and "auto" is the engine's own per-class choice.
 */
export function backtest(
  series: number[][],
  opts: ForecastOptions
): BacktestReport {
  const h = opts.horizon
  const m = opts.seasonLength ?? seasonLengthFor(opts.frequency)
  const usable = series.filter((y) => y.length > h + 1)
  const trains = usable.map((y) => y.slice(0, y.length - h))
  const actuals = usable.map((y) => y.slice(y.length - h))
  const { forecasts, tuning } = forecastMany(trains, { ...opts })

  const rows: BacktestRow[] = []
  const auto = new MetricAccumulator()
  forecasts.forEach((f, i) =>
    auto.add(trains[i], actuals[i], f.mean, f.quantiles, m)
  )
  rows.push({
    model: "auto (per-class backtest choice)",
    metrics: auto.summary(),
  })

  // per model: each class uses the distribution tuned for that model in that class
  const models = new Set<string>()
  for (const t of tuning) {
    t.perModel.forEach((c) => models.add(c.method.model))
  }
  // the pooled rate's prior per class, as forecastMany fits it
  const priors = new Map<string, GammaPrior | null>()
  const priorOf = (segment: string) => {
    if (!priors.has(segment)) {
      priors.set(
        segment,
        opts.pooling === false
          ? null
          : gammaPrior(
              trains.filter((_, i) => forecasts[i].segment === segment),
              m
            )
      )
    }
    return priors.get(segment) ?? null
  }
  for (const model of models) {
    const acc = new MetricAccumulator()
    forecasts.forEach((f, i) => {
      const t = tuning.find((x) => x.segment === f.segment)
      const c = t?.perModel.find((p) => p.method.model === model)
      if (!c || !f.method) {
        acc.add(trains[i], actuals[i], f.mean, f.quantiles, m)
        return
      }
      const r = runMethod(c.method, trains[i], h, m, priorOf(f.segment))
      acc.add(trains[i], actuals[i], r.mean, r.quantiles, m)
    })
    rows.push({ model, metrics: acc.summary() })
  }
  const zero = new MetricAccumulator()
  trains.forEach((t, i) => {
    const z = forecasts[i].quantiles
    const q = Object.fromEntries(
      Object.keys(z).map((k) => [k, new Array(h).fill(0)])
    ) as typeof z
    zero.add(t, actuals[i], new Array(h).fill(0), q, m)
  })
  rows.push({ model: "zero (reference)", metrics: zero.summary() })
  const chosen = tuning
    .map((t) => `${t.segment}: ${methodName(t.chosen)}`)
    .join("; ")
  return {
    horizon: h,
    series: usable.length,
    rows,
    table: formatTable(rows, h, usable.length, chosen),
  }
}

export function formatTable(
  rows: BacktestRow[],
  h: number,
  n: number,
  chosen: string
): string {
  const head = [
    "model",
    "WQL",
    "MASE",
    "RMSSE",
    "bias",
    "rel.bias",
    "MAPE(non-zero periods)",
  ]
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "n/a")
  const lines = [
    head,
    ...rows.map((r) => [
      r.model,
      f(r.metrics.wql),
      f(r.metrics.mase),
      f(r.metrics.rmsse),
      f(r.metrics.bias),
      f(r.metrics.relativeBias),
      f(r.metrics.mapeNonZero),
    ]),
  ]
  const widths = head.map((_, c) => Math.max(...lines.map((l) => l[c].length)))
  const out = lines.map((l) =>
    l
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join("  ")
  )
  out.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "))
  return (
    `hold-out backtest: last ${h} periods of ${n} series (WQL pooled over all series, 9 quantiles)\n` +
    out.join("\n") +
    `\nchosen per class: ${chosen}`
  )
}
