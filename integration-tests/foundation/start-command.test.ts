import { spawn } from "child_process"
import net from "net"
import path from "path"
import { sql, testEnv } from "../helpers/env"
import { freePort } from "../helpers/instances"

const ROOT = path.resolve(__dirname, "..", "..")

type Run = { code: number | null; output: string }

/** Runs `npm start`'s script with `env` until `until` appears (then SIGTERM) or it exits. */
function runStart(
  env: Record<string, string | undefined>,
  until?: RegExp,
  timeoutMs = 240000
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string> = {}
    for (const [k, v] of Object.entries({
      ...process.env,
      NODE_ENV: "development",
      ADMIN_SERVE: "false",
      ...env,
    })) {
      if (v !== undefined) {
        childEnv[k] = v
      }
    }
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "scripts", "start.js")],
      {
        cwd: ROOT,
        env: childEnv,
        stdio: ["ignore", "pipe", "pipe"],
      }
    )
    let output = ""
    let signalled = false
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(
        new Error(
          `start.js did not finish in ${timeoutMs} ms:\n${output.slice(-3000)}`
        )
      )
    }, timeoutMs)
    const onData = (d: Buffer) => {
      output += d.toString()
      if (until && !signalled && until.test(output)) {
        signalled = true
        child.kill("SIGTERM")
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.on("exit", (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

describe("command 1 (npm start): configuration errors fail fast with one clear message", () => {
  it("names an unreachable DATABASE_URL", async () => {
    const run = await runStart({
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/shabou",
      PORT: String(await freePort()),
    })
    expect(run.code).toBe(1)
    expect(run.output).toMatch(
      /configuration error: Cannot connect to the database at DATABASE_URL=postgres:\/\/postgres@127\.0\.0\.1:1\/shabou/
    )
  })

  it("names a port already in use", async () => {
    const blocker = net.createServer().listen(0, "0.0.0.0")
    await new Promise((r) => blocker.once("listening", r))
    const port = (blocker.address() as net.AddressInfo).port
    try {
      const run = await runStart({
        PORT: String(port),
        DATABASE_URL: testEnv().databaseUrl,
      })
      expect(run.code).toBe(1)
      expect(run.output).toContain(`Port ${port} is already in use`)
    } finally {
      blocker.close()
    }
  })

  it("names a data folder it cannot write", async () => {
    const run = await runStart({
      DATABASE_URL: undefined,
      EMBEDDED_POSTGRES_DIR: "/proc/shabou-cannot-write-here/postgres",
      PORT: String(await freePort()),
    })
    expect(run.code).toBe(1)
    expect(run.output).toMatch(
      /configuration error: The embedded PostgreSQL data folder \/proc\/shabou-cannot-write-here\/postgres is not writable/
    )
  })

  it("names an unreachable REDIS_URL", async () => {
    const run = await runStart({
      REDIS_URL: "redis://127.0.0.1:1",
      DATABASE_URL: testEnv().databaseUrl,
      PORT: String(await freePort()),
    })
    expect(run.code).toBe(1)
    expect(run.output).toMatch(
      /configuration error: Cannot reach Redis at REDIS_URL=redis:\/\/127\.0\.0\.1:1/
    )
  })
})

describe("command 1 (npm start): a second start reuses the data", () => {
  it("skips the seed on a seeded database, keeps every row, and stops cleanly on SIGTERM", async () => {
    const count = async () =>
      (
        await sql<{
          products: number
          variants: number
          regions: number
          users: number
        }>(
          `SELECT (SELECT count(*) FROM product)::int AS products, (SELECT count(*) FROM product_variant)::int AS variants,
                (SELECT count(*) FROM region)::int AS regions, (SELECT count(*) FROM "user")::int AS users`
        )
      )[0]
    const before = await count()
    const env = testEnv()
    const run = await runStart(
      {
        DATABASE_URL: env.databaseUrl,
        REDIS_URL: undefined,
        PORT: String(await freePort()),
        MEDUSA_ADMIN_EMAIL: env.adminEmail,
        MEDUSA_ADMIN_PASSWORD: env.adminPassword,
      },
      /backend is ready/
    )
    expect(run.output).toContain("demo catalogue already present: seed skipped")
    expect(run.output).toMatch(/scheduled jobs are OFF\. Set REDIS_URL=/)
    expect(run.code).toBe(0)
    expect(await count()).toEqual(before)
  })
})

describe("command 1 (npm start) with no DATABASE_URL: the embedded PostgreSQL", () => {
  it("initialises its cluster in EMBEDDED_POSTGRES_DIR, serves, and stops PostgreSQL on SIGTERM", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require("fs") as typeof import("fs")
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const os = require("os") as typeof import("os")
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "shabou-start-"))
    fs.chmodSync(base, 0o777)
    const dataDir = path.join(base, "pg")
    try {
      const run = await runStart(
        {
          DATABASE_URL: undefined,
          REDIS_URL: undefined,
          EMBEDDED_POSTGRES_DIR: dataDir,
          EMBEDDED_POSTGRES_PORT: "5432", // taken on our machines: it must pick another port
          SEED_DEMO: "false",
          PORT: String(await freePort()),
        },
        /backend is ready/
      )
      expect(run.output).toMatch(/initialising an embedded PostgreSQL cluster/)
      expect(run.output).toMatch(
        /database: embedded PostgreSQL on 127\.0\.0\.1:(\d+)/
      )
      const port = Number(
        /embedded PostgreSQL on 127\.0\.0\.1:(\d+)/.exec(run.output)![1]
      )
      expect(port).not.toBe(5432)
      expect(run.output).toContain("embedded PostgreSQL stopped")
      expect(run.code).toBe(0)
      expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true)
      expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false)
    } finally {
      fs.rmSync(base, { recursive: true, force: true })
    }
  })
})
