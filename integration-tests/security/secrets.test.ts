/**
 * Production refuses weak JWT_SECRET / COOKIE_SECRET before doing anything else. `npm start`'s script is run
 * for real with the environment under test; the port is taken by the test server, so a start whose secrets pass
 * the check stops at the next check ("Port … is already in use") without booting a second backend.
 */
import { spawn } from "child_process"
import path from "path"
import { testEnv } from "../helpers/env"

const ROOT = path.resolve(__dirname, "..", "..")
const STRONG = "a".repeat(20) + "9f3c1e7b2d4a6c8e0f1a"

function start(
  extra: Record<string, string | undefined>
): Promise<{ code: number | null; output: string }> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries({
    ...process.env,
    PORT: new URL(testEnv().baseUrl).port,
    ADMIN_SERVE: "false",
    ...extra,
  })) {
    if (v !== undefined) {
      env[k] = v
    }
  }
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "scripts", "start.js")],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }
    )
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    const timer = setTimeout(() => child.kill("SIGKILL"), 60000)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

describe("secrets in production", () => {
  it.each([
    [
      "the documented default",
      { JWT_SECRET: "supersecret", COOKIE_SECRET: STRONG },
      /JWT_SECRET is a documented default/,
    ],
    [
      "the .env.example value of the old docker-compose",
      { JWT_SECRET: STRONG, COOKIE_SECRET: "change-me-cookie" },
      /COOKIE_SECRET is a documented default/,
    ],
    [
      "a missing secret",
      { JWT_SECRET: undefined, COOKIE_SECRET: STRONG },
      /JWT_SECRET is not set/,
    ],
    [
      "a short secret",
      { JWT_SECRET: STRONG, COOKIE_SECRET: "short-but-not-default" },
      /COOKIE_SECRET is shorter than 32 characters/,
    ],
  ])(
    "refuses to start with %s, with one clear message",
    async (_what, secrets, reason) => {
      const { code, output } = await start({
        NODE_ENV: "production",
        ...secrets,
      })
      expect(code).toBe(1)
      expect(output).toMatch(
        /configuration error: refusing to start in production: /
      )
      expect(output).toMatch(reason)
      expect(output).toMatch(/openssl rand -hex 32/)
      expect(output).not.toMatch(/Port \d+ is already in use/)
    }
  )

  it("accepts two strong secrets (the start goes on to the next check)", async () => {
    const { code, output } = await start({
      NODE_ENV: "production",
      JWT_SECRET: STRONG,
      COOKIE_SECRET: STRONG.split("").reverse().join(""),
    })
    expect(code).toBe(1)
    expect(output).not.toMatch(/refusing to start/)
    expect(output).toMatch(/Port \d+ is already in use/)
  })

  it("development needs no secret at all", async () => {
    const { code, output } = await start({
      NODE_ENV: "development",
      JWT_SECRET: undefined,
      COOKIE_SECRET: undefined,
    })
    expect(code).toBe(1)
    expect(output).not.toMatch(/refusing to start/)
    expect(output).toMatch(/Port \d+ is already in use/)
  })
})
