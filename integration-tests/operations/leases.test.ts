/**
 * Run leases (issue 13): a long run holds a lease it renews while it works; a process killed with
 * kill -9 stops renewing, and within the lease's lifetime any instance releases its run (the run is
 * shown failed / interrupted) and accepts a new one. Before: a forecast run stayed "running" and new
 * runs were refused with 409 for 30 minutes.
 *
 * The killed processes are real: a node process holding a lease through @shabou/ops, and a second
 * server instance in the middle of a price-watch pass.
 */
import crypto from "crypto"
import http from "http"
import path from "path"
import { spawn, ChildProcess } from "child_process"
import { AddressInfo } from "net"
import { Pool } from "pg"
import { LeaseBusyError, RunLease } from "@shabou/ops"
import { sql, testEnv } from "../helpers/env"
import { startInstance } from "../helpers/instances"
import { adminCall } from "../helpers/http"
import { msUntil, sleep } from "../helpers/poll"

const ROOT = path.resolve(__dirname, "..", "..")
const TTL_SECONDS = 5
const settings = {
  ttlMs: TTL_SECONDS * 1000,
  renewMs: Math.floor((TTL_SECONDS * 1000) / 3),
}

let pool: Pool
const query = (text: string, params?: unknown[]) =>
  pool.query(text, params as any[]).then((r) => r.rows)

const api = (method: string, url: string, body?: unknown, baseUrl?: string) =>
  adminCall(method, url, body, { baseUrl })

/** A separate node process that takes `name` (with `runId`) and keeps renewing it until killed. */
async function holder(
  name: string,
  runId: string | null
): Promise<{ child: ChildProcess; holder: string }> {
  const script = `
    const { Pool } = require("pg")
    const { RunLease } = require("@shabou/ops")
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 })
    const query = (t, p) => pool.query(t, p).then((r) => r.rows)
    RunLease.acquire(query, process.env.LEASE_NAME, "A test run", { runId: process.env.LEASE_RUN || null })
      .then((lease) => { console.log("HELD " + lease.holder); setInterval(() => lease.assertHeld(), 200) })
      .catch((e) => { console.error(e.message); process.exit(2) })
  `
  const child = spawn(process.execPath, ["-e", script], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: testEnv().databaseUrl,
      LEASE_NAME: name,
      LEASE_RUN: runId ?? "",
      RUN_LEASE_TTL_SECONDS: String(TTL_SECONDS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let out = ""
  child.stderr!.on("data", (d) => (out += d))
  const id = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d
      const m = /HELD (\S+)/.exec(out)
      if (m) {
        resolve(m[1])
      }
    })
    child.once("exit", (code) =>
      reject(new Error(`lease holder exited with ${code}: ${out}`))
    )
  })
  child.removeAllListeners("exit")
  return { child, holder: id }
}

function kill9(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve(Date.now()))
    child.kill("SIGKILL")
  })
}

/** Polls `check` every 200 ms until it returns true; the time it took (ms), or throws after `maxMs`. */
const within = (maxMs: number, what: string, check: () => Promise<boolean>) =>
  msUntil(what, check, { within: maxMs, every: 200 })

beforeAll(async () => {
  pool = new Pool({ connectionString: testEnv().databaseUrl, max: 3 })
})

afterAll(async () => {
  await pool?.end()
})

describe("RunLease on PostgreSQL", () => {
  const name = `test-lease-${crypto.randomBytes(4).toString("hex")}`

  it("is taken by one holder at a time, renewed, and released", async () => {
    const a = await RunLease.acquire(query, name, "A test run", {
      runId: "run_a",
      settings,
    })
    await expect(
      RunLease.acquire(query, name, "A test run", { settings })
    ).rejects.toThrow(LeaseBusyError)
    await expect(
      RunLease.acquire(query, name, "A test run", { settings })
    ).rejects.toThrow(/A test run is already running \(run_a\)/)
    const [before] = await query(
      `SELECT expires_at FROM run_lease WHERE name = $1`,
      [name]
    )
    await sleep(50)
    expect(await a.renew()).toBe("renewed")
    const [after] = await query(
      `SELECT expires_at FROM run_lease WHERE name = $1`,
      [name]
    )
    expect(new Date(after.expires_at).getTime()).toBeGreaterThan(
      new Date(before.expires_at).getTime()
    )
    await a.release()
    const b = await RunLease.acquire(query, name, "A test run", { settings })
    // a holder whose lease someone else took learns it at its next renewal and stops
    await query(
      `UPDATE run_lease SET holder = 'someone-else', expires_at = now() + interval '1 minute' WHERE name = $1`,
      [name]
    )
    expect(await b.renew()).toBe("lost")
    expect(() => b.assertHeld()).toThrow(/was lost/)
    await b.release() // never deletes someone else's lease
    expect(
      await query(`SELECT holder FROM run_lease WHERE name = $1`, [name])
    ).toEqual([{ holder: "someone-else" }])
    await query(`DELETE FROM run_lease WHERE name = $1`, [name])
  })

  it("stays held past its lifetime while its process renews it, and is free within the lifetime after kill -9", async () => {
    const lease = `test-kill-${crypto.randomBytes(4).toString("hex")}`
    const { child, holder: id } = await holder(lease, null)
    await sleep(TTL_SECONDS * 1000 + 1500) // longer than the lease lives: renewals keep it
    await expect(
      RunLease.acquire(query, lease, "A test run", { settings })
    ).rejects.toThrow(LeaseBusyError)
    const [row] = await query(`SELECT holder FROM run_lease WHERE name = $1`, [
      lease,
    ])
    expect(row.holder).toBe(id)

    const killedAt = await kill9(child)
    let taken: RunLease | null = null
    const waited = await within(
      TTL_SECONDS * 1000 + 3000,
      "lease free after kill -9",
      async () => {
        taken = await RunLease.tryAcquire(query, lease, { settings })
        return taken !== null
      }
    )
    expect(Date.now() - killedAt).toBeLessThanOrEqual(TTL_SECONDS * 1000 + 3000)
    expect(waited).toBeGreaterThan(0)
    await taken!.release()
  }, 60000)
})

describe("forecast runs: a killed holder's run is failed and a new run starts", () => {
  it("answers 409 naming the run while its holder lives, then releases it within the lease's lifetime after kill -9", async () => {
    // a forecast run "in progress" in a process of its own: the lease orion's runs hold, and the run row
    const runId = `orun_killtest${crypto.randomBytes(6).toString("hex")}`
    await sql(
      `UPDATE orion_forecast_run SET status = 'failed', error = 'left by an earlier test' WHERE status = 'running'`
    )
    const { child } = await holder("orion-forecast", runId)
    await sql(
      `INSERT INTO orion_forecast_run (id, status, trigger, frequency, horizon, progress, stage, started_at)
       VALUES ($1, 'running', 'manual', 'week', 13, 0.3, 'forecasting', now())`,
      [runId]
    )
    const refused = await api("POST", "/admin/orion/runs", {})
    expect(refused.status).toBe(409)
    expect(refused.body.message).toContain(runId)
    expect(
      (await api("GET", `/admin/orion/runs/${runId}`)).body.run.status
    ).toBe("running")

    const killedAt = await kill9(child)
    await within(
      TTL_SECONDS * 1000 + 5000,
      "the killed run shown failed",
      async () => {
        const { body } = await api("GET", `/admin/orion/runs/${runId}`)
        return body.run.status === "failed"
      }
    )
    expect(Date.now() - killedAt).toBeLessThan(60000)
    const { body } = await api("GET", `/admin/orion/runs/${runId}`)
    expect(body.run.error).toMatch(/process running it stopped/)

    const started = await api("POST", "/admin/orion/runs", {})
    expect(started.status).toBe(202)
    // let it finish so that the other orion tests find no run in progress
    await within(240000, "the new forecast run finished", async () => {
      const { body: b } = await api(
        "GET",
        `/admin/orion/runs/${started.body.run.id}`
      )
      return b.run.status !== "running"
    })
  }, 300000)
})

describe("price-watch passes: an instance killed in the middle of a pass", () => {
  let hang: http.Server
  let hanging = 0
  let silent = true

  beforeAll(async () => {
    // a supplier site that never answers while `silent`: the pass waits on it until its process dies
    hang = http.createServer((req, res) => {
      if (silent) {
        hanging += 1
        return
      }
      res.writeHead(404, { "content-type": "text/plain" })
      res.end("not here")
    })
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", () => r()))
  })

  afterAll(async () => {
    hang.closeAllConnections?.()
    await new Promise((r) => hang.close(() => r(undefined)))
  })

  it("is interrupted within the lease's lifetime on the other instance, which then runs passes again", async () => {
    const [{ id: variantId }] = await sql(
      `SELECT id FROM product_variant WHERE deleted_at IS NULL ORDER BY id LIMIT 1`
    )
    const port = (hang.address() as AddressInfo).port
    const page = await api("POST", "/admin/prospector/watched-pages", {
      url: `http://127.0.0.1:${port}/p/slow-${crypto.randomBytes(3).toString("hex")}`,
      supplier: "Fournisseur muet",
      variant_id: variantId,
    })
    expect(page.status).toBe(201)
    const pageId = page.body.watched_page.id

    const other = await startInstance("lease-watch", {
      RUN_LEASE_TTL_SECONDS: String(TTL_SECONDS),
      SEED_DEMO: "false",
    })
    try {
      // the pass starts on the other instance and hangs on the silent site
      void api(
        "POST",
        "/admin/prospector/watch-runs",
        { page_ids: [pageId] },
        other.baseUrl
      ).catch(() => undefined)
      await within(
        60000,
        "the pass running on the other instance",
        async () => hanging > 0
      )
      const [run] = await sql(
        `SELECT id, status FROM prospector_run WHERE kind = 'watch' AND status = 'running' ORDER BY started_at DESC LIMIT 1`
      )
      expect(run).toBeTruthy()

      const killedAt = Date.now()
      await other.kill9()
      const refused = await api("POST", "/admin/prospector/watch-runs", {
        page_ids: [pageId],
      })
      if (Date.now() - killedAt < (TTL_SECONDS - 1) * 1000) {
        expect(refused.status).toBe(400)
        expect(refused.body.message).toMatch(
          /A price-watch pass is already running .*released at the latest/
        )
      }
      await within(
        TTL_SECONDS * 1000 + 5000,
        "the killed pass shown interrupted",
        async () => {
          const { body } = await api("GET", `/admin/prospector/runs/${run.id}`)
          return body.run.status === "interrupted"
        }
      )
      expect(Date.now() - killedAt).toBeLessThan(60000)
    } finally {
      await other.stop()
    }
    // a new pass of the same page runs on this instance (the site answers now)
    silent = false
    const again = await api("POST", "/admin/prospector/watch-runs", {
      page_ids: [pageId],
    })
    expect(again.status).toBe(201)
    expect(again.body.run.status).not.toBe("running")
    await api("DELETE", `/admin/prospector/watched-pages/${pageId}`)
  }, 600000)
})
