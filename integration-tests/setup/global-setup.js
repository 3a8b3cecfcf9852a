/**
 * Integration-test setup: a fresh database (on DATABASE_URL's server when it
 * answers, otherwise an embedded PostgreSQL), Redis when REDIS_URL answers
 * (under a prefix of its own), the project built, and the real Medusa server
 * started as a child process on a free port. Nothing fixed: it runs beside a
 * running `npm start` of the same clone.
 */
const fs = require("fs")
const path = require("path")
const crypto = require("crypto")
const { spawn } = require("child_process")

const ROOT = path.resolve(__dirname, "..", "..")
const { createTestDatabase, freePort } = require("../../scripts/lib/database")
const { isRedisReachable } = require("../../scripts/lib/redis")
const { build } = require("../../scripts/build")

const log = (m) => process.stdout.write(`[integration] ${m}\n`)

module.exports = async function globalSetup() {
  const started = Date.now()
  await build({ ifChanged: true, admin: false })

  const db = await createTestDatabase({ log })
  const runId = crypto.randomBytes(4).toString("hex")
  let redisUrl = process.env.REDIS_URL
  if (redisUrl && !(await isRedisReachable(redisUrl))) {
    log(`REDIS_URL ${redisUrl} does not answer: the tests run without Redis`)
    redisUrl = undefined
  }
  const port = await freePort()
  const env = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: db.url,
    PORT: String(port),
    REDIS_PREFIX: `shabou-test-${runId}:`,
    MEDUSA_ADMIN_EMAIL: "admin@test.shabou.tn",
    MEDUSA_ADMIN_PASSWORD: `pw-${runId}`,
    MEDUSA_DISABLE_TELEMETRY: "true",
    ADMIN_SERVE: fs.existsSync(path.join(ROOT, "build", "index.html"))
      ? "true"
      : "false",
    JWT_SECRET: `jwt-${runId}`,
    COOKIE_SECRET: `cookie-${runId}`,
    // the catalogue tests compare the read model with core: `x-catalogue-bypass: 1` answers through core
    CATALOGUE_ALLOW_BYPASS: "true",
    // listings of at most 40 products read their pages from kept ids, larger ones (every product, the large
    // categories) from the sort indexes: the demo catalogue exercises both paths against core
    CATALOGUE_KEPT_ORDER_MAX: "40",
  }
  delete env.REDIS_URL
  if (redisUrl) {
    env.REDIS_URL = redisUrl
  }
  // per-area fixtures (fake outside services) started before the server: each
  // integration-tests/<area>/fixtures.global.js may add to the server's env
  const fixtures = []
  for (const dir of fs.readdirSync(__dirname + "/..").sort()) {
    const file = path.join(__dirname, "..", dir, "fixtures.global.js")
    if (fs.existsSync(file)) {
      const fixture = require(file)
      await fixture.setup(env)
      fixtures.push(fixture)
    }
  }
  const logDir = path.join(ROOT, ".tmp")
  fs.mkdirSync(logDir, { recursive: true })
  const logFile = path.join(logDir, `integration-server-${runId}.log`)
  const out = fs.createWriteStream(logFile)
  const child = spawn(process.execPath, [path.join(__dirname, "server.js")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stderr.pipe(out)
  await new Promise((resolve, reject) => {
    let buffer = ""
    // the demo seed of a fresh database takes minutes; more on a busy machine (SHABOU_TEST_SERVER_TIMEOUT_MS)
    const readyMs = Number(process.env.SHABOU_TEST_SERVER_TIMEOUT_MS) || 600000
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `test server not ready after ${Math.round(readyMs / 60000)} min, see ${logFile}`
          )
        ),
      readyMs
    )
    child.stdout.on("data", (chunk) => {
      out.write(chunk)
      buffer += chunk.toString()
      if (buffer.includes("SHABOU_TEST_SERVER_READY")) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on("exit", (code) => {
      clearTimeout(timer)
      reject(
        new Error(
          `test server exited with ${code} before it was ready:\n${buffer.slice(-3000)}\n(see ${logFile})`
        )
      )
    })
  }).catch(async (e) => {
    child.kill("SIGKILL")
    await db.stop()
    throw e
  })
  child.stdout.pipe(out)
  child.removeAllListeners("exit")

  // the server's whole environment, for tests that start more instances of it (integration-tests/helpers/instances.ts)
  const serverEnvFile = path.join(
    logDir,
    `integration-server-env-${runId}.json`
  )
  fs.writeFileSync(serverEnvFile, JSON.stringify(env), { mode: 0o600 })
  const testEnv = {
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: db.url,
    redisUrl: redisUrl || null,
    redisPrefix: env.REDIS_PREFIX,
    adminEmail: env.MEDUSA_ADMIN_EMAIL,
    adminPassword: env.MEDUSA_ADMIN_PASSWORD,
    serverLog: logFile,
    serverEnvFile,
  }
  process.env.SHABOU_TEST_ENV = JSON.stringify(testEnv)
  globalThis.__SHABOU_TEST__ = { child, db, fixtures, serverEnvFile }
  log(
    `server ready on ${testEnv.baseUrl} (${db.embedded ? "embedded PostgreSQL" : "PostgreSQL from DATABASE_URL"}, ${redisUrl ? "Redis" : "no Redis"}) in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}
