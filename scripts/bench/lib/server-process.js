/**
 * The real server (scripts/lib/app.js startServer through ./serve.js) in a child process, so that the load
 * generator and the server do not share an event loop. Its output goes to a log file.
 */
const fs = require("fs")
const path = require("path")
const { spawn } = require("child_process")
const { stripVTControlCharacters } = require("util")

const ROOT = path.resolve(__dirname, "..", "..", "..")

function tail(file, lines = 15) {
  try {
    return stripVTControlCharacters(fs.readFileSync(file, "utf8"))
      .split("\n")
      .filter(Boolean)
      .slice(-lines)
      .join("\n")
  } catch (e) {
    return ""
  }
}

/**
 * Starts the server and resolves once GET /health answers 200.
 * @param {{ env: NodeJS.ProcessEnv, port: number, logFile: string, timeoutMs?: number, log?: (m: string) => void }} opts
 * @returns {Promise<{ url: string, pid: number, stop: () => Promise<void> }>}
 */
async function startServerProcess({
  env,
  port,
  logFile,
  timeoutMs = 30 * 60 * 1000,
  log = () => undefined,
}) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  fs.appendFileSync(
    logFile,
    `--- ${new Date().toISOString()} starting the server on port ${port}\n`
  )
  const fd = fs.openSync(logFile, "a")
  const child = spawn(process.execPath, [path.join(__dirname, "serve.js")], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", fd, fd],
  })
  fs.closeSync(fd)
  let exited = null
  const exit = new Promise((resolve) =>
    child.once("exit", (code, signal) => resolve((exited = { code, signal })))
  )
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  let lastLog = started
  for (;;) {
    if (exited) {
      throw new Error(
        `the server exited (${exited.signal || `code ${exited.code}`}) before answering; ${logFile}:\n${tail(logFile)}`
      )
    }
    const ok = await fetch(`${url}/health`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) {
      break
    }
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGKILL")
      throw new Error(
        `the server did not answer /health within ${Math.round(timeoutMs / 1000)} s; ${logFile}:\n${tail(logFile)}`
      )
    }
    if (Date.now() - lastLog > 15000) {
      lastLog = Date.now()
      const last = tail(logFile, 1)
      log(
        `  waiting for the server (${Math.round((Date.now() - started) / 1000)} s)${last ? `: ${last.slice(0, 160)}` : ""}`
      )
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      if (exited) {
        return
      }
      child.kill("SIGTERM")
      const killer = setTimeout(() => child.kill("SIGKILL"), 30000)
      await exit
      clearTimeout(killer)
    },
  }
}

module.exports = { startServerProcess, tail }
