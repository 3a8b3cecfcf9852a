/**
 * One load run with autocannon's programmatic API: `connections` keep-alive connections for `duration`
 * seconds, each request taken in turn from `requests` (so the paths and bodies vary). Latencies of every
 * answer are kept to give exact p50/p95/p99 (autocannon itself has no p95); the `x-catalogue` header
 * and a few non-2xx answers are recorded.
 */
const autocannon = require("autocannon")

function percentile(sorted, p) {
  if (!sorted.length) {
    return null
  }
  return sorted[
    Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)
    )
  ]
}

/**
 * @param {{ url: string, connections: number, duration: number, requests: Array<{ method?: string, path: string,
 *   body?: string }>, timeout?: number, headers?: Record<string, string> }} opts
 */
async function measure({
  url,
  connections,
  duration,
  requests,
  timeout = 10,
  headers = {},
}) {
  if (!requests.length) {
    throw new Error("measure: no request to send")
  }
  let next = 0
  const latencies = []
  const header = {}
  const samples = []
  const onResponse = (status, body, context, headers) => {
    let value = "none"
    for (const [k, v] of Object.entries(headers || {})) {
      if (k.toLowerCase() === "x-catalogue") {
        value = String(v)
      }
    }
    header[value] = (header[value] || 0) + 1
    if ((status < 200 || status >= 300) && samples.length < 5) {
      samples.push(`${status} ${String(body || "").slice(0, 200)}`)
    }
  }
  const setupRequest = (req) => {
    const r = requests[next++ % requests.length]
    const out = {
      ...req,
      method: r.method || "GET",
      path: r.path,
      headers: { ...(req.headers || {}), ...headers },
    }
    if (r.body !== undefined) {
      out.body = r.body
      out.headers["content-type"] = "application/json"
    }
    return out
  }
  const instance = autocannon({
    url,
    connections,
    duration,
    timeout,
    requests: [{ setupRequest, onResponse }],
  })
  instance.on("response", (client, statusCode, resBytes, responseTime) => {
    latencies.push(responseTime)
  })
  const result = await new Promise((resolve, reject) => {
    instance.once("done", resolve)
    instance.once("error", reject)
  })
  latencies.sort((a, b) => a - b)
  const answered =
    result["1xx"] +
    result["2xx"] +
    result["3xx"] +
    result["4xx"] +
    result["5xx"]
  return {
    connections,
    duration: result.duration,
    answered,
    sent: result.requests && result.requests.sent,
    rps: answered / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: Math.max(0, result.errors - result.timeouts),
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats || {}).map(([k, v]) => [k, v.count])
    ),
    xCatalogue: header,
    samples,
  }
}

module.exports = { measure, percentile }
