/**
 * Metrics and request logs of the server (README "Running in production"):
 *
 * - every request is counted and timed per route pattern and status (prom-client, @shabou/ops);
 * - `GET /metrics` answers the Prometheus text format to `Authorization: Bearer $METRICS_TOKEN`;
 *   without METRICS_TOKEN the endpoint does not exist (404), so metrics are never public by mistake;
 * - with LOG_FORMAT=json, one JSON line per request (request id from scripts/lib/security.js, also in
 *   the `x-request-id` answer header) and every message of `log` as a JSON line; secrets redacted;
 * - after Medusa's loaders: the database pool, the event bus's subscribers and queues, and the
 *   scheduled jobs of `worker_mode` (a `server` instance leaves scheduled jobs to the worker).
 */
const crypto = require("crypto")
const ops = require("@shabou/ops")
const { createLog, observabilitySettings } = require("./log")

const QUEUE_STATES = ["waiting", "active", "delayed", "failed", "completed"]

function bearerMatches(header, token) {
  const match = /^Bearer\s+(.+)$/i.exec(header || "")
  if (!match) {
    return false
  }
  const given = Buffer.from(match[1].trim())
  const wanted = Buffer.from(token)
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted)
}

/**
 * @param {{ env?: NodeJS.ProcessEnv, log?: ReturnType<typeof createLog> }} [opts]
 */
function createObservability({ env = process.env, log = createLog(env) } = {}) {
  const settings = observabilitySettings(env)
  ops.collectProcessMetrics()
  const closers = []

  /** Counts and times every request; one JSON line per request in json mode. Installed first. */
  function requestMetrics(req, res, next) {
    const started = process.hrtime.bigint()
    res.on("finish", () => {
      if (req.path === "/metrics") {
        return
      }
      const status = res.statusCode
      const route = ops.routePattern(req, {
        unmatched: Boolean(res.locals && res.locals.unmatchedRoute),
      })
      const labels = { method: req.method, route, status: String(status) }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      ops.metrics.httpRequests.inc(labels)
      ops.metrics.httpDuration.observe(labels, seconds)
      if (!settings.json) {
        // the access log (Medusa's own, which printed query strings, is off: patches/@medusajs+medusa…)
        log(
          `${req.method} ${route} ${status} ${Math.round(seconds * 10000) / 10} ms id=${res.getHeader("x-request-id") || "-"}`
        )
      } else {
        // never the query string, headers, cookies or body: they carry tokens, emails and passwords
        log(`${req.method} ${route} ${status}`, {
          type: "request",
          // the id the client got in `x-request-id` (Medusa later overwrites req.requestId with one of its own)
          request_id: res.getHeader("x-request-id") || req.requestId || null,
          method: req.method,
          route,
          path: ops.normalisePath(req.originalUrl || req.url),
          status,
          duration_ms: Math.round(seconds * 10000) / 10,
          ip: req.ip,
          bytes: Number(res.getHeader("content-length")) || undefined,
          instance: settings.workerMode,
        })
      }
    })
    next()
  }

  async function metricsEndpoint(req, res, next) {
    if (!settings.metricsToken) {
      return next() // disabled: the JSON 404 of unknown routes
    }
    if (!bearerMatches(req.get("authorization"), settings.metricsToken)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"')
      return res.status(401).json({
        type: "unauthorized",
        message: "GET /metrics needs Authorization: Bearer <METRICS_TOKEN>",
      })
    }
    try {
      const { contentType, body } = await ops.scrape()
      res.setHeader("Content-Type", contentType)
      res.setHeader("Cache-Control", "no-store")
      res.send(body)
    } catch (e) {
      next(e)
    }
  }

  /** Database pool, event-bus subscribers and queues, scheduled jobs by worker mode. */
  function attach(container) {
    const manager = container.resolve("manager")
    const pool = manager?.connection?.driver?.master
    if (pool && typeof pool.totalCount === "number") {
      const g = ops.gauge(
        "shabou_db_pool_connections",
        "PostgreSQL connections of this process' pool, by state (total, idle, busy, waiting clients)",
        ["state"]
      )
      const max = ops.gauge(
        "shabou_db_pool_max",
        "Size limit of this process' PostgreSQL pool"
      )
      ops.onScrape("db-pool", () => {
        g.set({ state: "total" }, pool.totalCount)
        g.set({ state: "idle" }, pool.idleCount)
        g.set({ state: "busy" }, pool.totalCount - pool.idleCount)
        g.set({ state: "waiting" }, pool.waitingCount)
        max.set(pool.options?.max ?? 10)
      })
    }
    instrumentSubscribers(container)
    instrumentScheduledJobs(container)
    watchQueues()
    if (settings.workerMode === "server") {
      // Medusa starts a scheduled-jobs consumer in every instance (notes/medusa-v1.md §10): a `server`
      // instance leaves them to the worker, which also consumes the events
      if (container.hasRegistration("jobSchedulerService")) {
        container
          .resolve("jobSchedulerService")
          .worker_?.close()
          .catch(() => undefined)
      }
      // and every instance moves the events staged in the database (staged_job) to the Redis queue every
      // 3 s, with no lock: two instances can emit one event twice. Only the worker moves them.
      if (container.hasRegistration("eventBusService")) {
        container
          .resolve("eventBusService")
          .stopEnqueuer?.()
          .catch(() => undefined)
      }
      log(
        "worker mode server: HTTP only (events and scheduled jobs run on the worker)"
      )
    } else if (settings.workerMode === "worker") {
      log(
        "worker mode worker: events and scheduled jobs; no project API routes"
      )
    }
  }

  /** Wraps every subscriber the event bus knows, so each handled event is counted and timed. */
  function instrumentSubscribers(container) {
    if (!container.hasRegistration("eventBusModuleService")) {
      return
    }
    const bus = container.resolve("eventBusModuleService")
    const map = bus.eventToSubscribersMap_
    if (!(map instanceof Map)) {
      return
    }
    for (const [event, subscribers] of map) {
      map.set(
        event,
        subscribers.map((s) => {
          if (s.subscriber.__instrumented) {
            return s
          }
          const name = String(s.id || s.subscriber.name || "anonymous").slice(
            0,
            80
          )
          const wrapped = async (data, eventName) => {
            const end = ops.metrics.eventDuration.startTimer({
              event: eventName || event,
            })
            try {
              const out = await s.subscriber(data, eventName)
              ops.metrics.events.inc({
                event: eventName || event,
                subscriber: name,
                outcome: "succeeded",
              })
              return out
            } catch (e) {
              ops.metrics.events.inc({
                event: eventName || event,
                subscriber: name,
                outcome: "failed",
              })
              throw e
            } finally {
              end()
            }
          }
          wrapped.__instrumented = true
          return { ...s, subscriber: wrapped }
        })
      )
    }
  }

  /** Wraps the handlers of Medusa's job scheduler: runs, failures and durations per scheduled job. */
  function instrumentScheduledJobs(container) {
    if (!container.hasRegistration("jobSchedulerService")) {
      return
    }
    const handlers = container.resolve("jobSchedulerService").handlers_
    if (!(handlers instanceof Map)) {
      return
    }
    for (const [job, list] of handlers) {
      handlers.set(
        job,
        list.map((handler) => {
          if (handler.__instrumented) {
            return handler
          }
          const wrapped = async (...args) => {
            const end = ops.metrics.scheduledJobDuration.startTimer({ job })
            try {
              const out = await handler(...args)
              ops.metrics.scheduledJobs.inc({ job, outcome: "succeeded" })
              return out
            } catch (e) {
              ops.metrics.scheduledJobs.inc({ job, outcome: "failed" })
              throw e
            } finally {
              end()
            }
          }
          wrapped.__instrumented = true
          return wrapped
        })
      )
    }
  }

  /** BullMQ queues shared by every instance: jobs per state (events, scheduled jobs, forecast batches). */
  function watchQueues() {
    const redisUrl = env.REDIS_URL
    if (!redisUrl) {
      return
    }
    const { Queue } = require("bullmq")
    const Redis = require("ioredis")
    const connection = new Redis(redisUrl, {
      maxRetriesPerRequest: null,
      enableReadyCheck: false,
      lazyConnect: true,
    })
    connection.on("error", () => undefined)
    const queues = [
      // event-bus-redis: queueName with the module's prefix (its class name)
      new Queue(`${settings.redisPrefix}events-queue`, {
        connection,
        prefix: "RedisEventBusService",
      }),
      new Queue("scheduled-jobs-queue", {
        connection,
        prefix: `${env.REDIS_PREFIX || "shabou:"}JobSchedulerService`,
      }),
      // forecast runs' batches (plugins/orion, orionForecastBatchService)
      new Queue("orion-forecast-batches", {
        connection,
        prefix: `${settings.redisPrefix}bull`,
      }),
    ]
    const names = {
      "scheduled-jobs-queue": "scheduled-jobs",
      "orion-forecast-batches": "forecast-batches",
    }
    const g = ops.gauge(
      "shabou_queue_jobs",
      "BullMQ jobs per queue and state (shared by every instance)",
      ["queue", "state"]
    )
    ops.onScrape("queues", async () => {
      for (const q of queues) {
        const counts = await q.getJobCounts(...QUEUE_STATES)
        const name = names[q.name] || "events"
        for (const state of QUEUE_STATES) {
          g.set({ queue: name, state }, counts[state] || 0)
        }
      }
    })
    closers.push(async () => {
      await Promise.all(queues.map((q) => q.close().catch(() => undefined)))
      connection.disconnect()
    })
  }

  return {
    settings,
    log,
    before(app) {
      app.use(requestMetrics)
    },
    /** after the security middleware (request id), before Medusa's routes */
    routes(app) {
      app.get("/metrics", metricsEndpoint)
    },
    attach,
    async close() {
      await Promise.all(closers.map((c) => c().catch(() => undefined)))
    },
  }
}

module.exports = { createObservability, createLog, observabilitySettings }
