#!/usr/bin/env node
/**
 * Orion benchmark. Build first: npx tsc -p plugins/orion/tsconfig.json
 * Usage: node scripts/bench/orion-bench.js [parts=100000] [weeks=104]
 * 1. time and peak memory of forecasting <parts> × <weeks> weekly series (horizon 13) on one core;
 * 2. hold-out backtest metrics of every model on a generated data set with known structure.
 */
const path = require("path")
const lib = require(
  path.join(__dirname, "../../plugins/orion/dist/lib/index.js")
)

const parts = Number(process.argv[2] || 100000)
const weeks = Number(process.argv[3] || 104)

let peak = 0
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss)
}
const timer = setInterval(sample, 50)

function genSeries(n, periods) {
  // generated in blocks to bound memory: values only (no rate arrays kept)
  const out = []
  const block = 5000
  for (let s = 0; s < n; s += block) {
    const g = lib.generateDemand({
      parts: Math.min(block, n - s),
      periods,
      frequency: "week",
      seed: 100 + s,
    })
    for (const p of g) out.push(p.values)
  }
  return out
}

const tg = Date.now()
const series = genSeries(parts, weeks)
sample()
const genMs = Date.now() - tg
const t0 = Date.now()
let done = 0
const { tuning } = lib.forecastMany(series, {
  frequency: "week",
  horizon: 13,
  onProgress: (d) => {
    done = d
    if (d % 10000 === 0) sample()
  },
})
const ms = Date.now() - t0
sample()
clearInterval(timer)
console.log(`forecast: ${done} parts × ${weeks} weeks, horizon 13, one core`)
console.log(
  `  generation ${(genMs / 1000).toFixed(1)} s (not counted), forecasting ${(ms / 1000).toFixed(1)} s, peak RSS ${(peak / 1048576).toFixed(0)} MB`
)
for (const t of tuning)
  console.log(
    `  class ${t.segment}: ${lib.methodName(t.chosen)} (sample ${t.sampled}, ${t.windows} windows)`
  )

for (const [frequency, periods, horizon, n] of [
  ["month", 51, 12, 2500],
  ["week", 156, 13, 2000],
]) {
  const data = lib.generateDemand({ parts: n, periods, frequency, seed: 7 })
  const report = lib.backtest(
    data.map((p) => p.values),
    { frequency, horizon }
  )
  console.log(
    `\nbacktest on generated ${frequency}ly data (${n} parts, ${periods} periods, known structure: log-normal rates, NB order counts, lumpy packs, lifecycles, Tunisian seasons)`
  )
  console.log(report.table)
}
