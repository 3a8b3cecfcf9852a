/**
 * More than one machine (issue 13): two `server` instances and two `worker`s (MEDUSA_WORKER_MODE) on one
 * database and one Redis, as docker-compose.yml runs them (scaled). Proves:
 * - a scheduled job runs once per due time, on the workers only;
 * - an order placed through a server is handled once (one Orion sales-history row per line item,
 *   one handling of order.placed, by a worker);
 * - a price changed through server A is in the next store reads of server B (the store cache's
 *   generations live in Redis);
 * - failed logins are counted across instances (login throttling in Redis);
 * - a forecast run started through a server is cut into batches that both workers take from the BullMQ
 *   queue, and gives the very same stored forecasts as the same run made in one process without Redis;
 *   a batch that keeps failing fails its run, after BullMQ's retries, with the batch and its error.
 *
 * The instances get a database of their own (created here on the tests' PostgreSQL, a copy of the
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
import { sleep, until } from "../helpers/poll"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createTestDatabase } = require("../../scripts/lib/database")

const redisUrl = testEnv().redisUrl
const describeWithRedis = redisUrl ? describe : describe.skip
if (!redisUrl) {
  console.warn(
    "multi-instance test skipped: REDIS_URL is not set or does not answer (instances share events, jobs, cache and throttling through Redis)"
  )
}

const METRICS_TOKEN = `metrics-${crypto.randomBytes(16).toString("hex")}`
const PREFIX = `shabou-multi-${crypto.randomBytes(4).toString("hex")}:`
const EVERY_SECONDS = 4
const ADMIN = {
  email: "admin@multi.shabou.tn",
  password: `pw-${crypto.randomBytes(6).toString("hex")}`,
}
/** variants per forecast batch: the demo's ~540 forecast variants make about 55 batches */
const BATCH_SIZE = 10

let db: { url: string; stop(): Promise<void> }
let worker: Instance
let workerB: Instance
let serverA: Instance
let serverB: Instance
/** started by the forecast test: one `shared` instance without Redis on the same database */
let local: Instance | undefined
/** the settings every instance of the file shares */
let common: Record<string, string>

async function query<T = any>(
  text: string,
  params: unknown[] = []
): Promise<T[]> {
  const client = new Client({ connectionString: db.url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end()
  }
}

async function scrape(instance: Instance): Promise<string> {
  const res = await fetch(`${instance.baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  })
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

/** Copies the shared test database into `target` (pg_dump | pg_restore); false when pg_dump is not installed. */
async function copyDatabase(source: string, target: string): Promise<boolean> {
  if (
    spawnSync("pg_dump", ["--version"]).status !== 0 ||
    spawnSync("pg_restore", ["--version"]).status !== 0
  ) {
    return false
  }
  await new Promise<void>((resolve, reject) => {
    const dump = spawn(
      "pg_dump",
      ["--format=custom", "--no-owner", "--no-privileges", source],
      { stdio: ["ignore", "pipe", "pipe"] }
    )
    const restore = spawn(
      "pg_restore",
      ["--no-owner", "--no-privileges", "--dbname", target],
      { stdio: ["pipe", "ignore", "pipe"] }
    )
    let errors = ""
    dump.stderr.on("data", (d) => (errors += d))
    restore.stderr.on("data", (d) => (errors += d))
    dump.stdout.pipe(restore.stdin)
    restore.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`pg_restore exited with ${code}: ${errors.slice(-2000)}`)
          )
    )
  }).catch(async (e) => {
    // pg_restore exits 1 on warnings it ignored (e.g. a comment on the public schema): the copy counts
    // when the shop is there
    const client = new Client({ connectionString: target })
    await client.connect()
    const { rows } = await client
      .query(`SELECT count(*)::int AS n FROM product`)
      .finally(() => client.end())
    if (!rows[0].n) {
      throw e
    }
  })
  return true
}

describeWithRedis(
  "two servers and two workers on one database and Redis",
  () => {
    beforeAll(async () => {
      db = await createTestDatabase({ log: () => undefined })
      const copied = await copyDatabase(testEnv().databaseUrl, db.url)
      common = {
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
        ORION_FORECAST_BATCH_SIZE: String(BATCH_SIZE),
      }
      // the first worker first: it migrates (and seeds the demo shop when the copy could not be made) and
      // creates the admin; then the servers and the second worker
      worker = await startInstance("multi-worker", {
        ...common,
        MEDUSA_WORKER_MODE: "worker",
        SEED_DEMO: copied ? "false" : "true",
      })
      ;[serverA, serverB, workerB] = await Promise.all([
        startInstance("multi-server-a", {
          ...common,
          MEDUSA_WORKER_MODE: "server",
          SEED_DEMO: "false",
        }),
        startInstance("multi-server-b", {
          ...common,
          MEDUSA_WORKER_MODE: "server",
          SEED_DEMO: "false",
        }),
        startInstance("multi-worker-b", {
          ...common,
          MEDUSA_WORKER_MODE: "worker",
          SEED_DEMO: "false",
        }),
      ])
    }, 1800000)

    afterAll(async () => {
      await Promise.all([
        serverA?.stop(),
        serverB?.stop(),
        worker?.stop(),
        workerB?.stop(),
        local?.stop(),
      ])
      if (redisUrl) {
        const redis = new Redis(redisUrl)
        const keys: string[] = []
        for (const pattern of [
          `${PREFIX}*`,
          `RedisEventBusService:${PREFIX}*`,
        ]) {
          let cursor = "0"
          do {
            const [next, found] = await redis.scan(
              cursor,
              "MATCH",
              pattern,
              "COUNT",
              1000
            )
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

    it("serves HTTP on the servers; the workers answer their liveness probe and metrics", async () => {
      const token = await adminToken(serverA)
      const onServer = await fetch(`${serverB.baseUrl}/admin/orion/runs`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(onServer.status).toBe(200)
      expect((await fetch(`${worker.baseUrl}/health`)).status).toBe(200)
      expect(
        (
          await fetch(`${worker.baseUrl}/metrics`, {
            headers: { authorization: `Bearer ${METRICS_TOKEN}` },
          })
        ).status
      ).toBe(200)
      expect((await fetch(`${workerB.baseUrl}/health`)).status).toBe(200)
    })

    it("runs a scheduled job once per due time, on the workers only", async () => {
      const since = new Date()
      const count = () =>
        Promise.all(
          [worker, workerB, serverA, serverB].map(async (i) =>
            metricValue(await scrape(i), "shabou_scheduled_job_runs_total", {
              job: "prospector-price-watch",
            })
          )
        )
      const before = await count()
      const windowMs = EVERY_SECONDS * 5 * 1000
      await sleep(windowMs)
      const ran = (await count()).map((n, i) => n - before[i])
      const due = Math.ceil(windowMs / (EVERY_SECONDS * 1000)) // due times in the window (5, or 6 at its edges)
      // all on the workers; the servers run none
      expect(ran[2]).toBe(0)
      expect(ran[3]).toBe(0)
      // once per due time (whichever worker takes it): two workers each running every due time would make
      // about twice as many (a pass slower than the period delays the next, so fewer may have finished inside the window)
      expect(ran[0] + ran[1]).toBeGreaterThanOrEqual(2)
      expect(ran[0] + ran[1]).toBeLessThanOrEqual(due + 1)
      const [{ n }] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM prospector_run WHERE kind = 'watch' AND trigger = 'job' AND started_at >= $1`,
        [since]
      )
      // the runs since `since` (scrapes included): at most one per due time of that longer span
      const dueSince =
        Math.ceil((Date.now() - since.getTime()) / (EVERY_SECONDS * 1000)) + 1
      expect(n).toBeGreaterThanOrEqual(1)
      expect(n).toBeLessThanOrEqual(dueSince)
    }, 120000)

    it("handles an order placed through a server once: one sales-history row per line item, order.placed handled by a worker", async () => {
      const [variant] = await query(
        `SELECT pv.id FROM product_variant pv JOIN product p ON p.id = pv.product_id
       WHERE pv.deleted_at IS NULL AND p.status = 'published' AND (pv.inventory_quantity > 5 OR NOT pv.manage_inventory OR pv.allow_backorder)
       ORDER BY pv.id LIMIT 1`
      )
      // the two workers' handlings added up, then each server's
      const handled = async () => {
        const [a, b, sa, sb] = await Promise.all(
          [worker, workerB, serverA, serverB].map(async (i) =>
            metricValue(await scrape(i), "shabou_events_handled_total", {
              event: "order.placed",
              outcome: "succeeded",
            })
          )
        )
        return [a + b, sa, sb]
      }
      const before = await handled()
      const orderId = await placeOrder(
        variant.id,
        2,
        "multi@example.tn",
        serverA.baseUrl
      )
      const rows = await until(
        "the order's sales-history rows",
        async () => {
          const found = await query(
            `SELECT variant_id, qty::float AS qty FROM orion_sales_history WHERE order_id = $1`,
            [orderId]
          )
          return found.length ? found : null
        },
        { within: 30000, every: 250 }
      )
      expect(rows).toEqual([{ variant_id: variant.id, qty: 2 }])
      await sleep(3000) // a second handling, if there were one, would have come by now
      expect(
        await query(
          `SELECT count(*)::int AS n FROM orion_sales_history WHERE order_id = $1`,
          [orderId]
        )
      ).toEqual([{ n: 1 }])
      const after = await handled()
      const subscribers = after[0] - before[0]
      expect(subscribers).toBeGreaterThanOrEqual(1) // each subscriber of order.placed once, on a worker
      expect(after[1] - before[1]).toBe(0)
      expect(after[2] - before[2]).toBe(0)
      // the same number again would mean the event was handled twice
      await sleep(3000)
      expect((await handled())[0] - before[0]).toBe(subscribers)
    }, 120000)

    it("shows a price changed through server A in server B's next reads", async () => {
      const [{ id: regionId }] = await query(
        `SELECT id FROM region WHERE currency_code = 'tnd' LIMIT 1`
      )
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
        return body.product.variants.find(
          (v: any) => v.id === target.variant_id
        )?.original_price
      }
      // both servers have the page in their caches
      expect(await priceOn(serverB)).toBe(Number(target.amount))
      expect(await priceOn(serverB)).toBe(Number(target.amount))
      expect(await priceOn(serverA)).toBe(Number(target.amount))
      const amount = Number(target.amount) + 1230
      const token = await adminToken(serverA)
      const res = await fetch(
        `${serverA.baseUrl}/admin/products/${target.product_id}/variants/${target.variant_id}`,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ prices: [{ currency_code: "tnd", amount }] }),
        }
      )
      expect(res.status).toBe(200)
      const since = Date.now()
      const delay = await visibleWithin(
        "price changed on A, read on B",
        since,
        async () => (await priceOn(serverB)) === amount
      )
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

    /** a Sunday before any order the tests place: both forecast runs read the same history */
    const AS_OF = "2026-11-29"
    let distributedRun: any

    /** Starts a weekly forecast run through `instance` and follows it through the run status API until it ends. */
    async function forecastRun(
      instance: Instance
    ): Promise<{ run: any; batches: any; stages: string[] }> {
      const headers = {
        authorization: `Bearer ${await adminToken(instance)}`,
        "content-type": "application/json",
      }
      const res = await fetch(`${instance.baseUrl}/admin/orion/runs`, {
        method: "POST",
        headers,
        body: JSON.stringify({ frequency: "week", horizon: 8, as_of: AS_OF }),
      })
      expect(res.status).toBe(202)
      const { run } = (await res.json()) as { run: { id: string } }
      const stages = new Set<string>()
      const deadline = Date.now() + 600000
      for (;;) {
        const r = await fetch(
          `${instance.baseUrl}/admin/orion/runs/${run.id}`,
          { headers }
        )
        expect(r.status).toBe(200)
        const body = (await r.json()) as { run: any; batches: any }
        stages.add(body.run.stage)
        if (body.run.status !== "running") {
          return { ...body, stages: [...stages] }
        }
        if (Date.now() > deadline) {
          throw new Error(
            `forecast run ${run.id} still running after 10 min (${body.run.stage})`
          )
        }
        await sleep(150)
      }
    }

    /** What a run stored: every forecast period and every variant's model, class, metrics and restock figures. */
    async function stored(runId: string) {
      const [periods, variants, [run]] = await Promise.all([
        query(
          `SELECT variant_id, period_index, to_char(period_start, 'YYYY-MM-DD') AS period_start, mean, calendar_multiplier,
                p10, p20, p30, p40, p50, p60, p70, p80, p90
         FROM orion_forecast WHERE run_id = $1 ORDER BY variant_id, period_index`,
          [runId]
        ),
        query(
          `SELECT variant_id, sku, category, model, segment, reason, history_periods, metrics, restock
         FROM orion_variant_forecast WHERE run_id = $1 ORDER BY variant_id`,
          [runId]
        ),
        query(
          `SELECT variant_count, alert_count, model_wins, backtest, calendar_effects, to_char(forecast_start, 'YYYY-MM-DD') AS forecast_start
         FROM orion_forecast_run WHERE id = $1`,
          [runId]
        ),
      ])
      return { periods, variants, run }
    }

    it("cuts a forecast run started through a server into batches that both workers take", async () => {
      // A batch of the demo's parts is computed in a few milliseconds: on a fast machine the worker that takes the
      // first batch could run them all before the idle one's next look at the queue (at most 1 s, `drainDelay`).
      // Each batch's write is held for a quarter of a second here, as a slower disk would, so the run lasts longer
      // than that look; the stored forecasts are unchanged (the next test compares them).
      await query(
        `CREATE FUNCTION test_slow_forecast_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.25); RETURN NULL; END $$`
      )
      await query(
        `CREATE TRIGGER test_slow_forecast_write BEFORE INSERT ON orion_forecast FOR EACH STATEMENT EXECUTE FUNCTION test_slow_forecast_write()`
      )
      let outcome: Awaited<ReturnType<typeof forecastRun>>
      try {
        outcome = await forecastRun(serverA)
      } finally {
        await query(`DROP TRIGGER test_slow_forecast_write ON orion_forecast`)
        await query(`DROP FUNCTION test_slow_forecast_write()`)
      }
      const { run, batches, stages } = outcome
      expect(run.error).toBeNull()
      expect(run.status).toBe("succeeded")
      expect(run.variant_count).toBeGreaterThan(BATCH_SIZE * 20)
      const total = Math.ceil(run.variant_count / BATCH_SIZE)
      expect(batches).toMatchObject({
        total,
        done: total,
        failed: 0,
        pending: 0,
        failure: null,
      })
      // every batch was run by one of the two workers (not by the server that started the run), and each ran some
      const pids = Object.keys(batches.workers).map((w) =>
        Number(w.split(":")[1])
      )
      expect(pids.sort()).toEqual([worker.pid, workerB.pid].sort())
      expect(
        Object.values(batches.workers as Record<string, number>).reduce(
          (a, b) => a + b,
          0
        )
      ).toBe(total)
      // the progress, batch by batch, through the run status API
      expect(
        stages.some((st) =>
          new RegExp(
            `^forecasting: \\d+/${total} batches of ${BATCH_SIZE}`
          ).test(st)
        )
      ).toBe(true)
      const [rows] = await query(
        `SELECT count(*)::int AS n, count(DISTINCT variant_id)::int AS v FROM orion_forecast WHERE run_id = $1`,
        [run.id]
      )
      expect(rows).toEqual({ n: run.variant_count * 8, v: run.variant_count })
      distributedRun = run
    }, 900000)

    it("stores the very same forecasts when the same run is made in one process without Redis", async () => {
      expect(distributedRun?.status).toBe("succeeded")
      // one `shared` instance without Redis on the same database: its runs' batches run in its own process
      local = await startInstance("multi-local", {
        ...common,
        REDIS_URL: undefined,
        REDIS_PREFIX: undefined,
        MEDUSA_WORKER_MODE: "shared",
        SEED_DEMO: "false",
      })
      const { run, batches } = await forecastRun(local)
      expect(run.error).toBeNull()
      expect(run.status).toBe("succeeded")
      expect(batches.workers).toEqual({
        [Object.keys(batches.workers)[0]]: batches.total,
      })
      expect(Number(Object.keys(batches.workers)[0].split(":")[1])).toBe(
        local.pid
      )
      const [a, b] = await Promise.all([
        stored(distributedRun.id),
        stored(run.id),
      ])
      expect(a.periods.length).toBe(distributedRun.variant_count * 8)
      expect(b.run).toEqual(a.run)
      expect(b.variants).toEqual(a.variants)
      expect(b.periods).toEqual(a.periods)
    }, 1200000)

    it("fails a run whose batch keeps failing, once BullMQ's retries are spent, naming the batch and its error", async () => {
      expect(distributedRun?.status).toBe("succeeded")
      // every write of one variant's forecasts fails (as a broken disk or constraint would), wherever it runs
      const [{ variant_id: refused }] = await query(
        `SELECT variant_id FROM orion_variant_forecast WHERE run_id = $1 ORDER BY variant_id LIMIT 1 OFFSET 25`,
        [distributedRun.id]
      )
      await query(
        `CREATE FUNCTION test_refuse_forecast() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.variant_id = '${refused}' THEN RAISE EXCEPTION 'test: forecasts of % refused', NEW.variant_id; END IF; RETURN NEW; END $$`
      )
      await query(
        `CREATE TRIGGER test_refuse_forecast BEFORE INSERT ON orion_forecast FOR EACH ROW EXECUTE FUNCTION test_refuse_forecast()`
      )
      try {
        const { run, batches } = await forecastRun(serverB)
        expect(run.status).toBe("failed")
        const total = Math.ceil(distributedRun.variant_count / BATCH_SIZE)
        expect(batches).toMatchObject({ total, failed: 1 })
        expect(batches.failure.error).toBe(
          `failed after 3 attempt(s): test: forecasts of ${refused} refused`
        )
        expect(run.error).toContain(
          `forecast batch ${batches.failure.index + 1} of ${total} (${BATCH_SIZE} variants) failed after 3 attempt(s): test: forecasts of ${refused} refused`
        )
        // run three times (the first and BullMQ's two retries), then left failed
        const [row] = await query(
          `SELECT status, attempts FROM orion_forecast_batch WHERE run_id = $1 AND "index" = $2`,
          [run.id, batches.failure.index]
        )
        expect(row).toEqual({ status: "failed", attempts: 3 })
      } finally {
        await query(`DROP TRIGGER test_refuse_forecast ON orion_forecast`)
        await query(`DROP FUNCTION test_refuse_forecast()`)
      }
      // the lease was released: the next run starts and succeeds
      const again = await forecastRun(serverB)
      expect(again.run.status).toBe("succeeded")
    }, 900000)
  }
)
