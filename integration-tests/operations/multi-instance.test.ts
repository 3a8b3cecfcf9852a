/**
 * More than one machine (issue 13): two `server` instances and one `worker` (MEDUSA_WORKER_MODE) on one
 * database and one Redis, as docker-compose.yml runs them. Proves:
 * - a scheduled job runs once per due time, on the worker only;
 * - an order placed through a server is handled once (one Orion sales-history row per line item,
 *   one handling of order.placed, by the worker);
 * - a price changed through server A is in the next store reads of server B (the store cache's
 *   generations live in Redis);
 * - failed logins are counted across instances (login throttling in Redis).
 *
 * The three instances get a database of their own (created here on the tests' PostgreSQL, a copy of the
 * test database made with pg_dump | pg_restore, or else seeded by the worker), so the shared test server's
 * event-bus enqueuer never sees their events, and a Redis prefix of their own. Without Redis there is nothing to share: the file is skipped, saying so.
 */
import { spawn, spawnSync } from "child_process"
import crypto from "crypto"
import Redis from "ioredis"
import { Client } from "pg"
import { testEnv } from "../helpers/env"
import { Instance, metricValue, startInstance } from "../helpers/instances"
import { placeOrder } from "../helpers/orders"
import { visibleWithin } from "../catalogue/helpers"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createTestDatabase } = require("../../scripts/lib/database")

const redisUrl = testEnv().redisUrl
const describeWithRedis = redisUrl ? describe : describe.skip
if (!redisUrl) {
  // eslint-disable-next-line no-console
  console.warn("multi-instance test skipped: REDIS_URL is not set or does not answer (instances share events, jobs, cache and throttling through Redis)")
}

const METRICS_TOKEN = `metrics-${crypto.randomBytes(16).toString("hex")}`
const PREFIX = `shabou-multi-${crypto.randomBytes(4).toString("hex")}:`
const EVERY_SECONDS = 4
const ADMIN = { email: "admin@multi.shabou.tn", password: `pw-${crypto.randomBytes(6).toString("hex")}` }

let db: { url: string; stop(): Promise<void> }
let worker: Instance
let serverA: Instance
let serverB: Instance

async function query<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: db.url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end()
  }
}

async function scrape(instance: Instance): Promise<string> {
  const res = await fetch(`${instance.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  expect(res.status).toBe(200)
  return res.text()
}

async function adminToken(instance: Instance): Promise<string> {
  const res = await fetch(`${instance.baseUrl}/admin/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { access_token: string }).access_token
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Copies the shared test database into `target` (pg_dump | pg_restore); false when pg_dump is not installed. */
async function copyDatabase(source: string, target: string): Promise<boolean> {
  if (spawnSync("pg_dump", ["--version"]).status !== 0 || spawnSync("pg_restore", ["--version"]).status !== 0) {
    return false
  }
  await new Promise<void>((resolve, reject) => {
    const dump = spawn("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", source], { stdio: ["ignore", "pipe", "pipe"] })
    const restore = spawn("pg_restore", ["--no-owner", "--no-privileges", "--dbname", target], { stdio: ["pipe", "ignore", "pipe"] })
    let errors = ""
    dump.stderr.on("data", (d) => (errors += d))
    restore.stderr.on("data", (d) => (errors += d))
    dump.stdout.pipe(restore.stdin)
    restore.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`pg_restore exited with ${code}: ${errors.slice(-2000)}`))))
  }).catch(async (e) => {
    // pg_restore exits 1 on warnings it ignored (e.g. a comment on the public schema): the copy counts
    // when the shop is there
    const client = new Client({ connectionString: target })
    await client.connect()
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM product`).finally(() => client.end())
    if (!rows[0].n) {
      throw e
    }
  })
  return true
}

describeWithRedis("two servers and one worker on one database and Redis", () => {
  beforeAll(async () => {
    db = await createTestDatabase({ log: () => undefined })
    const copied = await copyDatabase(testEnv().databaseUrl, db.url)
    const common = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl as string,
      REDIS_PREFIX: PREFIX,
      METRICS_TOKEN,
      MEDUSA_ADMIN_EMAIL: ADMIN.email,
      MEDUSA_ADMIN_PASSWORD: ADMIN.password,
      PROSPECTOR_PRICE_WATCH_SCHEDULE: `*/${EVERY_SECONDS} * * * * *`,
      // an account is locked after 4 failures wherever they were made
      RATE_LIMIT_LOGIN_PER_ACCOUNT: "4",
      RATE_LIMIT_LOGIN_PER_IP: "1000",
    }
    // the worker first: it migrates (and seeds the demo shop when the copy could not be made) and creates
    // the admin; then the servers
    worker = await startInstance("multi-worker", { ...common, MEDUSA_WORKER_MODE: "worker", SEED_DEMO: copied ? "false" : "true" })
    ;[serverA, serverB] = await Promise.all([
      startInstance("multi-server-a", { ...common, MEDUSA_WORKER_MODE: "server", SEED_DEMO: "false" }),
      startInstance("multi-server-b", { ...common, MEDUSA_WORKER_MODE: "server", SEED_DEMO: "false" }),
    ])
  }, 1800000)

  afterAll(async () => {
    await Promise.all([serverA?.stop(), serverB?.stop(), worker?.stop()])
    if (redisUrl) {
      const redis = new Redis(redisUrl)
      const keys: string[] = []
      for (const pattern of [`${PREFIX}*`, `RedisEventBusService:${PREFIX}*`]) {
        let cursor = "0"
        do {
          const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000)
          cursor = next
          keys.push(...found)
        } while (cursor !== "0")
      }
      for (let i = 0; i < keys.length; i += 500) {
        await redis.del(...keys.slice(i, i + 500))
      }
      redis.disconnect()
    }
    await db?.stop()
  }, 120000)

  it("serves HTTP on the servers; the worker answers its liveness probe and metrics", async () => {
    const token = await adminToken(serverA)
    const onServer = await fetch(`${serverB.baseUrl}/admin/orion/runs`, { headers: { authorization: `Bearer ${token}` } })
    expect(onServer.status).toBe(200)
    expect((await fetch(`${worker.baseUrl}/health`)).status).toBe(200)
    expect((await fetch(`${worker.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200)
  })

  it("runs a scheduled job once per due time, on the worker only", async () => {
    const since = new Date()
    const count = () =>
      Promise.all([worker, serverA, serverB].map(async (i) => metricValue(await scrape(i), "shabou_scheduled_job_runs_total", { job: "prospector-price-watch" })))
    const before = await count()
    const windowMs = EVERY_SECONDS * 5 * 1000
    await sleep(windowMs)
    const ran = (await count()).map((n, i) => n - before[i])
    const due = Math.ceil(windowMs / (EVERY_SECONDS * 1000)) // due times in the window (5, or 6 at its edges)
    // all on the worker; the servers run none
    expect(ran[1]).toBe(0)
    expect(ran[2]).toBe(0)
    // once per due time: three instances each running every due time would make about three times as many
    // (a pass slower than the period delays the next, so fewer may have finished inside the window)
    expect(ran[0]).toBeGreaterThanOrEqual(2)
    expect(ran[0]).toBeLessThanOrEqual(due + 1)
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM prospector_run WHERE kind = 'watch' AND trigger = 'job' AND started_at >= $1`,
      [since]
    )
    // the runs since `since` (scrapes included): at most one per due time of that longer span
    const dueSince = Math.ceil((Date.now() - since.getTime()) / (EVERY_SECONDS * 1000)) + 1
    expect(n).toBeGreaterThanOrEqual(1)
    expect(n).toBeLessThanOrEqual(dueSince)
  }, 120000)

  it("handles an order placed through a server once: one sales-history row per line item, order.placed handled by the worker", async () => {
    const [variant] = await query(
      `SELECT pv.id FROM product_variant pv JOIN product p ON p.id = pv.product_id
       WHERE pv.deleted_at IS NULL AND p.status = 'published' AND (pv.inventory_quantity > 5 OR NOT pv.manage_inventory OR pv.allow_backorder)
       ORDER BY pv.id LIMIT 1`
    )
    const handled = async () =>
      Promise.all([worker, serverA, serverB].map(async (i) => metricValue(await scrape(i), "shabou_events_handled_total", { event: "order.placed", outcome: "succeeded" })))
    const before = await handled()
    const orderId = await placeOrder(variant.id, 2, "multi@example.tn", serverA.baseUrl)
    const deadline = Date.now() + 30000
    let rows: any[] = []
    while (Date.now() < deadline) {
      rows = await query(`SELECT variant_id, qty::float AS qty FROM orion_sales_history WHERE order_id = $1`, [orderId])
      if (rows.length) {
        break
      }
      await sleep(250)
    }
    expect(rows).toEqual([{ variant_id: variant.id, qty: 2 }])
    await sleep(3000) // a second handling, if there were one, would have come by now
    expect(await query(`SELECT count(*)::int AS n FROM orion_sales_history WHERE order_id = $1`, [orderId])).toEqual([{ n: 1 }])
    const after = await handled()
    const subscribers = after[0] - before[0]
    expect(subscribers).toBeGreaterThanOrEqual(1) // each subscriber of order.placed once, on the worker
    expect(after[1] - before[1]).toBe(0)
    expect(after[2] - before[2]).toBe(0)
    // the same number again would mean the event was handled twice
    await sleep(3000)
    expect((await handled())[0] - before[0]).toBe(subscribers)
  }, 120000)

  it("shows a price changed through server A in server B's next reads", async () => {
    const [{ id: regionId }] = await query(`SELECT id FROM region WHERE currency_code = 'tnd' LIMIT 1`)
    const [target] = await query(
      `SELECT pv.id AS variant_id, pv.product_id, ma.amount FROM product_variant pv
       JOIN product p ON p.id = pv.product_id AND p.status = 'published' AND p.deleted_at IS NULL
       JOIN product_variant_money_amount pvma ON pvma.variant_id = pv.id AND pvma.deleted_at IS NULL
       JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.currency_code = 'tnd' AND ma.region_id IS NULL
         AND ma.price_list_id IS NULL AND ma.deleted_at IS NULL AND ma.min_quantity IS NULL
       WHERE pv.deleted_at IS NULL AND NOT EXISTS (
         SELECT 1 FROM product_variant_money_amount x JOIN money_amount y ON y.id = x.money_amount_id
         WHERE x.variant_id = pv.id AND x.deleted_at IS NULL AND y.deleted_at IS NULL AND (y.region_id IS NOT NULL OR y.price_list_id IS NOT NULL))
       ORDER BY pv.id LIMIT 1`
    )
    const page = `/store/products/${target.product_id}?region_id=${regionId}`
    const priceOn = async (instance: Instance) => {
      const res = await fetch(`${instance.baseUrl}${page}`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as any
      return body.product.variants.find((v: any) => v.id === target.variant_id)?.original_price
    }
    // both servers have the page in their caches
    expect(await priceOn(serverB)).toBe(Number(target.amount))
    expect(await priceOn(serverB)).toBe(Number(target.amount))
    expect(await priceOn(serverA)).toBe(Number(target.amount))
    const amount = Number(target.amount) + 1230
    const token = await adminToken(serverA)
    const res = await fetch(`${serverA.baseUrl}/admin/products/${target.product_id}/variants/${target.variant_id}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ prices: [{ currency_code: "tnd", amount }] }),
    })
    expect(res.status).toBe(200)
    const since = Date.now()
    const delay = await visibleWithin("price changed on A, read on B", since, async () => (await priceOn(serverB)) === amount)
    expect(delay).toBeLessThanOrEqual(1000)
    expect(await priceOn(serverA)).toBe(amount)
  })

  it("counts failed logins across instances: the account is locked on B after failures on A and B", async () => {
    const email = `locked-${crypto.randomBytes(4).toString("hex")}@multi.shabou.tn`
    const attempt = (instance: Instance) =>
      fetch(`${instance.baseUrl}/admin/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: "wrong-password" }),
      }).then((r) => r.status)
    expect(await attempt(serverA)).toBe(401)
    expect(await attempt(serverA)).toBe(401)
    expect(await attempt(serverB)).toBe(401)
    expect(await attempt(serverB)).toBe(401)
    // the fifth failure overall: refused on either instance
    expect(await attempt(serverB)).toBe(429)
    expect(await attempt(serverA)).toBe(429)
  })
})
