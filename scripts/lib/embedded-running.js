/** Finding the embedded PostgreSQL that another command (or `npm start`) runs on a data folder. */
const fs = require("fs")
const path = require("path")
const { ConfigError } = require("./config-error")
const { EMBEDDED_PASSWORD } = require("./embedded-postgres")
const { createDatabaseIfMissing, withClient } = require("./pg-connection")

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
          await createDatabaseIfMissing(adminUrl, database)
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

module.exports = { findRunningEmbedded }
