/**
 * Caddy as a reverse proxy in front of a bench's server, as deploy/Caddyfile puts it in front of each
 * `server` instance: at most `maxConns` connections to the server, the clients' requests waiting in the
 * proxy beyond that. Caddy comes from the machine (`caddy` on the PATH, e.g. Debian's package).
 */
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { spawn, spawnSync } = require("child_process")
const { freePort } = require("../../lib/database")

/** Is `caddy` on the PATH? */
function caddyInstalled() {
  return spawnSync("caddy", ["version"]).status === 0
}

/** Resolves true once something listens on `port` of 127.0.0.1. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    socket.once("connect", () => {
      socket.end()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}

/**
 * Starts Caddy on a free port in front of 127.0.0.1:`port`; `{ port, url, stop }`. Throws when Caddy is
 * not installed or does not listen within 10 s.
 */
async function startCaddy(port, { maxConns = 32 } = {}) {
  if (!caddyInstalled()) {
    throw new Error("caddy is not on the PATH (Debian: apt-get install caddy)")
  }
  const listen = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-caddy-"))
  const config = path.join(dir, "Caddyfile")
  fs.writeFileSync(
    config,
    [
      "{",
      "\tadmin off",
      "}",
      `:${listen} {`,
      `\treverse_proxy 127.0.0.1:${port} {`,
      "\t\ttransport http {",
      `\t\t\tmax_conns_per_host ${maxConns}`,
      "\t\t}",
      "\t}",
      "}",
      "",
    ].join("\n")
  )
  const caddy = spawn(
    "caddy",
    ["run", "--config", config, "--adapter", "caddyfile"],
    { stdio: "ignore" }
  )
  const stop = async () => {
    caddy.kill()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  for (let i = 0; i < 100; i++) {
    if (await listening(listen)) {
      return { port: listen, url: `http://127.0.0.1:${listen}`, stop }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await stop()
  throw new Error("caddy did not listen within 10 s")
}

module.exports = { caddyInstalled, startCaddy }
