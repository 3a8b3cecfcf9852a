/** Connections to a PostgreSQL server named by URL. */
const { Client } = require("pg")
const { ConfigError } = require("./config-error")

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

/** Creates `database` on the server of `adminUrl` (a URL of another database) when it does not exist. */
async function createDatabaseIfMissing(adminUrl, database) {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [database]
    )
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${database}"`)
    }
  })
}

module.exports = { redact, withClient, checkExternal, createDatabaseIfMissing }
