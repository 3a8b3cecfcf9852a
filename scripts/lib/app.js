/**
 * Boots the real Medusa server in this process: migrations, loaders (core +
 * project + plugins), demo seed when the database is empty, the admin user,
 * then HTTP on `port`. Used by `npm start` and by the integration tests.
 */
const path = require("path")
const { spawn } = require("child_process")
const { assertProductionSecrets } = require("./secrets")
const { createSecurity } = require("./security")
const { createObservability } = require("./observability")

const ROOT = path.resolve(__dirname, "..", "..")

/** Key of the advisory lock that lets one instance at a time run the migrations (several boot together). */
const MIGRATION_LOCK = 72_616_100

function spawnMigrations({ env, log }) {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "@medusajs", "medusa", "cli.js"),
        "migrations",
        "run",
      ],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }
    )
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.on("close", (code) => {
      if (
        code === 0 &&
        !/error/i.test(
          output
            .split("\n")
            .filter((l) => /Error:/.test(l))
            .join("")
        )
      ) {
        log(
          `migrations up to date (${((Date.now() - started) / 1000).toFixed(1)} s)`
        )
        resolve()
      } else {
        reject(
          new Error(
            `medusa migrations run failed (exit ${code}):\n${output.slice(-4000)}`
          )
        )
      }
    })
  })
}

/** Key of the advisory lock that lets one instance at a time seed the demo shop (two workers starting together). */
const SEED_LOCK = 72_616_101

/**
 * Runs `fn` holding a PostgreSQL session advisory lock on `key` (its own connection), so instances that boot
 * together take turns; without the lock (the database refused it) `fn` runs anyway.
 */
async function withAdvisoryLock(
  key,
  what,
  fn,
  { env = process.env, log = console.log } = {}
) {
  const { Client } = require("pg")
  const client = new Client({
    connectionString: env.DATABASE_URL,
    ...(env.DATABASE_SSL === "true"
      ? { ssl: { rejectUnauthorized: false } }
      : {}),
  })
  let locked = false
  try {
    await client.connect()
    await client.query("SELECT pg_advisory_lock($1)", [key])
    locked = true
  } catch (e) {
    log(`${what}: no lock (${e.message}); running anyway`)
  }
  try {
    return await fn()
  } finally {
    if (locked) {
      await client
        .query("SELECT pg_advisory_unlock($1)", [key])
        .catch(() => undefined)
    }
    await client.end().catch(() => undefined)
  }
}

/**
 * Runs Medusa's migrations (core and plugins). Instances that boot together (docker compose with
 * several `server`s and `worker`s) take turns: the first migrates, the others find nothing to do.
 */
async function runMigrations({ env = process.env, log = console.log } = {}) {
  await withAdvisoryLock(
    MIGRATION_LOCK,
    "migrations",
    () => spawnMigrations({ env, log }),
    { env, log }
  )
}

async function ensureAdminUser(
  container,
  { email, password, log = console.log }
) {
  const userService = container.resolve("userService")
  const existing = await userService.retrieveByEmail(email).catch(() => null)
  if (existing) {
    return { user: existing, created: false }
  }
  try {
    const user = await userService.create(
      { email, role: "admin", first_name: "Admin" },
      password
    )
    log(`created admin user ${email}`)
    return { user, created: true }
  } catch (e) {
    // another instance booting at the same time created it first
    const user = await userService.retrieveByEmail(email).catch(() => null)
    if (user) {
      return { user, created: false }
    }
    throw e
  }
}

/**
 * Stops what polls or takes work in the background before Medusa closes the database: the event bus's
 * staged-job enqueuer (it reads `staged_job` every 3 s; stopped after the database closed, its next read
 * logged "Failed to fetch jobs: Driver not Connected"), the scheduled-jobs consumer and the forecast-batch
 * consumer (a job already running finishes first). Waits at most `limitMs`.
 */
async function stopBackgroundWork(container, limitMs) {
  const stops = []
  const call = (name, stop) => {
    if (container.hasRegistration(name)) {
      stops.push(
        Promise.resolve()
          .then(() => stop(container.resolve(name)))
          .catch(() => undefined)
      )
    }
  }
  call("eventBusService", (s) => s.stopEnqueuer?.())
  call("jobSchedulerService", (s) => s.worker_?.close())
  call("orionForecastBatchService", (s) => s.close())
  let timer
  const limit = new Promise((resolve) => (timer = setTimeout(resolve, limitMs)))
  await Promise.race([Promise.all(stops), limit])
  clearTimeout(timer)
}

/**
 * @param {object} opts
 * @param {number} opts.port
 * @param {boolean} [opts.seed] seed the demo catalogue when the database is empty
 * @param {string} opts.adminEmail
 * @param {string} opts.adminPassword
 */
async function startServer(opts) {
  const {
    port,
    seed = true,
    adminEmail,
    adminPassword,
    log = console.log,
  } = opts
  assertProductionSecrets(process.env)
  process.env.MEDUSA_DISABLE_TELEMETRY =
    process.env.MEDUSA_DISABLE_TELEMETRY || "true"
  await runMigrations({ log })

  const express = require("express")
  const loaders = require("@medusajs/medusa/dist/loaders").default
  const { GracefulShutdownServer } = require("medusa-core-utils")
  const app = express()
  const observability = createObservability({ env: process.env, log })
  observability.before(app)
  const security = createSecurity({ env: process.env, log })
  security.before(app)
  observability.routes(app)
  // the store's product reads, answered before Medusa's session and passport when a plugin offers
  // them (plugins/search: api/read-path-first.ts); filled once Medusa is loaded
  const first = express.Router()
  app.use(first)
  const started = Date.now()
  const { container, shutdown, prepareShutdown } = await loaders({
    directory: ROOT,
    expressApp: app,
    isTest: false,
  })
  security.after(app)
  observability.attach(container)
  if (container.hasRegistration("catalogueReadPathFirst")) {
    container.resolve("catalogueReadPathFirst")(first)
  }
  log(`Medusa loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  if (seed) {
    // two workers starting together on an empty database: the second waits, then finds the demo shop there
    const { seedDemo } = require("./seed")
    const { seeded } = await withAdvisoryLock(
      SEED_LOCK,
      "demo seed",
      () => seedDemo(container, { log }),
      { log }
    )
    if (seeded && container.hasRegistration("searchDocumentsService")) {
      // the store listings read the search documents (plugins/search): the demo's products are in them
      // before the server answers, not at the refresh loop's next ticks (the first listing was empty),
      // including a batch the refresh loop took meanwhile (settle waits for its commit)
      const since = Date.now()
      const built = await container.resolve("searchDocumentsService").settle()
      log(
        `search documents of the demo catalogue: ${built} in ${((Date.now() - since) / 1000).toFixed(1)} s`
      )
    }
  }
  if (adminEmail) {
    await ensureAdminUser(container, {
      email: adminEmail,
      password: adminPassword,
      log,
    })
  }

  const server = await new Promise((resolve, reject) => {
    const httpServer = app.listen(port, "0.0.0.0")
    // Keep idle connections open longer than clients and proxies do (Node's 5 s default makes a
    // client that reuses a keep-alive socket at the wrong moment fail with "other side closed").
    httpServer.keepAliveTimeout = 65000
    httpServer.headersTimeout = 66000
    httpServer.once("listening", () =>
      resolve(GracefulShutdownServer.create(httpServer))
    )
    httpServer.once("error", reject)
  })

  // the catalogue read model renders product bodies through this server (plugins/search); a worker has
  // no store routes, so the servers render them
  if (
    container.hasRegistration("catalogueRendererService") &&
    observability.settings.workerMode !== "worker"
  ) {
    container
      .resolve("catalogueRendererService")
      .attachServer(`http://127.0.0.1:${server.address().port}`)
  }

  // forecast batches (plugins/orion): with Redis every `worker` and `shared` instance takes them from the queue
  if (
    container.hasRegistration("orionForecastBatchService") &&
    observability.settings.workerMode !== "server"
  ) {
    if (container.resolve("orionForecastBatchService").startConsumer()) {
      log("forecast batches: taking jobs from the queue orion-forecast-batches")
    }
  }

  let closing = null
  const close = () => {
    if (!closing) {
      closing = (async () => {
        const grace = Number(process.env.SHUTDOWN_GRACE_MS || 5000)
        // requests still running after SHUTDOWN_GRACE_MS are cut (a long export must not keep Ctrl-C waiting);
        // meanwhile the background loops stop, while the database is still open
        await Promise.all([
          server.shutdown(grace).catch(() => undefined),
          stopBackgroundWork(container, grace),
        ])
        await prepareShutdown().catch(() => undefined)
        await shutdown().catch(() => undefined)
        await security.close()
        await observability.close()
      })()
    }
    return closing
  }
  return { app, container, server, port: server.address().port, close }
}

module.exports = { startServer, runMigrations, ensureAdminUser, ROOT }
