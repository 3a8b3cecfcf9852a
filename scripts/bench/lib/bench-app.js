/**
 * The in-process app of bench:fitment and bench:search: a fresh database on DATABASE_URL's server
 * (default postgres://postgres@127.0.0.1:5432/postgres), the server build (unless BENCH_NO_BUILD),
 * the migrations, then the real server (scripts/lib/app.js startServer) on a free port; and the
 * p50/p95 of requests sent one at a time.
 */
const path = require("path")
const { freePort } = require("../../lib/database")
const { openBenchDatabase } = require("./bench-db")

const ROOT = path.resolve(__dirname, "..", "..", "..")

/** A line of the benchmark's report, on stdout. */
const log = (m) => process.stdout.write(`[bench] ${m}\n`)

/**
 * Creates the database `name` (dropped first), builds, points this process at it (`withoutRedis`:
 * REDIS_URL unset) and migrates it. `start()` then boots the server on a free port; `drop()` drops
 * the database unless BENCH_KEEP is set; `finish(app)` closes the app, drops and exits.
 */
async function prepareBenchApp(name, { log, withoutRedis = false }) {
  const database = await openBenchDatabase(name, {
    log,
    embeddedFallback: false,
  })
  await database.recreate()
  log(`database ${name} created on ${database.host}`)
  if (!process.env.BENCH_NO_BUILD) {
    await require(path.join(ROOT, "scripts", "build")).build({
      ifChanged: true,
      admin: false,
    })
  }
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NODE_ENV: "development",
    ADMIN_SERVE: "false",
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  if (withoutRedis) {
    delete env.REDIS_URL
  }
  Object.assign(process.env, env)
  if (withoutRedis) {
    delete process.env.REDIS_URL
  }
  // required only now: Medusa's models read feature flags from the environment when loaded
  const { runMigrations, startServer } = require(
    path.join(ROOT, "scripts", "lib", "app")
  )
  await runMigrations({ env, log })
  return {
    url: database.url,
    /** The real server on a free port: the app and its port. */
    async start() {
      const port = await freePort()
      const app = await startServer({
        port,
        seed: false,
        adminEmail: "bench@shabou.tn",
        adminPassword: "bench-password",
        log: () => undefined,
      })
      return { app, port }
    },
    async drop() {
      if (!process.env.BENCH_KEEP) {
        await database.drop()
      }
    },
    /** Closes `app`, drops the database (unless BENCH_KEEP), says "done" and exits 0. */
    async finish(app) {
      await app.close()
      await this.drop()
      log("done")
      process.exit(0)
    },
  }
}

/** Runs the bench's `main`; an error is printed and exits 1. */
function runBench(main) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}

/** The value below which p % of `values` lie (the nearest rank below). */
function pct(values, p) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

/** Milliseconds of each of `n` calls `fn(i)`, one at a time, after one warm-up call `fn(0)`. */
async function timeEach(n, fn) {
  await fn(0)
  const times = []
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint()
    await fn(i)
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return times
}

/** "p50 … ms   p95 … ms", each figure padded to `width`. */
function p50p95(times, width) {
  return `p50 ${pct(times, 50).toFixed(0).padStart(width)} ms   p95 ${pct(times, 95).toFixed(0).padStart(width)} ms`
}

/** The report row of `times`: `{ label, p50, p95 }`. */
function percentiles(label, times) {
  return { label, p50: pct(times, 50), p95: pct(times, 95) }
}

/** Times `n` calls `fn(i)` (timeEach), logs "<label> p50 … ms   p95 … ms" and returns its report row. */
async function timeCase(label, n, fn) {
  const times = await timeEach(n, fn)
  log(`${label.padEnd(58)} ${p50p95(times, 6)}`)
  return percentiles(label, times)
}

module.exports = {
  log,
  percentiles,
  prepareBenchApp,
  p50p95,
  runBench,
  timeCase,
  timeEach,
}
