#!/usr/bin/env node
/**
 * The real server of a benchmark in its own process: scripts/lib/app.js startServer (what `npm start`
 * runs once the build and the database are ready) on PORT with DATABASE_URL, the demo seed when the
 * database is empty (SEED_DEMO=false skips it), the admin user MEDUSA_ADMIN_EMAIL / MEDUSA_ADMIN_PASSWORD.
 * SIGTERM / SIGINT stop it cleanly.
 */
const { startServer } = require("../../lib/app")
const { defaults } = require("../../lib/defaults")

// the log of `npm start` (scripts/start.js): lines written without blocking the server
const log = require("../../lib/observability").createLog(process.env, {
  prefix: "[bench-server]",
})

async function main() {
  const settings = defaults(process.env)
  Object.assign(process.env, settings)
  const app = await startServer({
    port: Number(settings.PORT),
    seed: process.env.SEED_DEMO !== "false",
    adminEmail: settings.MEDUSA_ADMIN_EMAIL,
    adminPassword: settings.MEDUSA_ADMIN_PASSWORD,
    log,
  })
  let stopping = false
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (!stopping) {
        stopping = true
        log(`${signal} received: shutting down`)
        app.close().finally(() => process.exit(0))
      }
    })
  }
  log(`ready on port ${app.port}`)
}

main().catch((e) => {
  console.error(`[bench-server] startup failed: ${e.stack || e.message}`)
  process.exit(1)
})
