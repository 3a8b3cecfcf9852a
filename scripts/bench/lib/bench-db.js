/**
 * The throw-away database of a benchmark: created on DATABASE_URL's server
 * (default postgres://postgres@127.0.0.1:5432/postgres) when it answers, else in an
 * embedded PostgreSQL 15 kept in .data/bench-postgres (so that BENCH_KEEP=1 has something to keep).
 */
const path = require("path")
const { Client } = require("pg")
const { startEmbedded, withClient } = require("../../lib/database")

const ROOT = path.resolve(__dirname, "..", "..", "..")

async function answers(url) {
  try {
    await withClient(url, async () => undefined)
    return true
  } catch (e) {
    return false
  }
}

/**
 * @param {string} name database name (letters, digits, underscores)
 * @param {{ log?: (m: string) => void, embeddedFallback?: boolean }} [opts]
 * @returns {Promise<{ url: string, adminUrl: string, host: string, embedded: boolean,
 *   recreate: () => Promise<void>, exists: () => Promise<boolean>, drop: () => Promise<void>, stop: () => Promise<void> }>}
 */
async function openBenchDatabase(
  name,
  { log = () => undefined, embeddedFallback = true } = {}
) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(
      `bench database name must be lower-case letters, digits and underscores, got "${name}"`
    )
  }
  const base = new URL(
    process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres"
  )
  base.pathname = "/postgres"
  let adminUrl = base.toString()
  let embedded = null
  if (!(await answers(adminUrl))) {
    if (!embeddedFallback) {
      throw new Error(`PostgreSQL at ${base.host} does not answer`)
    }
    log(
      `PostgreSQL at ${base.host} does not answer: using an embedded PostgreSQL in .data/bench-postgres`
    )
    embedded = await startEmbedded({
      dataDir: path.join(ROOT, ".data", "bench-postgres"),
      port: 0,
      database: "postgres",
      persistent: true,
      log,
    })
    adminUrl = embedded.url
  }
  const benchUrl = new URL(adminUrl)
  benchUrl.pathname = `/${name}`
  const run = (sql) =>
    withClient(adminUrl, (c) => c.query(sql)).then(() => undefined)
  return {
    url: benchUrl.toString(),
    adminUrl,
    host: benchUrl.host,
    embedded: Boolean(embedded),
    async recreate() {
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await run(`CREATE DATABASE ${name}`)
    },
    async exists() {
      const found = await withClient(adminUrl, (c) =>
        c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])
      )
      return found.rows.length > 0
    },
    async drop() {
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
    async stop() {
      if (embedded) {
        await embedded.stop()
      }
    },
  }
}

/** A connected pg client on `url`. */
async function connect(url) {
  const client = new Client({ connectionString: url })
  await client.connect()
  return client
}

module.exports = { openBenchDatabase, connect }
