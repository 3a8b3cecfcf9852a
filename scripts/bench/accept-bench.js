#!/usr/bin/env node
/**
 * Connection benchmark (not a test): what 500 connections do to a bare Node.js HTTP server on this
 * machine, without Medusa, Express, PostgreSQL or Redis. It separates the cost of a store read from
 * what a saturated Node.js process does to connections (README, "Store read path", 500 connections).
 *
 *   1. starts, in a child process, a bare `http.createServer` that answers "OK" after burning
 *      BENCH_WORK_US µs of CPU (default 600: about our `/health` rate on this machine), listening with
 *      a backlog of BENCH_BACKLOG (default 511, Node's own);
 *   2. loads it with autocannon (the store bench's `measure`) for BENCH_DURATION seconds (default 10)
 *      at 10, then 500, then 500 connections again, with a 10 s timeout;
 *   3. when Caddy is installed (`caddy` on the PATH, e.g. Debian's package), the same three runs through
 *      a Caddy reverse proxy in front of the server, as deploy/Caddyfile sets it: at most
 *      BENCH_PROXY_CONNS (default 32) connections to the server;
 *   4. prints one row per run: req/s, p50/p95/p99, timeouts, and, from the server, the connections it
 *      had accepted during the run and the kernel's accept queue (`ss`) at mid-run.
 *
 *   npm run bench:accept       (BENCH_WORK_US=0 for a server that does no work, BENCH_PROXY=off: no Caddy)
 */
const { fork, spawnSync } = require("child_process")
const { measure } = require("./lib/load")
const { caddyInstalled, startCaddy } = require("./lib/proxy")
const { fmt } = require("./lib/store-report")

const WORK_US = Number(process.env.BENCH_WORK_US ?? 600)
const BACKLOG = Number(process.env.BENCH_BACKLOG || 511)
const DURATION = Number(process.env.BENCH_DURATION || 10)
const PROXY_CONNS = Number(process.env.BENCH_PROXY_CONNS || 32)

/** The child: a bare server, reporting its accepted connections when asked. */
function serve() {
  let accepted = 0
  const work = BigInt(WORK_US) * 1000n
  const server = require("http").createServer((req, res) => {
    const since = process.hrtime.bigint()
    while (process.hrtime.bigint() - since < work) {
      // CPU work standing for a request's handling
    }
    res.setHeader("content-type", "text/plain")
    res.end("OK")
  })
  server.on("connection", () => (accepted += 1))
  server.listen(0, "127.0.0.1", BACKLOG, () =>
    process.send({ port: server.address().port })
  )
  process.on("message", () => process.send({ accepted }))
}

/** The listening socket's accept queue: connections the kernel completed that the process has not taken. */
function acceptQueue(port) {
  const ss = spawnSync("ss", ["-Hltn", `( sport = :${port} )`], {
    encoding: "utf8",
  })
  const [queued] = (ss.stdout || "").trim().split(/\s+/).slice(1, 2)
  return queued === undefined ? null : Number(queued)
}

async function main() {
  const child = fork(__filename, ["--serve"], {
    env: { ...process.env, BENCH_WORK_US: String(WORK_US) },
  })
  const ask = () =>
    new Promise((resolve) => {
      child.once("message", resolve)
      child.send("accepted")
    })
  const { port } = await new Promise((resolve) =>
    child.once("message", resolve)
  )
  const rows = []
  const runs = async (via, target) => {
    for (const connections of [10, 500, 500]) {
      const before = (await ask()).accepted
      let queued = null
      const probe = setTimeout(
        () => (queued = acceptQueue(port)),
        (DURATION * 1000) / 2
      )
      const r = await measure({
        url: `http://127.0.0.1:${target}`,
        connections,
        duration: DURATION,
        requests: [{ path: "/" }],
      })
      clearTimeout(probe)
      const accepted = (await ask()).accepted - before
      rows.push({ ...r, via, accepted, queued })
    }
  }
  let caddy = null
  try {
    await runs("direct", port)
    if (process.env.BENCH_PROXY !== "off" && caddyInstalled()) {
      caddy = await startCaddy(port, { maxConns: PROXY_CONNS })
      await runs(`Caddy, ${PROXY_CONNS} conn. to the server`, caddy.port)
    }
  } finally {
    await caddy?.stop()
    child.kill()
  }
  console.log(
    `\nbare Node.js ${process.version} server, ${WORK_US} µs of CPU per request, backlog ${BACKLOG}, ${DURATION} s per run${caddy ? "" : " (no Caddy on the PATH: direct only)"}\n`
  )
  console.log(
    "| via | conn. | req/s | p50 ms | p95 ms | p99 ms | timeouts | connections accepted | accept queue at mid-run |"
  )
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
  for (const r of rows) {
    console.log(
      `| ${r.via} | ${r.connections} | ${fmt(r.rps, 1)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.timeouts} | ${r.accepted} | ${r.queued ?? "—"} |`
    )
  }
}

if (process.argv[2] === "--serve") {
  serve()
} else {
  main().catch((e) => {
    console.error(`[bench] ${e.message}`)
    process.exit(1)
  })
}
