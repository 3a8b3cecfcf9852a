/**
 * Login throttling (per IP and per account) and the global Store API limit, against the test server and a
 * second server process on the same database and Redis (two instances behind a load balancer share counters).
 *
 * Each case comes from its own client address: the server trusts X-Forwarded-For from loopback (TRUST_PROXY's
 * default, a reverse proxy on the same host), so the counters of 127.0.0.1 that the other suites use are
 * never touched.
 */
import { ChildProcess, spawn } from "child_process"
import crypto from "crypto"
import path from "path"
import { adminHeaders, testEnv } from "../helpers/env"
import { freePort } from "../helpers/instances"

jest.setTimeout(600000)

const ROOT = path.resolve(__dirname, "..", "..")
const run = crypto.randomBytes(3).toString("hex")
let ipCounter = 0
/** A fresh client address for each case (IPv6 documentation prefix, unique to this run). */
const freshIp = () =>
  `2001:db8::${run.slice(0, 4)}:${run.slice(4)}:${++ipCounter}`

type Reply = { status: number; body: any; retryAfter: string | null }

/** A login from client address `ip` (X-Forwarded-For) on the admin token route, or `route`. */
async function login(
  base: string,
  email: string,
  password: string,
  ip: string,
  route = "/admin/auth/token"
): Promise<Reply> {
  const res = await fetch(`${base}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
  })
  const text = await res.text()
  // a refused password is Medusa's bare "Unauthorized"
  return {
    status: res.status,
    body: res.headers.get("content-type")?.includes("json")
      ? JSON.parse(text)
      : text,
    retryAfter: res.headers.get("retry-after"),
  }
}

function expect429(reply: Reply) {
  expect(reply.status).toBe(429)
  expect(Number(reply.retryAfter)).toBeGreaterThanOrEqual(1)
  expect(Number(reply.retryAfter)).toBeLessThanOrEqual(60)
  expect(reply.body).toEqual({
    type: "not_allowed",
    message: expect.stringMatching(/^Too many login attempts; retry in \d+ s$/),
  })
}

/** An admin user of our own (locking the seeded admin would lock the other suites out). */
async function createAdmin(): Promise<{ email: string; password: string }> {
  const email = `throttle-${run}-${crypto.randomBytes(2).toString("hex")}@test.shabou.tn`
  const password = `pw-${crypto.randomBytes(8).toString("hex")}`
  const res = await fetch(`${testEnv().baseUrl}/admin/users`, {
    method: "POST",
    headers: { ...(await adminHeaders()), "content-type": "application/json" },
    body: JSON.stringify({
      email,
      password,
      role: "member",
      first_name: "Throttle",
    }),
  })
  expect(res.status).toBe(200)
  return { email, password }
}

describe("login throttling on one server", () => {
  const base = () => testEnv().baseUrl

  it("the 6th bad admin login from one IP within a minute is a 429 with Retry-After", async () => {
    const ip = freshIp()
    for (let i = 1; i <= 5; i++) {
      const r = await login(
        base(),
        `nobody-${i}-${run}@test.shabou.tn`,
        "wrong",
        ip
      )
      expect({ attempt: i, status: r.status }).toEqual({
        attempt: i,
        status: 401,
      })
    }
    expect429(
      await login(base(), `nobody-6-${run}@test.shabou.tn`, "wrong", ip)
    )
    // the session login route shares the counter
    expect429(
      await login(
        base(),
        `nobody-7-${run}@test.shabou.tn`,
        "wrong",
        ip,
        "/admin/auth"
      )
    )
    // another address is not affected
    expect(
      (
        await login(
          base(),
          `nobody-8-${run}@test.shabou.tn`,
          "wrong",
          freshIp()
        )
      ).status
    ).toBe(401)
  })

  it("an account is locked after 5 bad passwords from 5 addresses, even for the right password", async () => {
    const user = await createAdmin()
    for (let i = 1; i <= 5; i++) {
      expect((await login(base(), user.email, "wrong", freshIp())).status).toBe(
        401
      )
    }
    expect429(
      await login(base(), user.email.toUpperCase(), user.password, freshIp())
    )
  })

  it("successful logins do not count, and reset the account's failures", async () => {
    const user = await createAdmin()
    // 3 × (4 failures + 1 success) on the account: 12 failures in all, never locked since each success resets it
    for (let round = 0; round < 3; round++) {
      const ip = freshIp()
      for (let i = 0; i < 4; i++) {
        expect((await login(base(), user.email, "wrong", ip)).status).toBe(401)
      }
      expect((await login(base(), user.email, user.password, ip)).status).toBe(
        200
      )
    }
    // successes from one address are never counted
    const ip = freshIp()
    for (let i = 0; i < 8; i++) {
      expect(
        (
          await login(
            base(),
            user.email,
            user.password,
            ip,
            i % 2 ? "/admin/auth" : "/admin/auth/token"
          )
        ).status
      ).toBe(200)
    }
  })

  it("customer logins (/store/auth, /store/auth/token) are throttled too", async () => {
    const ip = freshIp()
    const email = `client-${run}@test.shabou.tn`
    for (let i = 1; i <= 5; i++) {
      const route = i % 2 ? "/store/auth" : "/store/auth/token"
      expect((await login(base(), email, "wrong", ip, route)).status).toBe(401)
    }
    expect429(await login(base(), email, "wrong", ip, "/store/auth/token"))
  })
})

const second: { child?: ChildProcess; base?: string } = {}
const STORE_SECRET = `ssr-${run}-${crypto.randomBytes(12).toString("hex")}`
const describeRedis = testEnv().redisUrl ? describe : describe.skip
if (!testEnv().redisUrl) {
  // the shared counters need Redis: without REDIS_URL each instance counts alone (documented)
  console.warn(
    "rate-limit: REDIS_URL is not set, the two-instance tests are skipped"
  )
}

describeRedis("two instances on one Redis", () => {
  beforeAll(async () => {
    const env = testEnv()
    const port = await freePort()
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "integration-tests", "setup", "server.js")],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          NODE_ENV: "development",
          PORT: String(port),
          DATABASE_URL: env.databaseUrl,
          REDIS_URL: env.redisUrl!,
          REDIS_PREFIX: env.redisPrefix,
          MEDUSA_ADMIN_EMAIL: env.adminEmail,
          MEDUSA_ADMIN_PASSWORD: env.adminPassword,
          ADMIN_SERVE: "false",
          JWT_SECRET: crypto.randomBytes(24).toString("hex"),
          COOKIE_SECRET: crypto.randomBytes(24).toString("hex"),
          // a small store limit on this instance, to reach it quickly
          RATE_LIMIT_STORE_PER_MINUTE: "30",
          RATE_LIMIT_STORE_SECRET: STORE_SECRET,
          RATE_LIMIT_STORE_TRUSTED_IPS:
            "127.0.0.1,::1,::ffff:127.0.0.1,198.51.100.77",
        },
      }
    )
    second.child = child
    let output = ""
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `second server not ready after 8 min:\n${output.slice(-2000)}`
            )
          ),
        480000
      )
      child.stdout!.on("data", (d) => {
        output += d
        if (output.includes("SHABOU_TEST_SERVER_READY")) {
          clearTimeout(timer)
          resolve()
        }
      })
      child.stderr!.on("data", (d) => (output += d))
      child.on("exit", (code) => {
        clearTimeout(timer)
        reject(
          new Error(
            `second server exited with ${code}:\n${output.slice(-2000)}`
          )
        )
      })
    })
    child.removeAllListeners("exit")
    second.base = `http://127.0.0.1:${port}`
  })

  afterAll(async () => {
    if (second.child && second.child.exitCode === null) {
      const exited = new Promise((r) => second.child!.once("exit", r))
      second.child.kill("SIGTERM")
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20000))])
      if (second.child.exitCode === null) {
        second.child.kill("SIGKILL")
      }
    }
  })

  it("bad logins spread over both instances share one counter per IP and per account", async () => {
    const ip = freshIp()
    const a = testEnv().baseUrl
    const b = second.base!
    for (const [i, server] of [a, b, a, b, a].entries()) {
      expect(
        (await login(server, `spread-${i}-${run}@test.shabou.tn`, "wrong", ip))
          .status
      ).toBe(401)
    }
    expect429(await login(b, `spread-6-${run}@test.shabou.tn`, "wrong", ip))

    const user = await createAdmin()
    for (const server of [b, a, b, a, b]) {
      expect((await login(server, user.email, "wrong", freshIp())).status).toBe(
        401
      )
    }
    expect429(await login(a, user.email, user.password, freshIp()))
  })

  it("the Store API limit per IP (30 a minute here) answers 429; the storefront secret and trusted IPs are exempt", async () => {
    const b = second.base!
    const ip = "198.51.100.10"
    const get = (headers: Record<string, string>) =>
      fetch(`${b}/store/regions`, { headers })
    for (let i = 1; i <= 30; i++) {
      const res = await get({ "x-forwarded-for": ip })
      await res.arrayBuffer()
      expect({ i, status: res.status }).toEqual({ i, status: 200 })
    }
    const limited = await get({ "x-forwarded-for": ip })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1)
    expect(await limited.json()).toEqual({
      type: "not_allowed",
      message: expect.stringMatching(/^Too many requests; retry in \d+ s$/),
    })
    // the SSR storefront behind the same address, with its secret
    expect(
      (
        await get({
          "x-forwarded-for": ip,
          "x-storefront-secret": STORE_SECRET,
        })
      ).status
    ).toBe(200)
    expect(
      (await get({ "x-forwarded-for": ip, "x-storefront-secret": "wrong" }))
        .status
    ).toBe(429)
    // a trusted address, and loopback (benchmarks, tests) outside production
    for (let i = 0; i < 35; i++) {
      expect((await get({ "x-forwarded-for": "198.51.100.77" })).status).toBe(
        200
      )
    }
    expect((await get({})).status).toBe(200)
    // the admin API is not under the store limit
    expect(
      (await fetch(`${b}/admin/auth`, { headers: { "x-forwarded-for": ip } }))
        .status
    ).toBe(401)
  })
})
