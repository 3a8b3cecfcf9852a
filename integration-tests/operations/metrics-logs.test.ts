/**
 * Metrics and logs (issue 13): GET /metrics is Prometheus text behind METRICS_TOKEN (401 without it,
 * 404 on a server that has none), counts requests per route pattern (never a raw id) and status, and
 * shows the store cache, the database pool, the Places budget and the runs; with LOG_FORMAT=json the
 * server writes one JSON line per request carrying the request id it answered in `x-request-id`, and
 * no password, token, authorization header, cookie or Places API key ever reaches its output.
 */
import crypto from "crypto"
import { adminHeaders, testEnv } from "../helpers/env"
import { Instance, metricValue, startInstance } from "../helpers/instances"

const METRICS_TOKEN = `metrics-${crypto.randomBytes(16).toString("hex")}`
const PLACES_KEY = `AIzaTestOnly${crypto.randomBytes(12).toString("hex")}`
const SECRET_PASSWORD = `Pw-${crypto.randomBytes(9).toString("hex")}`
const COOKIE_VALUE = `s%3Acookie${crypto.randomBytes(10).toString("hex")}`
const QUERY_TOKEN = `qt${crypto.randomBytes(12).toString("hex")}`

let server: Instance
let adminToken: string

async function scrape(
  instance: Instance,
  token = METRICS_TOKEN
): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${instance.baseUrl}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    text: await res.text(),
  }
}

/** The JSON request lines the instance wrote, by request id. */
function requestLines(instance: Instance): Map<string, Record<string, any>[]> {
  const out = new Map<string, Record<string, any>[]>()
  for (const line of instance.output().split("\n")) {
    if (!line.startsWith("{")) {
      continue
    }
    const entry = JSON.parse(line)
    if (entry.type === "request") {
      out.set(entry.request_id, [...(out.get(entry.request_id) ?? []), entry])
    }
  }
  return out
}

beforeAll(async () => {
  server = await startInstance("metrics", {
    METRICS_TOKEN,
    LOG_FORMAT: "json",
    GOOGLE_PLACES_API_KEY: PLACES_KEY,
    SEED_DEMO: "false",
  })
  const res = await fetch(`${server.baseUrl}/admin/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: testEnv().adminEmail,
      password: testEnv().adminPassword,
    }),
  })
  expect(res.status).toBe(200)
  adminToken = ((await res.json()) as { access_token: string }).access_token
}, 600000)

afterAll(async () => {
  await server?.stop()
})

describe("GET /metrics", () => {
  it("needs the bearer token: 401 without it or with a wrong one, 404 where METRICS_TOKEN is not set", async () => {
    const none = await scrape(server, "")
    expect(none.status).toBe(401)
    expect(none.text).not.toContain("http_requests_total")
    expect((await scrape(server, `${METRICS_TOKEN}x`)).status).toBe(401)
    expect((await scrape(server, METRICS_TOKEN.slice(0, -1))).status).toBe(401)
    // the shared test server runs without METRICS_TOKEN: the endpoint does not exist there
    const shared = await fetch(`${testEnv().baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    })
    expect(shared.status).toBe(404)
  })

  it("counts requests per route pattern and status, never per raw id", async () => {
    const list = await fetch(`${server.baseUrl}/store/products?limit=2`)
    expect(list.status).toBe(200)
    const { products } = (await list.json()) as { products: { id: string }[] }
    const id = products[0].id
    for (let i = 0; i < 3; i++) {
      expect(
        (await fetch(`${server.baseUrl}/store/products/${id}`)).status
      ).toBe(200)
    }
    expect(
      (
        await fetch(
          `${server.baseUrl}/store/products/prod_doesnotexist0000000000`
        )
      ).status
    ).toBe(404)
    expect(
      (await fetch(`${server.baseUrl}/no/such/route/${crypto.randomUUID()}`))
        .status
    ).toBe(404)

    const { status, type, text } = await scrape(server)
    expect(status).toBe(200)
    expect(type).toMatch(/^text\/plain;.*version=0\.0\.4/)
    expect(text).not.toContain(id)
    expect(text).not.toContain("doesnotexist")
    const byId = metricValue(text, "http_requests_total", {
      method: "GET",
      route: "/store/products/:id",
      status: "200",
    })
    expect(byId).toBe(3)
    expect(
      metricValue(text, "http_requests_total", {
        method: "GET",
        route: "/store/products/:id",
        status: "404",
      })
    ).toBe(1)
    expect(
      metricValue(text, "http_requests_total", {
        method: "GET",
        route: "/store/products",
        status: "200",
      })
    ).toBeGreaterThanOrEqual(1)
    expect(
      metricValue(text, "http_requests_total", {
        method: "GET",
        route: "unmatched",
        status: "404",
      })
    ).toBeGreaterThanOrEqual(1)
    // the histogram's count agrees with the counter, and its +Inf bucket with its count
    expect(
      metricValue(text, "http_request_duration_seconds_count", {
        method: "GET",
        route: "/store/products/:id",
        status: "200",
      })
    ).toBe(3)
    expect(
      metricValue(text, "http_request_duration_seconds_bucket", {
        method: "GET",
        route: "/store/products/:id",
        status: "200",
        le: "+Inf",
      })
    ).toBe(3)
    // /metrics itself is not counted
    expect(text).not.toMatch(/route="\/metrics"/)
  })

  it("shows the store cache counters GET /admin/catalogue/status shows, the database pool and the Places budget", async () => {
    // the same product twice: the second read is a hit (when the read model answers)
    const path = `/store/products?limit=3&offset=1`
    await fetch(`${server.baseUrl}${path}`)
    await fetch(`${server.baseUrl}${path}`)
    const cacheStatus = async () => {
      const res = await fetch(`${server.baseUrl}/admin/catalogue/status`, {
        headers: { authorization: `Bearer ${adminToken}` },
      })
      expect(res.status).toBe(200)
      return ((await res.json()) as { cache: { hits: number; misses: number } })
        .cache
    }
    // the counters only grow: read before and after the scrape (the read model may render meanwhile)
    const before = await cacheStatus()
    const { text } = await scrape(server)
    const after = await cacheStatus()
    const hits = metricValue(text, "shabou_store_cache_hits_total")
    const misses = metricValue(text, "shabou_store_cache_misses_total")
    expect(hits).toBeGreaterThanOrEqual(before.hits)
    expect(hits).toBeLessThanOrEqual(after.hits)
    expect(misses).toBeGreaterThanOrEqual(before.misses)
    expect(misses).toBeLessThanOrEqual(after.misses)
    expect(before.hits + before.misses).toBeGreaterThan(0)

    expect(
      metricValue(text, "shabou_db_pool_connections", { state: "total" })
    ).toBeGreaterThanOrEqual(1)
    expect(text).toMatch(/^shabou_db_pool_connections\{state="waiting"\} \d+$/m)
    expect(metricValue(text, "shabou_db_pool_max")).toBeGreaterThanOrEqual(1)

    const places = JSON.parse(process.env.PROSPECTOR_TEST_PLACES ?? "{}") as {
      budgetPerMonth?: number
    }
    const used = metricValue(text, "shabou_places_requests_month")
    expect(metricValue(text, "shabou_places_budget_month")).toBe(
      places.budgetPerMonth ?? 500
    )
    expect(metricValue(text, "shabou_places_budget_left")).toBe(
      Math.max(0, (places.budgetPerMonth ?? 500) - used)
    )
    // Node's own process metrics
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m)
    if (testEnv().redisUrl) {
      expect(text).toMatch(
        /^shabou_queue_jobs\{queue="events",state="waiting"\} \d+/m
      )
    }
  })

  it("counts runs by kind and outcome: a weekly report built through the admin API", async () => {
    const before = metricValue(
      (await scrape(server)).text,
      "shabou_runs_total",
      { kind: "report", trigger: "api", outcome: "succeeded" }
    )
    const res = await fetch(`${server.baseUrl}/admin/prospector/reports`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${adminToken}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({}),
    })
    expect([200, 201]).toContain(res.status)
    const { text } = await scrape(server)
    expect(
      metricValue(text, "shabou_runs_total", {
        kind: "report",
        trigger: "api",
        outcome: "succeeded",
      })
    ).toBe(before + 1)
    expect(
      metricValue(text, "shabou_run_duration_seconds_count", {
        kind: "report",
        outcome: "succeeded",
      })
    ).toBeGreaterThanOrEqual(1)
  })
})

describe("JSON request logs", () => {
  it("writes one JSON line per request with the request id of the answer header, and never a secret", async () => {
    const ids: string[] = []
    const call = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${server.baseUrl}${path}`, init)
      await res.arrayBuffer()
      const id = res.headers.get("x-request-id")
      expect(id).toBeTruthy()
      ids.push(id as string)
      return res
    }
    const login = (path: string, email: string) =>
      call(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: SECRET_PASSWORD }),
      })
    // a wrong and a right admin login (password in the body), a customer login attempt
    await login("/admin/auth/token", testEnv().adminEmail)
    await login("/admin/auth", "nobody@example.tn")
    await login("/store/auth", "client@example.tn")
    // a bearer token, a session cookie, a token in the query string
    await call("/admin/auth", {
      headers: {
        authorization: `Bearer ${adminToken}`,
        cookie: `connect.sid=${COOKIE_VALUE}`,
      },
    })
    await call(`/store/products?limit=1&token=${QUERY_TOKEN}&key=${PLACES_KEY}`)
    // a request id chosen by the caller (a proxy's) is kept
    const chosen = `edge-${crypto.randomBytes(6).toString("hex")}`
    const res = await fetch(`${server.baseUrl}/store/regions`, {
      headers: { "x-request-id": chosen },
    })
    expect(res.headers.get("x-request-id")).toBe(chosen)
    ids.push(chosen)
    // a lead search: the Places API key travels in a header to the (fake) Places server
    await call("/admin/prospector/runs", {
      method: "POST",
      headers: {
        authorization: `Bearer ${adminToken}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        query: "garage",
        cities: ["sfax"],
        max_requests: 1,
      }),
    })

    // the lines are written when each answer finishes
    await new Promise((r) => setTimeout(r, 500))
    const lines = requestLines(server)
    for (const id of ids) {
      const entries = lines.get(id)
      expect(entries).toHaveLength(1)
      const [entry] = entries!
      expect(entry).toEqual(
        expect.objectContaining({
          level: "info",
          type: "request",
          request_id: id,
          method: expect.any(String),
          route: expect.any(String),
          status: expect.any(Number),
        })
      )
      expect(typeof entry.duration_ms).toBe("number")
      expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT/)
    }
    expect(lines.get(chosen)![0]).toEqual(
      expect.objectContaining({ route: "/store/regions", status: 200 })
    )

    const output = server.output()
    // every line from the server's own log is JSON (Medusa's own logger aside, which prints its own format)
    for (const line of output.split("\n").filter((l) => l.startsWith("{"))) {
      expect(() => JSON.parse(line)).not.toThrow()
    }
    for (const secret of [
      SECRET_PASSWORD,
      adminToken,
      COOKIE_VALUE,
      QUERY_TOKEN,
      PLACES_KEY,
      METRICS_TOKEN,
      testEnv().adminPassword,
    ]) {
      expect(output.includes(secret)).toBe(false)
    }
    expect(output).not.toMatch(/authorization"?\s*:\s*"?Bearer\s+ey/i)
  })
})

// the admin API of this extra instance answers like the shared one (smoke check that it is the same shop)
it("serves the same shop as the shared test server", async () => {
  const a = await fetch(`${server.baseUrl}/admin/auth`, {
    headers: await adminHeaders(),
  })
  expect(a.status).toBe(200)
})
