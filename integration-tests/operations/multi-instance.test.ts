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
import crypto from "crypto"
import Redis from "ioredis"
import { sqlOn, testEnv } from "../helpers/env"
import { Instance, metricValue, startInstance } from "../helpers/instances"
import {
  adminToken,
  BATCH_SIZE,
  Cluster,
  EVERY_SECONDS,
  forecastRun,
  METRICS_TOKEN,
  PREFIX,
  scrape,
  stored,
  useCluster,
} from "./cluster"
import { placeOrder } from "../helpers/orders"
import { visibleWithin } from "../catalogue/helpers"
import { sleep, until } from "../helpers/poll"

const redisUrl = testEnv().redisUrl
let c: Cluster
const describeWithRedis = redisUrl ? describe : describe.skip
if (!redisUrl) {
  console.warn(
    "multi-instance test skipped: REDIS_URL is not set or does not answer (instances share events, jobs, cache and throttling through Redis)"
  )
}

const query = <T = any>(text: string, params: unknown[] = []) =>
  sqlOn<T>(c.db.url, text, params)

describeWithRedis(
  "two servers and two workers on one database and Redis",
  () => {
    c = useCluster(redisUrl as string)

    it("serves HTTP on the servers; the workers answer their liveness probe and metrics", async () => {
      const token = await adminToken(c.serverA)
      const onServer = await fetch(`${c.serverB.baseUrl}/admin/orion/runs`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(onServer.status).toBe(200)
      expect((await fetch(`${c.worker.baseUrl}/health`)).status).toBe(200)
      expect(
        (
          await fetch(`${c.worker.baseUrl}/metrics`, {
            headers: { authorization: `Bearer ${METRICS_TOKEN}` },
          })
        ).status
      ).toBe(200)
      expect((await fetch(`${c.workerB.baseUrl}/health`)).status).toBe(200)
    })

    it("runs a scheduled job once per due time, on the workers only", async () => {
      const since = new Date()
      const count = () =>
        Promise.all(
          [c.worker, c.workerB, c.serverA, c.serverB].map(async (i) =>
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
          [c.worker, c.workerB, c.serverA, c.serverB].map(async (i) =>
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
        c.serverA.baseUrl
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
      expect(await priceOn(c.serverB)).toBe(Number(target.amount))
      expect(await priceOn(c.serverB)).toBe(Number(target.amount))
      expect(await priceOn(c.serverA)).toBe(Number(target.amount))
      const amount = Number(target.amount) + 1230
      const token = await adminToken(c.serverA)
      const res = await fetch(
        `${c.serverA.baseUrl}/admin/products/${target.product_id}/variants/${target.variant_id}`,
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
        async () => (await priceOn(c.serverB)) === amount
      )
      expect(delay).toBeLessThanOrEqual(1000)
      expect(await priceOn(c.serverA)).toBe(amount)
    })

    it("shares the store cache: a listing answered by A is served by B from Redis, same body and ETag", async () => {
      const [{ id: vehicle }] = await query<{ id: string }>(
        `SELECT f.vehicle_id AS id FROM fitment f GROUP BY f.vehicle_id ORDER BY count(*) DESC LIMIT 1`
      )
      // a page no test has asked for: neither instance has it in memory
      const path = `/store/products?vehicle_id=${vehicle}&limit=3&offset=1&fields=id,title`
      const onA = await fetch(`${c.serverA.baseUrl}${path}`)
      expect(onA.status).toBe(200)
      expect(onA.headers.get("x-catalogue")).toBe("model")
      const body = await onA.text()
      expect(JSON.parse(body).products).toHaveLength(3)
      // A writes it to Redis after answering; B is asked once it is there (B's first read of it)
      const redis = new Redis(redisUrl as string)
      try {
        await until(
          "A's answer in Redis",
          async () =>
            (
              await redis.keys(
                `${PREFIX}catalogue:L:*limit="3"&offset="1"&vehicle_id="${vehicle}"`
              )
            ).length > 0,
          { within: 5000, every: 50 }
        )
      } finally {
        redis.disconnect()
      }
      const shared = await fetch(`${c.serverB.baseUrl}${path}`)
      expect(shared.status).toBe(200)
      expect(shared.headers.get("x-catalogue")).toBe("cache")
      expect(shared.headers.get("etag")).toBe(onA.headers.get("etag"))
      expect(await shared.text()).toBe(body)
    })

    it("counts failed logins across instances: the account is locked on B after failures on A and B", async () => {
      const email = `locked-${crypto.randomBytes(4).toString("hex")}@multi.shabou.tn`
      const attempt = (instance: Instance) =>
        fetch(`${instance.baseUrl}/admin/auth/token`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password: "wrong-password" }),
        }).then((r) => r.status)
      expect(await attempt(c.serverA)).toBe(401)
      expect(await attempt(c.serverA)).toBe(401)
      expect(await attempt(c.serverB)).toBe(401)
      expect(await attempt(c.serverB)).toBe(401)
      // the fifth failure overall: refused on either instance
      expect(await attempt(c.serverB)).toBe(429)
      expect(await attempt(c.serverA)).toBe(429)
    })

    /** a Sunday before any order the tests place: both forecast runs read the same history */
    const AS_OF = "2026-11-29"
    let distributedRun: any

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
        outcome = await forecastRun(AS_OF, c.serverA)
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
      expect(pids.sort()).toEqual([c.worker.pid, c.workerB.pid].sort())
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
      c.local = await startInstance("multi-local", {
        ...c.common,
        REDIS_URL: undefined,
        REDIS_PREFIX: undefined,
        MEDUSA_WORKER_MODE: "shared",
        SEED_DEMO: "false",
      })
      const { run, batches } = await forecastRun(AS_OF, c.local)
      expect(run.error).toBeNull()
      expect(run.status).toBe("succeeded")
      expect(batches.workers).toEqual({
        [Object.keys(batches.workers)[0]]: batches.total,
      })
      expect(Number(Object.keys(batches.workers)[0].split(":")[1])).toBe(
        c.local.pid
      )
      const [a, b] = await Promise.all([
        stored(c.db.url, distributedRun.id),
        stored(c.db.url, run.id),
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
        const { run, batches } = await forecastRun(AS_OF, c.serverB)
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
      const again = await forecastRun(AS_OF, c.serverB)
      expect(again.run.status).toBe("succeeded")
    }, 900000)
  }
)
