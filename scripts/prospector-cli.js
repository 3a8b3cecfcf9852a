#!/usr/bin/env node
/**
 * `npm run prospector -- <command>`: the prospector commands against the same
 * database and configuration as `npm start` (DATABASE_URL from the environment
 * or .env, otherwise the embedded PostgreSQL of .data/postgres), inside a
 * booted Medusa container (plugins/prospector/src/cli/index.ts).
 *
 *   search --query "<text>" --city <name>   export --out <file.csv>   watch   report
 *
 * Redis is not used here even when REDIS_URL is set: this process must not
 * register or run the scheduled jobs of the server (a running `npm start`).
 */
const path = require("path")
const ROOT = path.resolve(__dirname, "..")
require("dotenv").config({ path: path.join(ROOT, ".env") })

const { defaults } = require("./lib/defaults")

async function main() {
  Object.assign(process.env, defaults(process.env))
  process.env.MEDUSA_DISABLE_TELEMETRY = process.env.MEDUSA_DISABLE_TELEMETRY || "true"
  delete process.env.REDIS_URL
  const argv = process.argv.slice(2)

  const { build } = require("./build")
  await build({ ifChanged: true, admin: false, quiet: true })
  const cli = require(path.join(ROOT, "plugins", "prospector", "dist", "cli", "index.js"))
  try {
    cli.parseCommand(argv) // usage errors before booting anything
  } catch (e) {
    console.error(e.message)
    return 2
  }

  const { ensureDatabase } = require("./lib/database")
  const db = await ensureDatabase({ log: (m) => console.error(`[prospector] ${m}`) })
  process.env.DATABASE_URL = db.url
  let shutdown = null
  try {
    const { runMigrations } = require("./lib/app")
    await runMigrations({ log: (m) => console.error(`[prospector] ${m}`) })
    const express = require("express")
    const loaders = require("@medusajs/medusa/dist/loaders").default
    const booted = await loaders({ directory: ROOT, expressApp: express(), isTest: false })
    shutdown = booted.shutdown
    const tty = process.stderr.isTTY
    return await cli.run(argv, booted.container, {
      log: (line) => console.log(line),
      progress: (line) => (tty ? process.stderr.write(`\r\x1b[2K${line}`) : console.error(line)),
    }).finally(() => tty && process.stderr.write("\n"))
  } finally {
    if (shutdown) {
      await shutdown().catch(() => undefined)
    }
    await db.stop().catch(() => undefined)
  }
}

main()
  .then((code) => process.exit(typeof code === "number" ? code : 0))
  .catch((e) => {
    console.error(e.message)
    process.exit(1)
  })
