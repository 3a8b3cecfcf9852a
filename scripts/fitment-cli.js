#!/usr/bin/env node
/**
 * `npm run fitment -- import vehicles|fitments <file.csv> [--dry-run] [--skip-invalid]`
 * `npm run fitment -- export vehicles|fitments [<file.csv>]` (standard output without a file)
 *
 * Same database and configuration as `npm start`: DATABASE_URL from the environment or .env, otherwise the
 * embedded PostgreSQL in .data/postgres (started here and stopped at the end). Builds the plugins when their
 * sources changed, runs the migrations when the fitment tables are missing, then runs the compiled CLI
 * (plugins/fitment/src/cli/index.ts). Build and database messages go to stderr; the summary to stdout.
 */
const path = require("path")
const ROOT = path.resolve(__dirname, "..")
require("dotenv").config({ path: path.join(ROOT, ".env") })

const log = (m) => process.stderr.write(`[fitment] ${m}\n`)

async function run() {
  const args = process.argv.slice(2)
  const { build } = require("./build")
  const quietLog = console.log
  console.log = (...a) => process.stderr.write(`${a.join(" ")}\n`)
  try {
    await build({ ifChanged: true, admin: false })
  } finally {
    console.log = quietLog
  }
  const { ensureDatabase } = require("./lib/database")
  const db = await ensureDatabase({ log })
  let code = 1
  try {
    process.env.DATABASE_URL = db.url
    const { Client } = require("pg")
    const client = new Client({ connectionString: db.url })
    await client.connect()
    const { rows } = await client.query("SELECT to_regclass('public.fitment') IS NOT NULL AS ok")
    await client.end()
    if (!rows[0].ok) {
      log("fitment tables missing: running the migrations")
      const { runMigrations } = require("./lib/app")
      await runMigrations({ env: { ...process.env, DATABASE_URL: db.url }, log })
    }
    const { main } = require(path.join(ROOT, "plugins", "fitment", "dist", "cli"))
    code = await main(args, { databaseUrl: db.url })
  } finally {
    await db.stop().catch((e) => log(`could not stop PostgreSQL cleanly: ${e.message}`))
  }
  return code
}

run().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`[fitment] ${e.message || e}\n`)
    process.exit(e && e.name === "ConfigError" ? 2 : 1)
  }
)
