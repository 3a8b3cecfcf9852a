/**
 * The process's log (plain text, or JSON lines with LOG_FORMAT=json; secrets redacted by
 * @shabou/ops) and the observability settings read from the environment.
 */
const SonicBoom = require("sonic-boom")
const ops = require("@shabou/ops")

function observabilitySettings(env = process.env) {
  const format = (env.LOG_FORMAT || "text").toLowerCase()
  if (!["text", "json"].includes(format)) {
    throw new Error(
      `LOG_FORMAT must be "text" or "json", got "${env.LOG_FORMAT}"`
    )
  }
  const token = env.METRICS_TOKEN || ""
  if (token && token.length < 16) {
    throw new Error(
      "METRICS_TOKEN must be at least 16 characters (e.g. openssl rand -hex 24)"
    )
  }
  const mode = env.MEDUSA_WORKER_MODE || "shared"
  if (!["shared", "server", "worker"].includes(mode)) {
    throw new Error(
      `MEDUSA_WORKER_MODE must be shared, server or worker, got "${mode}"`
    )
  }
  return {
    json: format === "json",
    metricsToken: token,
    workerMode: mode,
    redisPrefix: env.REDIS_PREFIX || "shabou:",
  }
}

let standard = null

/**
 * stdout and stderr for log lines, written without blocking: Node writes to a file or a pipe
 * synchronously, one system call per line, so a server logging every request spent a large share
 * of its time in `write` (a profile of the store bench). sonic-boom (pino's destination) gathers the
 * lines written while a write is under way into the next one; what is left is written at exit.
 */
function standardStreams() {
  if (!standard) {
    standard = {
      out: new SonicBoom({ fd: 1, sync: false }),
      err: new SonicBoom({ fd: 2, sync: false }),
    }
    process.on("exit", () => {
      for (const stream of [standard.out, standard.err]) {
        try {
          stream.flushSync()
        } catch {
          // the stream was closed (the reader went away): nothing more can be written
        }
      }
    })
  }
  return standard
}

/**
 * The process's log function: plain text, or one JSON object per line (level, time, msg and fields).
 * Every message and field goes through the redaction of @shabou/ops first.
 */
function createLog(
  env = process.env,
  {
    prefix = "[shabou]",
    out = (line) => standardStreams().out.write(`${line}\n`),
    err = (line) => standardStreams().err.write(`${line}\n`),
  } = {}
) {
  const { json } = observabilitySettings(env)
  ops.registerSecrets(ops.secretsFromEnv(env))
  const write = (level, message, fields) => {
    const msg = ops.redact(
      typeof message === "string" ? message : String(message)
    )
    const sink = level === "error" || level === "warn" ? err : out
    if (json) {
      sink(
        JSON.stringify({
          level,
          time: new Date().toISOString(),
          msg,
          ...(fields ? ops.redactValue(fields) : {}),
        })
      )
    } else {
      sink(`${prefix} ${msg}`)
    }
  }
  const log = (message, fields) => write("info", message, fields)
  log.info = log
  log.warn = (message, fields) => write("warn", message, fields)
  log.error = (message, fields) => write("error", message, fields)
  log.json = json
  return log
}

module.exports = { createLog, observabilitySettings }
