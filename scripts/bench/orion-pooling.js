#!/usr/bin/env node
/**
 * Orion: does pooling across parts help? Hold-out weighted quantile loss per demand class, before
 * (pooling off: one method per class, as before) and after (pooled empirical-Bayes rate and quantile
 * combinations among the candidates), on monthly and weekly data:
 *   - the demo history (data/sales-history.csv, every series ending at the file's last date);
 *   - a generated public-style intermittent set: plugins/orion's generator at the size of the
 *     car-parts benchmark (2 674 parts × 51 months; weekly: 2 000 parts × 156 weeks).
 * The last horizon periods are held out; the engine tunes on the rest only.
 * Build first (npm run build:server). Usage: node scripts/bench/orion-pooling.js
 */
const fs = require("fs")
const path = require("path")
const lib = require(
  path.join(__dirname, "../../plugins/orion/dist/lib/index.js")
)
const { MetricAccumulator } = lib

function demo(frequency) {
  const lines = fs
    .readFileSync(path.join(__dirname, "../../data/sales-history.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
  const rows = lines.map((l, i) =>
    lib.parseSalesRecord(
      Object.fromEntries(
        ["sku", "date", "qty"].map((k, j) => [k, l.split(",")[j]])
      ),
      i + 2
    )
  )
  const series = lib.buildSeries(rows, frequency)
  const end = Math.max(
    ...series.map((s) =>
      lib.addPeriods(s.start, s.values.length - 1, frequency).getTime()
    )
  )
  for (const s of series) {
    while (
      lib.addPeriods(s.start, s.values.length - 1, frequency).getTime() < end
    )
      s.values.push(0)
  }
  return series.map((s) => s.values)
}

function evaluate(series, frequency, horizon, pooling) {
  const m = lib.seasonLengthFor(frequency)
  const usable = series.filter((y) => y.length > horizon + 1)
  const trains = usable.map((y) => y.slice(0, y.length - horizon))
  const actuals = usable.map((y) => y.slice(y.length - horizon))
  const t0 = Date.now()
  const { forecasts, tuning } = lib.forecastMany(trains, {
    frequency,
    horizon,
    pooling,
  })
  const ms = Date.now() - t0
  const per = new Map()
  const all = new MetricAccumulator()
  forecasts.forEach((f, i) => {
    if (!per.has(f.segment))
      per.set(f.segment, { acc: new MetricAccumulator(), n: 0 })
    const e = per.get(f.segment)
    e.acc.add(trains[i], actuals[i], f.mean, f.quantiles, m)
    e.n++
    all.add(trains[i], actuals[i], f.mean, f.quantiles, m)
  })
  const out = {
    all: all.summary().wql,
    ms,
    chosen: Object.fromEntries(
      tuning.map((t) => [t.segment, lib.methodName(t.chosen)])
    ),
  }
  for (const [s, e] of per) out[s] = { wql: e.acc.summary().wql, n: e.n }
  return out
}

const f4 = (x) => (Number.isFinite(x) ? x.toFixed(4) : "n/a")
const sets = [
  ["demo history, monthly", () => demo("month"), "month", 6],
  ["demo history, weekly", () => demo("week"), "week", 13],
  [
    "generated car-parts-like, monthly (2 674 × 51)",
    () =>
      lib
        .generateDemand({
          parts: 2674,
          periods: 51,
          frequency: "month",
          seed: 7,
        })
        .map((p) => p.values),
    "month",
    12,
  ],
  [
    "generated, weekly (2 000 × 156)",
    () =>
      lib
        .generateDemand({
          parts: 2000,
          periods: 156,
          frequency: "week",
          seed: 7,
        })
        .map((p) => p.values),
    "week",
    13,
  ],
]
const only = process.argv[2]
for (const [name, load, frequency, horizon] of sets) {
  if (only && !name.includes(only)) continue
  const series = load()
  const before = evaluate(series, frequency, horizon, false)
  const after = evaluate(series, frequency, horizon, true)
  console.log(`\n${name}: ${series.length} parts, last ${horizon} held out`)
  console.log(`class          parts   WQL before   WQL after   change`)
  const classes = [
    "smooth",
    "erratic",
    "intermittent",
    "lumpy",
    "short",
    "none",
  ].filter((c) => before[c])
  for (const c of classes) {
    const b = before[c].wql
    const a = after[c].wql
    console.log(
      `${c.padEnd(13)} ${String(before[c].n).padStart(6)}   ${f4(b).padStart(10)}  ${f4(a).padStart(10)}   ${Number.isFinite(a / b) ? ((a / b - 1) * 100).toFixed(1) + " %" : "n/a"}`
    )
  }
  console.log(
    `${"all".padEnd(13)} ${String(series.length).padStart(6)}   ${f4(before.all).padStart(10)}  ${f4(after.all).padStart(10)}   ${((after.all / before.all - 1) * 100).toFixed(1)} %`
  )
  console.log(
    `time: before ${(before.ms / 1000).toFixed(1)} s, after ${(after.ms / 1000).toFixed(1)} s`
  )
  for (const c of classes)
    if (after.chosen[c])
      console.log(`  ${c}: ${before.chosen[c] ?? "—"}  →  ${after.chosen[c]}`)
}
