#!/usr/bin/env node
/**
 * `npm start`: the whole backend with one command.
 *
 * 1. builds what changed (project, plugins, admin UI);
 * 2. uses DATABASE_URL, or starts the embedded PostgreSQL (.data/postgres);
 * 3. runs every migration, seeds the demo catalogue when the database is empty,
 *    creates the admin user from MEDUSA_ADMIN_EMAIL / MEDUSA_ADMIN_PASSWORD;
 * 4. serves the Store API, the Admin API and the admin UI (/app) on PORT;
 * 5. stops everything, the embedded PostgreSQL included, on Ctrl-C / SIGTERM.
 */
const path = require("path")
const ROOT = path.resolve(__dirname, "..")
require("dotenv").config({ path: path.join(ROOT, ".env") })

const {
  ConfigError,
  ensureDatabase,
  portInUse,
  redact,
} = require("./lib/database")
const { checkRedis } = require("./lib/redis")
const { defaults } = require("./lib/defaults")
const { assertProductionSecrets } = require("./lib/secrets")

// plain lines until the build is ready, then JSON lines with LOG_FORMAT=json (secrets redacted either way)
let log = (message) => console.log(`[shabou] ${message}`)
/** Longest wait for the server to close on Ctrl-C before the database is stopped regardless. */
const CLOSE_LIMIT_MS = 15000

async function main() {
  const settings = defaults(process.env)
  Object.assign(process.env, settings)
  if (
    !["", "text", "json"].includes((process.env.LOG_FORMAT || "").toLowerCase())
  ) {
    throw new ConfigError(
      `LOG_FORMAT must be "text" or "json", got "${process.env.LOG_FORMAT}"`
    )
  }
  assertProductionSecrets(process.env)
  const port = Number(settings.PORT)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(
      `PORT must be a number between 1 and 65535, got "${settings.PORT}"`
    )
  }
  if (await portInUse(port)) {
    throw new ConfigError(
      `Port ${port} is already in use (another "npm start" or another program?). Stop it or choose another PORT, e.g. PORT=9001 npm start`
    )
  }

  if (process.env.REDIS_URL) {
    await checkRedis(process.env.REDIS_URL)
    log(
      `Redis: ${redact(process.env.REDIS_URL)} (event bus, cache, sessions, scheduled jobs ON)`
    )
  } else {
    log(
      "Redis: not configured, so the local event bus and in-memory cache are used and scheduled jobs are OFF. " +
        "Set REDIS_URL=redis://127.0.0.1:6379 to turn them on."
    )
  }

  const { build } = require("./build")
  const buildStarted = Date.now()
  await build({ ifChanged: true, admin: process.env.ADMIN_SERVE !== "false" })
  // @shabou/ops (built above) redacts and formats the log lines
  try {
    log = require("./lib/observability").createLog(process.env)
  } catch (e) {
    throw new ConfigError(e.message)
  }
  log(`build ready (${((Date.now() - buildStarted) / 1000).toFixed(1)} s)`)

  // start.js stops the server first and the database after it, on Ctrl-C / SIGTERM (below)
  const db = await ensureDatabase({ log, handleSignals: false })
  process.env.DATABASE_URL = db.url
  log(
    db.embedded
      ? `database: embedded PostgreSQL on 127.0.0.1:${db.port} (data in ${process.env.EMBEDDED_POSTGRES_DIR || ".data/postgres"})`
      : `database: ${redact(db.url)}`
  )

  let app
  const stop = async (code) => {
    try {
      if (app) {
        // the server closes within the grace time of its requests; past CLOSE_LIMIT_MS the
        // database is stopped and the process exits anyway
        const limit = new Promise((resolve) =>
          setTimeout(() => resolve("timeout"), CLOSE_LIMIT_MS).unref()
        )
        if ((await Promise.race([app.close(), limit])) === "timeout") {
          console.error(
            `[shabou] the server did not close within ${CLOSE_LIMIT_MS / 1000} s: stopping anyway`
          )
        }
      }
    } finally {
      await db
        .stop()
        .catch((e) =>
          console.error(`could not stop PostgreSQL cleanly: ${e.message}`)
        )
      if (db.embedded) {
        log("embedded PostgreSQL stopped")
      }
      process.exit(code)
    }
  }
  let stopping = false
  // SIGHUP: the terminal was closed
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (stopping) {
        // a second Ctrl-C: stop the database now and leave
        log(`${signal} received again: stopping PostgreSQL and exiting now`)
        db.stop().finally(() => process.exit(130))
        return
      }
      stopping = true
      log(`${signal} received: shutting down`)
      stop(0)
    })
  }

  try {
    const { startServer } = require("./lib/app")
    app = await startServer({
      port,
      seed: process.env.SEED_DEMO !== "false",
      adminEmail: settings.MEDUSA_ADMIN_EMAIL,
      adminPassword: settings.MEDUSA_ADMIN_PASSWORD,
      log,
    })
  } catch (e) {
    console.error(`[shabou] startup failed: ${e.message}`)
    await stop(1)
    return
  }

  const base = `http://localhost:${port}`
  console.log(
    [
      "",
      "  Shabou Auto Pièces backend is ready",
      `  Store API   ${base}/store/products`,
      `  Admin API   ${base}/admin`,
      `  Admin UI    ${base}/app`,
      `  Health      ${base}/health`,
      `  Admin login ${settings.MEDUSA_ADMIN_EMAIL} / ${settings.MEDUSA_ADMIN_PASSWORD === defaults({}).MEDUSA_ADMIN_PASSWORD ? settings.MEDUSA_ADMIN_PASSWORD : "(MEDUSA_ADMIN_PASSWORD)"}`,
      "  Stop with Ctrl-C",
      "",
    ].join("\n")
  )
}

main().catch((e) => {
  if (e instanceof ConfigError) {
    console.error(`[shabou] configuration error: ${e.message}`)
  } else {
    console.error(`[shabou] startup failed: ${e.stack || e.message}`)
  }
  process.exit(1)
})
