/**
 * Shared by the tests of the owner's commands beside a running shop (beside-start.test.ts): the shop's data
 * folder and owner, the running `npm start` (started and stopped here), the commands as the owner types them,
 * and what the tests read of its database.
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

const ROOT = path.resolve(__dirname, "..", "..")
const runId = crypto.randomBytes(4).toString("hex")
export const base = fs.mkdtempSync(path.join(os.tmpdir(), "shabou-ops-"))
fs.chmodSync(base, 0o777)
export const dataDir = path.join(base, "pg")
export const backupDir = path.join(base, "backups")
const apiKey = `ops-places-key-${runId}`
const admin = { email: "owner@ops.shabou.tn", password: `pw-${runId}` }

export const restoredName = `shabou_restore_${runId}`

/** The running shop: its stand-in of Google Places, the Redis forwarder, the `npm start` process and what it printed, its URLs. */
export const shop = {
  places: null as PlacesServer | null,
  redis: null as TcpProxy | null,
  server: null as ChildProcess | null,
  output: "",
  baseUrl: "",
  /** its embedded PostgreSQL */
  liveUrl: "",
  token: "",
  /** the database db:restore creates on the tests' PostgreSQL (dropped at the end) */
  restoredUrl: "",
}

/** The environment a user's terminal would have (their .env): no DATABASE_URL, the shop's data folder. */
export function userEnv(
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
    REDIS_URL: shop.redis ? shop.redis.url("redis") : undefined,
    REDIS_PREFIX: `shabou-ops-${runId}:`,
    GOOGLE_PLACES_BASE_URL: shop.places!.baseUrl,
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

export type Run = { code: number | null; stdout: string; stderr: string }

/** `npm run <script> -- <args>` as the owner types it in a second terminal. */
export function npmRun(
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

export const api = (method: string, url: string, body?: unknown) =>
  call(method, url, body, {
    baseUrl: shop.baseUrl,
    token: shop.token || undefined,
  })

export const query = sqlOn

/** Row count of every table of the public schema, and checksums of the prices and fitment links. */
export async function fingerprint(url: string) {
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

export const within = <T>(
  ms: number,
  probe: () => Promise<T | false | null | undefined>,
  what: string
) => until(what, probe, { within: ms, every: 300, tolerateErrors: true })

export function postmaster(): { pid: number; port: number } | null {
  try {
    const lines = fs
      .readFileSync(path.join(dataDir, "postmaster.pid"), "utf8")
      .split("\n")
    return { pid: Number(lines[0]), port: Number(lines[3]) }
  } catch (e) {
    return null
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

/** Starts the stand-in of Google Places, the Redis forwarder and `npm start` on its own embedded PostgreSQL, and logs in as the owner. */
export async function startShop(): Promise<void> {
  shop.places = await startPlacesServer({
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
    shop.redis = await startTcpProxy({
      host: u.hostname,
      port: Number(u.port || 6379),
    })
  }
  const port = await freePort()
  shop.baseUrl = `http://127.0.0.1:${port}`
  // detached: a process group of its own, like a terminal's foreground job (Ctrl-C reaches all of it)
  const server = spawn(
    process.execPath,
    [path.join(ROOT, "scripts", "start.js")],
    {
      cwd: ROOT,
      env: userEnv({ PORT: String(port), SEED_DEMO: "true" }),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    }
  )
  shop.server = server
  server.stdout!.on("data", (d) => (shop.output += d))
  server.stderr!.on("data", (d) => (shop.output += d))
  await within(
    600000,
    async () => {
      if (server.exitCode !== null) {
        throw new Error(
          `npm start exited with ${server.exitCode}:\n${shop.output.slice(-3000)}`
        )
      }
      return /backend is ready/.test(shop.output)
    },
    "npm start ready"
  ).catch((e) => {
    throw new Error(`${e.message}\n${shop.output.slice(-3000)}`)
  })
  const pgPort = Number(
    /embedded PostgreSQL on 127\.0\.0\.1:(\d+)/.exec(shop.output)![1]
  )
  shop.liveUrl = `postgres://postgres:shabou@127.0.0.1:${pgPort}/shabou`
  const login = await api("POST", "/admin/auth/token", admin)
  expect(login.status).toBe(200)
  shop.token = login.body.access_token
}

/** Kills what is left of the shop and its PostgreSQL, drops the restored database, stops the stand-ins and removes the data folder. */
export async function stopShop(): Promise<void> {
  const server = shop.server
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
  if (shop.restoredUrl) {
    const adminUrl = new URL(shop.restoredUrl)
    adminUrl.pathname = "/postgres"
    await query(
      adminUrl.toString(),
      `DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`
    ).catch(() => undefined)
  }
  await shop.places?.close()
  await shop.redis?.close()
  await new Promise((r) => setTimeout(r, 500))
  fs.rmSync(base, { recursive: true, force: true })
}
