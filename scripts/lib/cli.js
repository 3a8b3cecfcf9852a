/**
 * The launch contract of every command-line tool (`npm run fitment|prospector|orion|search:reindex|
 * catalogue:rebuild|db:backup|db:restore|migrate|seed`), one place:
 *
 * - configuration as `npm start` reads it (.env, then the documented defaults);
 * - the arguments are checked before anything slow: a bad one exits 2 with one line (and the usage);
 * - the plugins are built when their sources changed (messages on stderr);
 * - the database is DATABASE_URL's, else the embedded PostgreSQL that `npm start` (or another command)
 *   runs on the same data folder, else an embedded PostgreSQL started for the command and stopped at
 *   its end (also on Ctrl-C);
 * - the migrations run when this command started the database itself, or when the tables it needs are
 *   missing (a running server has run them);
 * - progress goes to stderr (one rewritten line on a terminal, a line every few seconds otherwise),
 *   results to stdout; a failure exits 1 with one line (the stack with DEBUG=1).
 */
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")

/** A mistake in how the command was called: exit 2 with this one line. */
class UsageError extends Error {
  constructor(message) {
    super(message)
    this.name = "UsageError"
  }
}

/** A failure to report as one line (no stack): exit 1. */
class CommandError extends Error {
  constructor(message) {
    super(message)
    this.name = "CommandError"
  }
}

/**
 * Progress output on stderr: on a terminal one line rewritten in place; otherwise (a log) each line,
 * or with `everyMs` a line at most that often (and always the last one, through done()).
 */
function progressLine({
  stream = process.stderr,
  everyMs = 0,
  prefix = "",
} = {}) {
  const tty = Boolean(stream.isTTY)
  let last = 0
  let pending = null
  let open = false
  return {
    update(text) {
      if (tty) {
        stream.write(`\r\x1b[2K${prefix}${text}`)
        open = true
        return
      }
      if (Date.now() - last >= everyMs) {
        last = Date.now()
        pending = null
        stream.write(`${prefix}${text}\n`)
      } else {
        pending = text
      }
    },
    done(text) {
      if (tty) {
        if (open || text) {
          stream.write(`\r\x1b[2K${text ? `${prefix}${text}` : ""}\n`)
        }
        open = false
        return
      }
      const final = text || pending
      if (final) {
        stream.write(`${prefix}${final}\n`)
      }
      pending = null
    },
  }
}

/**
 * Runs one command under the contract. `spec`:
 *   name         shown in front of every message
 *   parse(argv)  checks the arguments (throw UsageError); returns what run() gets as `args`
 *   usage        the usage line (or a function returning it), printed for --help
 *   build        build the plugins first when their sources changed (default true)
 *   parseAfterBuild  build before parse() (the arguments are checked by compiled plugin code)
 *   database     "none" | "open" (default: "open")
 *   migrate      run the migrations when this command started the database, or when one of
 *                `tables` is missing (default true)
 *   run(ctx)     does the work; ctx = { args, argv, db, log, progress, root }; returns an exit code
 */
async function runCommand(spec, argv = process.argv.slice(2)) {
  require("dotenv").config({ path: path.join(ROOT, ".env") })
  const { defaults } = require("./defaults")
  Object.assign(process.env, defaults(process.env))
  process.env.MEDUSA_DISABLE_TELEMETRY =
    process.env.MEDUSA_DISABLE_TELEMETRY || "true"
  const name = spec.name
  const log = (m) => process.stderr.write(`[${name}] ${m}\n`)

  let db = null
  let stopping = null
  const cleanUp = () => {
    if (!stopping) {
      stopping = db
        ? db
            .stop()
            .catch((e) =>
              log(`could not stop PostgreSQL cleanly: ${e.message}`)
            )
        : Promise.resolve()
    }
    return stopping
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      log(
        `${signal} received: stopping${db && db.owned ? " (and the PostgreSQL this command started)" : ""}`
      )
      cleanUp().finally(() => process.exit(130))
    })
  }

  let code = 1
  try {
    const build = async () => {
      if (spec.build !== false) {
        const { build: buildChanged } = require("../build")
        const quiet = console.log
        console.log = (...a) => process.stderr.write(`${a.join(" ")}\n`)
        try {
          await buildChanged({ ifChanged: true, admin: false, quiet: true })
        } finally {
          console.log = quiet
        }
      }
    }
    if (spec.parseAfterBuild) {
      // the arguments are checked by compiled plugin code
      await build()
    }
    const args = spec.parse ? await spec.parse(argv) : argv
    if (args && args.help) {
      process.stdout.write(
        `${typeof spec.usage === "function" ? spec.usage() : spec.usage}\n`
      )
      return exit(0)
    }
    if (!spec.parseAfterBuild) {
      await build()
    }
    if ((spec.database || "open") === "open") {
      const { openDatabase } = require("./database")
      // this process stops the database itself, after its work, on SIGINT / SIGTERM too
      db = await openDatabase({ log, handleSignals: false })
      process.env.DATABASE_URL = db.url
      if (
        spec.migrate !== false &&
        (db.owned || (await missingTables(db.url, spec.tables || [])).length)
      ) {
        const { runMigrations } = require("./app")
        await runMigrations({
          env: { ...process.env, DATABASE_URL: db.url },
          log,
        })
      }
    }
    const result = await spec.run({
      args,
      argv,
      db,
      log,
      progress: progressLine({ prefix: `[${name}] ` }),
      root: ROOT,
    })
    code = typeof result === "number" ? result : 0
  } catch (e) {
    code = report(e, name)
  }
  await cleanUp()
  return exit(code)
}

/** Those of `tables` the database at `url` lacks (plus "migrations" when Medusa never ran there). */
async function missingTables(url, tables) {
  const { withClient } = require("./database")
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      "SELECT t FROM unnest($1::text[]) t WHERE to_regclass('public.' || quote_ident(t)) IS NULL",
      [["migrations", ...tables]]
    )
    return rows.map((r) => r.t)
  })
}

function report(e, name) {
  const kinds = ["UsageError", "CommandError", "ConfigError", "CliError"]
  const known =
    e &&
    (kinds.includes(e.name) ||
      (e.constructor && kinds.includes(e.constructor.name)))
  const message = (e && e.message) || String(e)
  if (process.env.DEBUG && e && e.stack) {
    process.stderr.write(`${e.stack}\n`)
  }
  process.stderr.write(
    `[${name}] ${known ? message : `failed: ${message.split("\n")[0]}`}\n`
  )
  return e && e.name === "UsageError" ? 2 : 1
}

function exit(code) {
  // open handles (pools, Redis clients of a booted container) must not keep a finished command alive
  process.exit(code)
}

/**
 * Boots Medusa's container (core, project and plugins) on process.env.DATABASE_URL without an HTTP
 * port, without Redis (this process must not consume the server's events nor run its scheduled jobs),
 * for commands that need services. Returns { container, shutdown }.
 */
async function bootContainer() {
  delete process.env.REDIS_URL
  const express = require("express")
  const loaders = require("@medusajs/medusa/dist/loaders").default
  const booted = await loaders({
    directory: ROOT,
    expressApp: express(),
    isTest: false,
  })
  return {
    container: booted.container,
    shutdown: () => booted.shutdown().catch(() => undefined),
  }
}

/**
 * The arguments of the commands that rebuild in chunks (search:reindex, catalogue:rebuild):
 * `[--chunk N]` (products per transaction, default 5000) and `--help`.
 */
function parseChunkArgs(argv, name) {
  const out = { chunk: 5000 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === "--chunk" || a.startsWith("--chunk=")) {
      const raw = a === "--chunk" ? argv[++i] : a.slice("--chunk=".length)
      if (!/^[1-9][0-9]*$/.test(String(raw))) {
        throw new UsageError(
          `--chunk expects a positive whole number (products per transaction), got ${JSON.stringify(raw ?? "")}`
        )
      }
      out.chunk = Number(raw)
    } else if (a === "--help" || a === "-h") {
      out.help = true
    } else {
      throw new UsageError(
        `unknown argument "${a}" (usage: ${name} [--chunk N])`
      )
    }
  }
  return out
}

module.exports = {
  runCommand,
  bootContainer,
  progressLine,
  parseChunkArgs,
  UsageError,
  CommandError,
  ROOT,
}
