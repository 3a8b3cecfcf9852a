/**
 * Started by integration-tests/setup/global-setup.js BEFORE the Medusa server.
 *
 * The server's environment is fixed once it boots, so the Places base URL it
 * gets is this "front": a local HTTP server that forwards every Places request
 * to whichever stand-in a test file registered (PUT /__control/target), i.e. a
 * `startPlacesServer()` from plugins/prospector/src/lib/__fixtures__ started by the
 * test itself, so the test keeps full control of it (places, failNext, the
 * recorded requests). POST /__control/inject makes the next N requests answer
 * with a Google-shaped error (e.g. 400 INVALID_ARGUMENT for a stale page token)
 * before they reach the stand-in. Without a target it answers 503 UNAVAILABLE.
 *
 * It also gives the server a test API key and short politeness delays.
 */
const http = require("http")
const crypto = require("crypto")

let server = null
const state = { target: null, inject: [] }

function send(res, status, body) {
  res.writeHead(status, { "Content-Type": "application/json; charset=UTF-8" })
  res.end(JSON.stringify(body))
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })
}

async function handle(req, res) {
  const body = await readBody(req)
  if (req.url.startsWith("/__control/")) {
    const data = body.length ? JSON.parse(body.toString("utf8")) : {}
    if (req.method === "PUT" && req.url === "/__control/target") {
      state.target = data.baseUrl || null
      state.inject = []
      return send(res, 200, { target: state.target })
    }
    if (req.method === "POST" && req.url === "/__control/inject") {
      for (let i = 0; i < (data.count || 1); i++) {
        state.inject.push({
          status: data.status,
          googleStatus: data.googleStatus,
          message: data.message,
        })
      }
      return send(res, 200, { pending: state.inject.length })
    }
    return send(res, 404, { error: "unknown control path" })
  }
  if (state.inject.length) {
    const e = state.inject.shift()
    return send(res, e.status, {
      error: { code: e.status, message: e.message, status: e.googleStatus },
    })
  }
  if (!state.target) {
    return send(res, 503, {
      error: {
        code: 503,
        message: "No Places stand-in registered by the test.",
        status: "UNAVAILABLE",
      },
    })
  }
  const target = new URL(req.url, state.target)
  const upstream = http.request(
    target,
    {
      method: req.method,
      headers: {
        ...req.headers,
        host: target.host,
        "content-length": body.length,
      },
    },
    (up) => {
      res.writeHead(up.statusCode, up.headers)
      up.pipe(res)
    }
  )
  upstream.on("error", (e) =>
    send(res, 502, {
      error: {
        code: 502,
        message: `front: ${e.message}`,
        status: "UNAVAILABLE",
      },
    })
  )
  upstream.end(body)
}

async function setup(env) {
  const apiKey = `test-places-key-${crypto.randomBytes(8).toString("hex")}`
  server = http.createServer((req, res) => {
    handle(req, res).catch((e) =>
      send(res, 500, {
        error: { code: 500, message: e.message, status: "INTERNAL" },
      })
    )
  })
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  server.unref()
  const front = `http://127.0.0.1:${server.address().port}`
  Object.assign(env, {
    GOOGLE_PLACES_BASE_URL: front,
    GOOGLE_PLACES_API_KEY: apiKey,
    PROSPECTOR_PLACES_BUDGET_PER_RUN: "80",
    PROSPECTOR_PLACES_BUDGET_PER_MONTH: "500",
    PROSPECTOR_MIN_GAP_MS: "150",
    PROSPECTOR_JITTER_MS: "50",
    PROSPECTOR_ALERT_THRESHOLD_PERCENT: "5",
  })
  // for the test files (same process with --runInBand; inherited by workers otherwise)
  process.env.PROSPECTOR_TEST_PLACES = JSON.stringify({
    front,
    apiKey,
    budgetPerRun: 80,
    budgetPerMonth: 500,
  })
}

async function teardown() {
  if (server) {
    server.closeAllConnections?.()
    await new Promise((resolve) => server.close(() => resolve()))
    server = null
  }
}

module.exports = { setup, teardown }
