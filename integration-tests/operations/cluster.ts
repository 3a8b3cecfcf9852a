/**
 * The multi-instance suite's cluster: two `server` instances and two `worker`s (MEDUSA_WORKER_MODE) on a
 * database of their own (a copy of the test database, or seeded by the first worker) and the tests'
 * Redis under a prefix of their own, started before the suite's tests and stopped (keys deleted) after.
 */
import crypto from "crypto"
import { copyDatabase } from "../helpers/databases"
import { sqlOn, testEnv } from "../helpers/env"
import { until } from "../helpers/poll"
import { Instance, startInstance } from "../helpers/instances"
import { deleteRedisKeys } from "../helpers/redis"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createTestDatabase } = require("../../scripts/lib/database")

export const METRICS_TOKEN = `metrics-${crypto.randomBytes(16).toString("hex")}`
export const PREFIX = `shabou-multi-${crypto.randomBytes(4).toString("hex")}:`
export const EVERY_SECONDS = 4
export const ADMIN = {
  email: "admin@multi.shabou.tn",
  password: `pw-${crypto.randomBytes(6).toString("hex")}`,
}
/** variants per forecast batch: the demo's ~540 forecast variants make about 55 batches */
export const BATCH_SIZE = 10

export type Cluster = {
  db: { url: string; stop(): Promise<void> }
  worker: Instance
  workerB: Instance
  serverA: Instance
  serverB: Instance
  /** started by the forecast test: one `shared` instance without Redis on the same database */
  local?: Instance
  /** the settings every instance of the suite shares */
  common: Record<string, string>
}

/** Registers the suite's beforeAll/afterAll; the cluster's fields are set once beforeAll has run. */
export function useCluster(redisUrl: string): Cluster {
  const c = {} as Cluster
  beforeAll(async () => {
    c.db = await createTestDatabase({ log: () => undefined })
    const copied = await copyDatabase(testEnv().databaseUrl, c.db.url)
    c.common = {
      DATABASE_URL: c.db.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: PREFIX,
      METRICS_TOKEN,
      MEDUSA_ADMIN_EMAIL: ADMIN.email,
      MEDUSA_ADMIN_PASSWORD: ADMIN.password,
      PROSPECTOR_PRICE_WATCH_SCHEDULE: `*/${EVERY_SECONDS} * * * * *`,
      // an account is locked after 4 failures wherever they were made
      RATE_LIMIT_LOGIN_PER_ACCOUNT: "4",
      RATE_LIMIT_LOGIN_PER_IP: "1000",
      ORION_FORECAST_BATCH_SIZE: String(BATCH_SIZE),
    }
    // the first worker first: it migrates (and seeds the demo shop when the copy could not be made) and
    // creates the admin; then the servers and the second worker
    c.worker = await startInstance("multi-worker", {
      ...c.common,
      MEDUSA_WORKER_MODE: "worker",
      SEED_DEMO: copied ? "false" : "true",
    })
    ;[c.serverA, c.serverB, c.workerB] = await Promise.all([
      startInstance("multi-server-a", {
        ...c.common,
        MEDUSA_WORKER_MODE: "server",
        SEED_DEMO: "false",
      }),
      startInstance("multi-server-b", {
        ...c.common,
        MEDUSA_WORKER_MODE: "server",
        SEED_DEMO: "false",
      }),
      startInstance("multi-worker-b", {
        ...c.common,
        MEDUSA_WORKER_MODE: "worker",
        SEED_DEMO: "false",
      }),
    ])
  }, 1800000)

  afterAll(async () => {
    await Promise.all([
      c.serverA?.stop(),
      c.serverB?.stop(),
      c.worker?.stop(),
      c.workerB?.stop(),
      c.local?.stop(),
    ])
    await deleteRedisKeys(redisUrl, [
      `${PREFIX}*`,
      `RedisEventBusService:${PREFIX}*`,
    ])
    await c.db?.stop()
  }, 120000)
  return c
}

export async function scrape(instance: Instance): Promise<string> {
  const res = await fetch(`${instance.baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  })
  expect(res.status).toBe(200)
  return res.text()
}

export async function adminToken(instance: Instance): Promise<string> {
  const res = await fetch(`${instance.baseUrl}/admin/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { access_token: string }).access_token
}

/** Starts a weekly forecast run as of `asOf` through `instance` and follows it through the run status API until it ends. */
export async function forecastRun(
  asOf: string,
  instance: Instance
): Promise<{ run: any; batches: any; stages: string[] }> {
  const headers = {
    authorization: `Bearer ${await adminToken(instance)}`,
    "content-type": "application/json",
  }
  const res = await fetch(`${instance.baseUrl}/admin/orion/runs`, {
    method: "POST",
    headers,
    body: JSON.stringify({ frequency: "week", horizon: 8, as_of: asOf }),
  })
  expect(res.status).toBe(202)
  const { run } = (await res.json()) as { run: { id: string } }
  const stages = new Set<string>()
  const body = await until(
    `forecast run ${run.id} to end`,
    async () => {
      const r = await fetch(`${instance.baseUrl}/admin/orion/runs/${run.id}`, {
        headers,
      })
      expect(r.status).toBe(200)
      const status = (await r.json()) as { run: any; batches: any }
      stages.add(status.run.stage)
      return status.run.status !== "running" ? status : null
    },
    { within: 600000, every: 150 }
  )
  return { ...body, stages: [...stages] }
}

/** What a run stored: every forecast period and every variant's model, class, metrics and restock figures. */
export async function stored(dbUrl: string, runId: string) {
  const [periods, variants, [run]] = await Promise.all([
    sqlOn(
      dbUrl,
      `SELECT variant_id, period_index, to_char(period_start, 'YYYY-MM-DD') AS period_start, mean, calendar_multiplier,
              p10, p20, p30, p40, p50, p60, p70, p80, p90
       FROM orion_forecast WHERE run_id = $1 ORDER BY variant_id, period_index`,
      [runId]
    ),
    sqlOn(
      dbUrl,
      `SELECT variant_id, sku, category, model, segment, reason, history_periods, metrics, restock
       FROM orion_variant_forecast WHERE run_id = $1 ORDER BY variant_id`,
      [runId]
    ),
    sqlOn(
      dbUrl,
      `SELECT variant_count, alert_count, model_wins, backtest, calendar_effects, to_char(forecast_start, 'YYYY-MM-DD') AS forecast_start
       FROM orion_forecast_run WHERE id = $1`,
      [runId]
    ),
  ])
  return { periods, variants, run }
}
