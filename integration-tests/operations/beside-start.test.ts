/**
 * The owner's everyday commands beside a running shop (issue 13): the real start script (`npm start`) on
 * an embedded PostgreSQL of its own (a temporary data folder, a free port), Redis through a forwarder
 * the test can cut; then, while it serves, `npm run fitment -- import vehicles … --skip-invalid`,
 * `npm run prospector -- search …` (against a local stand-in of Google Places), `npm run search:reindex`,
 * `npm run db:backup` and `npm run db:restore` use its PostgreSQL (no second one on the data folder),
 * and the results are read through the server's API. Readiness follows Redis; Ctrl-C (SIGINT to the
 * process group, as a terminal sends it) stops the server and its PostgreSQL within seconds; a command
 * run when no server runs starts the embedded PostgreSQL on the same data and stops it again.
 */
import { ChildProcess, spawn } from "child_process"
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"

import {
  PlacesServer,
  startPlacesServer,
} from "../../plugins/prospector/src/lib/__fixtures__/places-server"
import { sqlOn, testEnv } from "../helpers/env"
import { startTcpProxy, TcpProxy } from "../helpers/tcp-proxy"
import { call } from "../helpers/http"
import { freePort } from "../helpers/instances"
import { until } from "../helpers/poll"

jest.setTimeout(900000)

const ROOT = path.resolve(__dirname, "..", "..")
const runId = crypto.randomBytes(4).toString("hex")
const base = fs.mkdtempSync(path.join(os.tmpdir(), "shabou-ops-"))
fs.chmodSync(base, 0o777)
const dataDir = path.join(base, "pg")
const backupDir = path.join(base, "backups")
const apiKey = `ops-places-key-${runId}`
const admin = { email: "owner@ops.shabou.tn", password: `pw-${runId}` }

let places: PlacesServer
let redis: TcpProxy | null = null
let server: ChildProcess | null = null
let serverOutput = ""
let baseUrl = ""
let liveUrl = ""
let token = ""
const restoredName = `shabou_restore_${runId}`
let restoredUrl = ""

/** The environment a user's terminal would have (their .env): no DATABASE_URL, the shop's data folder. */
function userEnv(
  extra: Record<string, string | undefined> = {}
): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "development",
    ADMIN_SERVE: "false",
    EMBEDDED_POSTGRES_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: "0",
    MEDUSA_ADMIN_EMAIL: admin.email,
    MEDUSA_ADMIN_PASSWORD: admin.password,
    REDIS_URL: redis ? redis.url("redis") : undefined,
    REDIS_PREFIX: `shabou-ops-${runId}:`,
    GOOGLE_PLACES_BASE_URL: places.baseUrl,
    GOOGLE_PLACES_API_KEY: apiKey,
    PROSPECTOR_MIN_GAP_MS: "100",
    PROSPECTOR_JITTER_MS: "10",
    BACKUP_DIR: backupDir,
    BACKUP_KEEP: "2",
    DATABASE_URL: undefined,
    ...extra,
  }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined) {
      out[k] = v
    }
  }
  return out
}

type Run = { code: number | null; stdout: string; stderr: string }

/** `npm run <script> -- <args>` as the owner types it in a second terminal. */
function npmRun(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {}
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
      cwd: ROOT,
      env: userEnv(env),
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(
        new Error(
          `npm run ${script} did not end in 5 min:\n${stdout}\n${stderr}`
        )
      )
    }, 300000)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

const api = (method: string, url: string, body?: unknown) =>
  call(method, url, body, { baseUrl, token: token || undefined })

const query = sqlOn

/** Row count of every table of the public schema, and checksums of the prices and fitment links. */
async function fingerprint(url: string) {
  const tables = (
    await query<{ t: string }>(
      url,
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`
    )
  ).map((r) => r.t)
  const counts: Record<string, number> = {}
  for (const t of tables) {
    counts[t] = Number(
      (await query(url, `SELECT count(*)::int AS n FROM "${t}"`))[0].n
    )
  }
  const [{ prices }] = await query(
    url,
    `SELECT md5(coalesce(string_agg(concat_ws('|', ma.id, ma.currency_code, ma.amount, ma.min_quantity, ma.max_quantity, ma.price_list_id,
                                        ma.region_id, ma.deleted_at, pvma.variant_id), ',' ORDER BY ma.id, pvma.variant_id), '')) AS prices
       FROM money_amount ma LEFT JOIN product_variant_money_amount pvma ON pvma.money_amount_id = ma.id`
  )
  const [{ fitments }] = await query(
    url,
    `SELECT md5(coalesce(string_agg(concat_ws('|', id, product_id, variant_id, vehicle_id, position, quantity, engine_code, from_ym, to_ym),
                                    ',' ORDER BY id), '')) AS fitments FROM fitment`
  )
  return { counts, prices, fitments }
}

const within = <T>(
  ms: number,
  probe: () => Promise<T | false | null | undefined>,
  what: string
) => until(what, probe, { within: ms, every: 300, tolerateErrors: true })

function postmaster(): { pid: number; port: number } | null {
  try {
    const lines = fs
      .readFileSync(path.join(dataDir, "postmaster.pid"), "utf8")
      .split("\n")
    return { pid: Number(lines[0]), port: Number(lines[3]) }
  } catch (e) {
    return null
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

beforeAll(async () => {
  places = await startPlacesServer({
    apiKey,
    places: [
      {
        id: "ops-1",
        displayName: { text: "Garage Sfax Nord" },
        location: { latitude: 34.75, longitude: 10.77 },
        types: ["car_repair"],
        primaryType: "car_repair",
        internationalPhoneNumber: "+216 74 200 300",
      },
      {
        id: "ops-2",
        displayName: { text: "Auto Service Sakiet" },
        location: { latitude: 34.8, longitude: 10.76 },
        types: ["car_repair"],
        primaryType: "car_repair",
      },
    ],
  })
  const redisUrl = testEnv().redisUrl
  if (redisUrl) {
    const u = new URL(redisUrl)
    redis = await startTcpProxy({
      host: u.hostname,
      port: Number(u.port || 6379),
    })
  }
  const port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  // detached: a process group of its own, like a terminal's foreground job (Ctrl-C reaches all of it)
  server = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
    cwd: ROOT,
    env: userEnv({ PORT: String(port), SEED_DEMO: "true" }),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  server.stdout!.on("data", (d) => (serverOutput += d))
  server.stderr!.on("data", (d) => (serverOutput += d))
  await within(
    600000,
    async () => {
      if (server!.exitCode !== null) {
        throw new Error(
          `npm start exited with ${server!.exitCode}:\n${serverOutput.slice(-3000)}`
        )
      }
      return /backend is ready/.test(serverOutput)
    },
    "npm start ready"
  ).catch((e) => {
    throw new Error(`${e.message}\n${serverOutput.slice(-3000)}`)
  })
  const pgPort = Number(
    /embedded PostgreSQL on 127\.0\.0\.1:(\d+)/.exec(serverOutput)![1]
  )
  liveUrl = `postgres://postgres:shabou@127.0.0.1:${pgPort}/shabou`
  const login = await api("POST", "/admin/auth/token", admin)
  expect(login.status).toBe(200)
  token = login.body.access_token
})

afterAll(async () => {
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid!, "SIGKILL")
    } catch (e) {
      // already gone
    }
  }
  const pm = postmaster()
  if (pm && alive(pm.pid)) {
    process.kill(pm.pid, "SIGQUIT")
  }
  if (restoredUrl) {
    const adminUrl = new URL(restoredUrl)
    adminUrl.pathname = "/postgres"
    await query(
      adminUrl.toString(),
      `DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`
    ).catch(() => undefined)
  }
  await places?.close()
  await redis?.close()
  await new Promise((r) => setTimeout(r, 500))
  fs.rmSync(base, { recursive: true, force: true })
})

describe("commands beside a running npm start (embedded PostgreSQL)", () => {
  it("lists the whole demo catalogue in the store as soon as it says it is ready", async () => {
    // the first test: nothing has waited since "backend is ready"
    const listing = await api("GET", "/store/products?limit=1")
    expect(listing.status).toBe(200)
    const [{ published }] = await query(
      liveUrl,
      `SELECT count(*)::int AS published FROM product WHERE status = 'published' AND deleted_at IS NULL`
    )
    expect(published).toBeGreaterThan(300)
    expect(listing.body.count).toBe(published)
  })

  it("GET /health/ready checks the database and Redis; /health stays liveness", async () => {
    // just after the start the server is busy rendering the catalogue: a loaded machine may need a moment
    const ready = await within(
      60000,
      async () => {
        const r = await api("GET", "/health/ready")
        return r.status === 200 ? r : null
      },
      "readiness 200"
    )
    expect(ready.body.status).toBe("ready")
    expect(ready.body.checks.database).toMatchObject({ ok: true })
    expect(ready.body.checks.redis).toEqual(
      redis ? expect.objectContaining({ ok: true }) : { configured: false }
    )
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200)
  })

  it("npm run fitment -- import vehicles <file> --skip-invalid uses the running PostgreSQL; the server sees the vehicles", async () => {
    const file = path.join(base, "vehicules.csv")
    fs.writeFileSync(
      file,
      "\ufeffMarque;Modèle;Année début;Année fin;Moteur;Code moteur;Cylindrée;CH;Carburant\r\n" +
        "Opsmake;Kappa;2012;2018;1.6 HDi;DV6;1560;92;Gazole\r\n" +
        ";Kappa;2013;2018;;;;;\r\n" +
        "OPSMAKE;Lambda;2019;;1.2 PureTech;EB2;1199;110;Essence\r\n"
    )
    const run = await npmRun("fitment", [
      "import",
      "vehicles",
      file,
      "--skip-invalid",
    ])
    expect(run.stderr).not.toMatch(/Another PostgreSQL/)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(
      /the embedded PostgreSQL already running on 127\.0\.0\.1:\d+/
    )
    expect(run.stdout).toMatch(/created:\s+2/)
    expect(run.stdout).toMatch(/row 3: Marque: make is missing/)
    const makeId = (
      await query(liveUrl, `SELECT id FROM vehicle_make WHERE key = 'opsmake'`)
    )[0].id
    const vehicles = await api("GET", `/admin/vehicles?make_id=${makeId}`)
    expect(vehicles.status).toBe(200)
    expect(vehicles.body.count).toBe(2)
    expect(vehicles.body.vehicles.map((v: any) => v.model.name).sort()).toEqual(
      ["Kappa", "Lambda"]
    )
  })

  it("npm run prospector -- search … uses the running PostgreSQL; the leads are in the admin API", async () => {
    const run = await npmRun("prospector", [
      "search",
      "--query",
      "garage",
      "--city",
      "sfax",
    ])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/the embedded PostgreSQL already running/)
    expect(run.stderr + run.stdout).toMatch(
      /\[1\/1\] Sfax · "garage": \d+ requests, 2 new/
    )
    expect(run.stdout).toMatch(/places: 2, new: 2/)
    const leads = await api("GET", "/admin/prospector/leads?city=Sfax&limit=50")
    expect(leads.status).toBe(200)
    expect(leads.body.leads.map((l: any) => l.name).sort()).toEqual([
      "Auto Service Sakiet",
      "Garage Sfax Nord",
    ])
  })

  it("npm run search:reindex and a bad argument: one line, exit 2", async () => {
    const run = await npmRun("search:reindex", ["--chunk", "50"])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/reindexed \d+ products/)
    const bad = await npmRun("search:reindex", ["--chunk", "many"])
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split("\n")).toEqual([
      `[search:reindex] --chunk expects a positive whole number (products per transaction), got "many"`,
    ])
    const fitment = await npmRun("fitment", ["import", "cars", "x.csv"])
    expect(fitment.code).toBe(2)
    expect(fitment.stderr.trim().split("\n")).toHaveLength(1)
    expect(fitment.stderr).toMatch(
      /usage: npm run fitment -- import vehicles\|fitments/
    )
  })

  it("npm run db:backup writes a compressed dump of the shop, keeps the newest BACKUP_KEEP; db:restore rebuilds it in a fresh database", async () => {
    // the shop is quiet (no search document or product body left to refresh) before it is compared
    await within(
      120000,
      async () => {
        const [r] = await query(
          liveUrl,
          `SELECT (SELECT count(*)::int FROM search_dirty) AS queued`
        )
        return r.queued === 0
      },
      "search queue drained"
    )
    const status = await api("GET", "/admin/catalogue/status")
    if (status.status === 200) {
      await within(
        180000,
        async () => (await api("GET", "/admin/catalogue/status")).body.ready,
        "catalogue bodies rendered"
      )
    }
    const before = await fingerprint(liveUrl)
    expect(before.counts.product).toBeGreaterThan(0)
    expect(before.counts.fitment).toBeGreaterThan(0)

    const runs: Run[] = []
    for (let i = 0; i < 3; i++) {
      runs.push(await npmRun("db:backup", []))
    }
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/Another PostgreSQL/)
      expect(run.code).toBe(0)
    }
    const files = runs.map((r) => r.stdout.trim())
    expect(files[2]).toMatch(
      new RegExp(
        `^${backupDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/shabou-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z\\.dump$`
      )
    )
    // BACKUP_KEEP=2: the oldest is gone, no partial file is left
    expect(fs.readdirSync(backupDir).sort()).toEqual([
      path.basename(files[1]),
      path.basename(files[2]),
    ])
    expect(fs.readFileSync(files[2]).subarray(0, 5).toString()).toBe("PGDMP")
    expect(runs[0].stderr).toMatch(/backup written: .* \(\d+\.\d MB/)
    const after = await fingerprint(liveUrl)
    expect(after).toEqual(before)

    // a fresh database on another server (the tests' PostgreSQL), created by the restore
    const target = new URL(testEnv().databaseUrl)
    target.pathname = `/${restoredName}`
    restoredUrl = target.toString()
    const restored = await npmRun("db:restore", [files[2]], {
      DATABASE_URL: restoredUrl,
    })
    expect(restored.stdout + restored.stderr).toMatch(
      /created database "shabou_restore_/
    )
    expect(restored.code).toBe(0)
    const copy = await fingerprint(restoredUrl)
    expect(copy.counts).toEqual(before.counts)
    expect(copy.prices).toBe(before.prices)
    expect(copy.fitments).toBe(before.fitments)

    // a database that is not empty is not overwritten without --force
    await query(
      restoredUrl,
      `UPDATE money_amount SET amount = amount + 1 WHERE id = (SELECT min(id) FROM money_amount)`
    )
    const refused = await npmRun("db:restore", [files[2]], {
      DATABASE_URL: restoredUrl,
    })
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split("\n").pop()).toMatch(
      /^\[db:restore\] the database .* is not empty \(\d+ tables\): restore into an empty database, or add --force/
    )
    expect((await fingerprint(restoredUrl)).prices).not.toBe(before.prices)
    const forced = await npmRun("db:restore", [files[2], "--force"], {
      DATABASE_URL: restoredUrl,
    })
    expect(forced.code).toBe(0)
    const again = await fingerprint(restoredUrl)
    expect(again.counts).toEqual(before.counts)
    expect(again.prices).toBe(before.prices)
    expect(again.fitments).toBe(before.fitments)
  })

  it("db:restore and db:backup refuse bad input with one line", async () => {
    const missing = await npmRun("db:restore", [path.join(base, "nope.dump")])
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim()).toBe(
      `[db:restore] backup file not found: ${path.join(base, "nope.dump")}`
    )
    const notDump = path.join(base, "notes.txt")
    fs.writeFileSync(notDump, "not a backup\n")
    const target = new URL(testEnv().databaseUrl)
    target.pathname = `/${restoredName}_never`
    const wrong = await npmRun("db:restore", [notDump], {
      DATABASE_URL: target.toString(),
    })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr.trim().split("\n").pop()).toMatch(
      /^\[db:restore\] .*notes\.txt is not a backup made by db:backup/
    )
    const adminUrl = new URL(target.toString())
    adminUrl.pathname = "/postgres"
    await query(
      adminUrl.toString(),
      `DROP DATABASE IF EXISTS "${restoredName}_never"`
    )
    const keep = await npmRun("db:backup", ["--keep", "0"])
    expect(keep.code).toBe(2)
    expect(keep.stderr.trim()).toBe(
      `[db:backup] --keep expects a positive whole number, got "0"`
    )
  })

  it("readiness answers 503 naming Redis while Redis is away, and 200 again when it is back; /health stays 200", async () => {
    if (!redis) {
      return // no Redis in this run (REDIS_URL unset): nothing to cut
    }
    await redis.close()
    const down = await within(
      20000,
      async () => {
        const r = await api("GET", "/health/ready")
        return r.status === 503 ? r : null
      },
      "readiness 503"
    )
    expect(down.body).toMatchObject({ status: "not_ready", failed: ["redis"] })
    expect(down.body.checks.redis).toMatchObject({ ok: false })
    expect(down.body.checks.database).toMatchObject({ ok: true })
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200)
    await redis.open()
    await within(
      30000,
      async () => (await api("GET", "/health/ready")).status === 200,
      "readiness back to 200"
    )
  })

  it("Ctrl-C (SIGINT to the process group) stops the server and its embedded PostgreSQL within seconds", async () => {
    const pm = postmaster()
    expect(pm).not.toBeNull()
    expect(alive(pm!.pid)).toBe(true)
    const exited = new Promise<{ code: number | null; signal: string | null }>(
      (resolve) =>
        server!.once("exit", (code, signal) => resolve({ code, signal }))
    )
    const started = Date.now()
    process.kill(-server!.pid!, "SIGINT")
    const result = await Promise.race([
      exited,
      new Promise<null>((r) => setTimeout(() => r(null), 20000)),
    ])
    expect(result).not.toBeNull()
    expect(Date.now() - started).toBeLessThan(15000)
    expect(result!.code).toBe(0)
    expect(serverOutput).toContain("SIGINT received: shutting down")
    expect(serverOutput).toContain("embedded PostgreSQL stopped")
    // the background loops stopped before the database closed (the staged-job enqueuer's read after the
    // close logged "Failed to fetch jobs: Driver not Connected")
    expect(serverOutput).not.toMatch(
      /Failed to fetch jobs|Driver not Connected|Database connection failure/
    )
    await within(5000, async () => !alive(pm!.pid), "postgres gone")
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false)
    expect((await fetch(`${baseUrl}/health`).catch(() => null)) === null).toBe(
      true
    )
  })

  it("without a running server a command starts the embedded PostgreSQL on the same data and stops it again", async () => {
    const run = await npmRun("search:reindex", [])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/embedded PostgreSQL started for this command/)
    expect(run.stdout).toMatch(/reindexed \d+ products/)
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false)
  })
})
