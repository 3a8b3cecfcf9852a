import { spawn, ChildProcess } from "child_process"
import fs from "fs"
import path from "path"
import { testEnv } from "./env"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const database = require("../../scripts/lib/database")

/** A TCP port nobody listens on now (127.0.0.1). */
export const freePort: () => Promise<number> = database.freePort

const ROOT = path.resolve(__dirname, "..", "..")

export type Instance = {
  label: string
  baseUrl: string
  pid: number
  /** everything it printed (stdout and stderr), in order */
  output(): string
  /** stops it (SIGTERM, then SIGKILL after 15 s) */
  stop(): Promise<void>
  /** kill -9: the process dies at once, holding whatever it held */
  kill9(): Promise<void>
}

/**
 * Starts one more instance of the test server (the same code as `npm start`, on the same database,
 * Redis and environment as the test server) with `extra` settings on top, e.g.
 * `{ MEDUSA_WORKER_MODE: "worker", METRICS_TOKEN: "…" }`; a value `undefined` removes a variable.
 * Resolves when it answers (at most 10 min: a first boot seeds the demo shop).
 */
export async function startInstance(
  label: string,
  extra: Record<string, string | undefined> = {}
): Promise<Instance> {
  const env: Record<string, string> = JSON.parse(
    fs.readFileSync(testEnv().serverEnvFile, "utf8")
  )
  const port = await freePort()
  Object.assign(env, { PORT: String(port) })
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) {
      delete env[k]
    } else {
      env[k] = v
    }
  }
  const logFile = path.join(ROOT, ".tmp", `integration-${label}-${port}.log`)
  const file = fs.createWriteStream(logFile)
  let text = ""
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "integration-tests", "setup", "server.js")],
    {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    }
  )
  const record = (chunk: Buffer) => {
    text += chunk.toString()
    file.write(chunk)
  }
  child.stdout!.on("data", record)
  child.stderr!.on("data", record)
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => resolve())
  )
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`${label} not ready after 10 min, see ${logFile}`)),
      600000
    )
    const check = () => {
      if (text.includes("SHABOU_TEST_SERVER_READY")) {
        clearTimeout(timer)
        child.stdout!.off("data", check)
        resolve()
      }
    }
    child.stdout!.on("data", check)
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(
        new Error(
          `${label} exited with ${code} before it was ready:\n${text.slice(-3000)}`
        )
      )
    })
  })
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return
    }
    const timer = setTimeout(() => child.kill("SIGKILL"), 15000)
    child.kill(signal)
    await exited
    clearTimeout(timer)
    file.end()
  }
  return {
    label,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    output: () => text,
    stop: () => end("SIGTERM"),
    kill9: () => end("SIGKILL"),
  }
}

/** Reads one value of a Prometheus text exposition (sum over the series matching every given label). */
export function metricValue(
  text: string,
  name: string,
  labels: Record<string, string> = {}
): number {
  let sum = 0
  for (const line of text.split("\n")) {
    if (
      line.startsWith("#") ||
      !(line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    ) {
      continue
    }
    const m = /^([^{\s]+)(\{(.*)\})?\s+(\S+)/.exec(line)
    if (!m || m[1] !== name) {
      continue
    }
    const found: Record<string, string> = {}
    for (const l of (m[3] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      found[l[1]] = l[2]
    }
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) {
      sum += Number(m[4])
    }
  }
  return sum
}
