/** The store bench's settings (BENCH_* environment variables, see scripts/bench/store-bench.js) and its log. */
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..", "..")
const OUT_DIR = path.join(ROOT, ".tmp", "bench")
const DB_NAME = "store_bench"
const ADMIN = { email: "bench@shabou.tn", password: "bench-password" }

function intEnv(name, fallback, min = 1) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") {
    return fallback
  }
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`)
  }
  return Number(raw)
}

const N_PRODUCTS = intEnv("BENCH_PRODUCTS", 100000)
const N_VEHICLES = intEnv("BENCH_VEHICLES", 10000, 2)
const N_LINKS = intEnv("BENCH_LINKS", 1000000)
const N_POPULAR = intEnv(
  "BENCH_POPULAR",
  Math.min(30000, Math.floor(N_PRODUCTS * 0.3))
)
const N_BRANDS = intEnv("BENCH_BRANDS", 100)
const VARIANTS = 3
const DURATION = intEnv("BENCH_DURATION", 10)
const TIMEOUT = intEnv("BENCH_TIMEOUT", 10)
const DRAIN = intEnv("BENCH_DRAIN", 90)
/** seconds of /health before the measured runs (not counted), 0 for none */
const WARMUP = intEnv("BENCH_WARMUP", 5, 0)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "10,500")
  .split(",")
  .map((c) => {
    if (!/^[1-9][0-9]*$/.test(c.trim())) {
      throw new Error(
        `BENCH_CONNECTIONS must be a comma list of whole numbers, got "${process.env.BENCH_CONNECTIONS}"`
      )
    }
    return Number(c)
  })
// BENCH_REUSE=1 measures again on the database a BENCH_KEEP=1 run left (no generation, no rebuild: the
// server's migrations run and its read model catches up on what changed); the database is kept
const REUSE = Boolean(process.env.BENCH_REUSE)
const KEEP = Boolean(process.env.BENCH_KEEP) || REUSE
// what a storefront's fetch sends (undici, browsers); BENCH_ACCEPT_ENCODING= (empty) asks for plain bodies
const ACCEPT_ENCODING = process.env.BENCH_ACCEPT_ENCODING ?? "gzip, deflate, br"
/** BENCH_PROXY=caddy: the load goes through Caddy, as deploy/Caddyfile sets it (BENCH_PROXY_CONNS to the server) */
const PROXY = process.env.BENCH_PROXY === "caddy" ? "caddy" : null
if (process.env.BENCH_PROXY && process.env.BENCH_PROXY !== "caddy") {
  throw new Error(
    `BENCH_PROXY: "${process.env.BENCH_PROXY}" is not a proxy the bench knows (caddy)`
  )
}
const PROXY_CONNS = intEnv("BENCH_PROXY_CONNS", 32)

const log = (m) => process.stdout.write(`[bench] ${m}\n`)
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`

module.exports = {
  PROXY,
  PROXY_CONNS,
  ROOT,
  OUT_DIR,
  DB_NAME,
  ADMIN,
  N_PRODUCTS,
  N_VEHICLES,
  N_LINKS,
  N_POPULAR,
  N_BRANDS,
  VARIANTS,
  DURATION,
  TIMEOUT,
  DRAIN,
  WARMUP,
  CONNECTIONS,
  REUSE,
  KEEP,
  ACCEPT_ENCODING,
  log,
  secs,
}
