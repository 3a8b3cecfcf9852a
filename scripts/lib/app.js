/**
 * Boots the real Medusa server in this process: migrations, loaders (core +
 * project + plugins), demo seed when the database is empty, the admin user,
 * then HTTP on `port`. Used by `npm start` and by the integration tests.
 */
const path = require("path")
const { spawn } = require("child_process")
const { assertProductionSecrets } = require("./secrets")
const { createSecurity } = require("./security")

const ROOT = path.resolve(__dirname, "..", "..")

function runMigrations({ env = process.env, log = console.log } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules", "@medusajs", "medusa", "cli.js"), "migrations", "run"],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }
    )
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.on("close", (code) => {
      if (code === 0 && !/error/i.test(output.split("\n").filter((l) => /Error:/.test(l)).join(""))) {
        log(`migrations up to date (${((Date.now() - started) / 1000).toFixed(1)} s)`)
        resolve()
      } else {
        reject(new Error(`medusa migrations run failed (exit ${code}):\n${output.slice(-4000)}`))
      }
    })
  })
}

async function ensureAdminUser(container, { email, password, log = console.log }) {
  const userService = container.resolve("userService")
  const existing = await userService.retrieveByEmail(email).catch(() => null)
  if (existing) {
    return { user: existing, created: false }
  }
  const user = await userService.create({ email, role: "admin", first_name: "Admin" }, password)
  log(`created admin user ${email}`)
  return { user, created: true }
}

/**
 * @param {object} opts
 * @param {number} opts.port
 * @param {boolean} [opts.seed] seed the demo catalogue when the database is empty
 * @param {string} opts.adminEmail
 * @param {string} opts.adminPassword
 */
async function startServer(opts) {
  const { port, seed = true, adminEmail, adminPassword, log = console.log } = opts
  assertProductionSecrets(process.env)
  process.env.MEDUSA_DISABLE_TELEMETRY = process.env.MEDUSA_DISABLE_TELEMETRY || "true"
  await runMigrations({ log })

  const express = require("express")
  const loaders = require("@medusajs/medusa/dist/loaders").default
  const { GracefulShutdownServer } = require("medusa-core-utils")
  const app = express()
  const security = createSecurity({ env: process.env, log })
  security.before(app)
  const started = Date.now()
  const { container, shutdown, prepareShutdown } = await loaders({
    directory: ROOT,
    expressApp: app,
    isTest: false,
  })
  security.after(app)
  log(`Medusa loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  if (seed) {
    const { seedDemo } = require("./seed")
    await seedDemo(container, { log })
  }
  if (adminEmail) {
    await ensureAdminUser(container, { email: adminEmail, password: adminPassword, log })
  }

  const server = await new Promise((resolve, reject) => {
    const httpServer = app.listen(port, "0.0.0.0")
    // Keep idle connections open longer than clients and proxies do (Node's 5 s default makes a
    // client that reuses a keep-alive socket at the wrong moment fail with "other side closed").
    httpServer.keepAliveTimeout = 65000
    httpServer.headersTimeout = 66000
    httpServer.once("listening", () => resolve(GracefulShutdownServer.create(httpServer)))
    httpServer.once("error", reject)
  })

  // the catalogue read model renders product bodies through this server (plugins/search)
  if (container.hasRegistration("catalogueService")) {
    container.resolve("catalogueService").attachServer(`http://127.0.0.1:${server.address().port}`)
  }

  let closing = null
  const close = () => {
    if (!closing) {
      closing = (async () => {
        // requests still running after SHUTDOWN_GRACE_MS are cut (a long export must not keep Ctrl-C waiting)
        await server.shutdown(Number(process.env.SHUTDOWN_GRACE_MS || 5000)).catch(() => undefined)
        await prepareShutdown().catch(() => undefined)
        await shutdown().catch(() => undefined)
        await security.close()
      })()
    }
    return closing
  }
  return { app, container, server, port: server.address().port, close }
}

module.exports = { startServer, runMigrations, ensureAdminUser, ROOT }
