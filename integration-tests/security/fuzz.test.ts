/**
 * Property-based fuzzing of every custom route (store and admin), found from the route files by
 * `customRoutes()` so that a new route is fuzzed without editing this test. For each route, fast-check
 * (fixed seed) generates bad query strings and bad JSON bodies, with `:param` segments filled by bogus ids or
 * real ones; admin routes are called with an admin token and anonymously. Properties:
 *
 * - never a 5xx;
 * - never a stack trace, an absolute path of the server or SQL text in the answer;
 * - a refused request (4xx) changes no stored data (row counts and last update of the plugin tables and of
 *   the core product and price tables are compared before and after).
 *
 * Routes that start long jobs or call outside networks only get bodies that must be refused (malformed JSON,
 * JSON that is not an object): POST /admin/prospector/runs (a Google Places lead search),
 * POST /admin/prospector/watch-runs (fetches supplier pages), POST /admin/orion/runs (a forecast over the
 * whole sales history), POST /admin/orion/sales-history/backfill (re-reads every order). The two multipart
 * upload routes (fitment and orion imports) get the same JSON bodies, which they must refuse.
 * Real ids are used for GET routes; writes (POST, DELETE) get real ids only of rows this test created, so the
 * demo data the other suites rely on is never changed, and what the fuzzing created is deleted at the end.
 */
import fc from "fast-check"
import path from "path"
import { Client } from "pg"
import { adminHeaders, sql, testEnv } from "../helpers/env"
import { CustomRoute, customRoutes, routeUrl } from "../helpers/routes"
import {
  anyBody,
  nasty,
  queryString,
  REAL_IDS,
  refusedBody,
} from "./fuzz-inputs"

jest.setTimeout(600000)

const SEED = 20261202
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE || 6)
// the same request without credentials, for the first runs of each admin route
const ANONYMOUS_RUNS = 2
const ROOT = path.resolve(__dirname, "..", "..")

const LONG_JOBS = new Set([
  "POST /admin/prospector/runs",
  "POST /admin/prospector/watch-runs",
  "POST /admin/orion/runs",
  "POST /admin/orion/sales-history/backfill",
])

// ------------------------------------------------------------------ stored data fingerprint

const CORE_TABLES = [
  "product",
  "product_variant",
  "money_amount",
  "product_category_product",
  "price_list",
  "customer",
  '"user"',
]
let watchedTables: Array<{ table: string; columns: string[] }> = []
let db: Client | undefined
/** The fingerprint after the last accepted request: a refused one must leave it as it is. */
let baseline = ""

async function fingerprint(): Promise<string> {
  const parts = watchedTables.map(({ table, columns }) => {
    const extra = ["updated_at", "deleted_at"]
      .filter((c) => columns.includes(c))
      .map((c) => `, coalesce(max(${c})::text, '')`)
      .join("")
    return `SELECT '${table.replace(/"/g, "")}' || ':' || count(*)${extra.replace(/, /g, " || ':' || ")} AS f FROM ${table}`
  })
  const { rows } = await db!.query<{ f: string }>(parts.join(" UNION ALL "))
  return rows
    .map((r) => r.f)
    .sort()
    .join("\n")
}

// ------------------------------------------------------------------ the ids to put in :param segments

/** Ids of rows this test created, for writes (POST, DELETE) with a real id. */
let ownIds: Record<string, Record<string, string>> = {}

async function realIds(
  route: CustomRoute
): Promise<Record<string, string> | null> {
  if (route.method !== "GET") {
    return (
      Object.entries(ownIds).find(([p]) =>
        new RegExp(p).test(route.path)
      )?.[1] ?? null
    )
  }
  const found = REAL_IDS.find(([re]) => re.test(route.path))
  if (!found) {
    return null
  }
  const rows = await sql<Record<string, string>>(found[1])
  return rows[0] ?? null
}

// ------------------------------------------------------------------ the calls

const LEAK = [
  /\bat\s+[\w.<>$]+\s+\([^)]*:\d+:\d+\)/, // a stack frame
  /node_modules/,
  new RegExp(ROOT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  /\/(home|root|usr|opt|srv)\/[\w.-]+\//,
  /QueryFailedError|EntityNotFound|TypeError:|ReferenceError:|SyntaxError: Unexpected/,
  /\bSELECT\b[\s\S]{1,200}\bFROM\b|\bINSERT INTO\b|\bUPDATE\s+"?\w+"?\s+SET\b|\bsyntax error at or near\b|\bviolates\b.*\bconstraint\b/i,
]

type Stats = {
  routes: Set<string>
  requests: number
  serverErrors: number
  refused: number
  accepted: number
}
const stats: Stats = {
  routes: new Set(),
  requests: 0,
  serverErrors: 0,
  refused: 0,
  accepted: 0,
}
const failures: string[] = []

async function send(
  route: CustomRoute,
  url: string,
  body: string | undefined,
  auth: boolean
): Promise<void> {
  const headers: Record<string, string> = auth ? await adminHeaders() : {}
  if (body !== undefined) {
    headers["content-type"] = "application/json"
  }
  const res = await fetch(`${testEnv().baseUrl}${url}`, {
    method: route.method,
    headers,
    body,
  })
  const text = await res.text()
  stats.requests++
  const what = `${route.method} ${url}${body !== undefined ? ` body ${body.slice(0, 200)}` : ""}${auth ? "" : " (anonymous)"}`
  if (res.status >= 500) {
    stats.serverErrors++
    failures.push(`${what} → ${res.status} ${text.slice(0, 300)}`)
    return
  }
  const leak = LEAK.find((re) => re.test(text))
  if (leak) {
    failures.push(`${what} → answer leaks ${leak}: ${text.slice(0, 300)}`)
  }
  let after = await fingerprint()
  if (res.status >= 400) {
    stats.refused++
    if (after !== baseline) {
      // the server's own background work (a forecast run finishing, its accuracy scoring, a scheduled job) may
      // have written meanwhile: the same request is sent once more from the new state, and must change nothing
      const before = after
      const again = await fetch(`${testEnv().baseUrl}${url}`, {
        method: route.method,
        headers,
        body,
      })
      await again.text()
      after = await fingerprint()
      if (again.status >= 400 && after !== before) {
        failures.push(
          `${what} → ${res.status} but stored data changed (again when sent a second time: ${again.status})`
        )
      }
    }
    // Medusa's own authentication answers a bare "Unauthorized"; every other refusal is JSON
    if (
      res.status !== 401 &&
      !res.headers.get("content-type")?.includes("application/json")
    ) {
      failures.push(
        `${what} → ${res.status} answered ${res.headers.get("content-type")} instead of JSON`
      )
    }
  } else {
    stats.accepted++
  }
  baseline = after
}

async function fuzzRoute(route: CustomRoute): Promise<void> {
  const key = `${route.method} ${route.path}`
  stats.routes.add(key)
  const real = await realIds(route)
  const ids = route.params.length
    ? fc.oneof(
        fc.constant((p: string) => (real ? real[p] : undefined) ?? "bogus_000"),
        nasty
          .filter((s) => s.trim() !== "" && s !== "." && s !== "..")
          .map((bad) => () => bad),
        fc
          .constantFrom(
            "prod_00000000000000000000000000",
            "brand_nope",
            "veh_nope",
            "1"
          )
          .map((bad) => () => bad)
      )
    : fc.constant(() => "")
  const write =
    route.method === "POST" ||
    route.method === "PUT" ||
    route.method === "PATCH"
  const body = write
    ? LONG_JOBS.has(key)
      ? refusedBody
      : anyBody
    : fc.constant(undefined)
  let runIndex = 0
  baseline = await fingerprint()
  await fc.assert(
    fc.asyncProperty(ids, queryString, body, async (fill, query, payload) => {
      const url = routeUrl(route, fill) + (query ? `?${query}` : "")
      if (
        route.method === "DELETE" &&
        real &&
        route.params.every((p) => fill(p) === real[p])
      ) {
        return // a DELETE that may legitimately succeed on our own rows is not a bad request
      }
      const known = failures.length
      await send(route, url, payload, true)
      if (route.path.startsWith("/admin/") && runIndex++ < ANONYMOUS_RUNS) {
        // anonymous: refused before anything is read or written
        await send(route, url, payload, false)
      }
      return failures.length === known
    }),
    { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true }
  )
}

describe("fuzzing every custom route", () => {
  const startedAt = new Date()

  beforeAll(async () => {
    db = new Client({ connectionString: testEnv().databaseUrl })
    await db.connect()
    const tables = await sql<{ table_name: string; columns: string[] }>(
      `SELECT table_name, array_agg(column_name::text) AS columns FROM information_schema.columns
       WHERE table_schema = 'public' AND (table_name ~ '^(brand|vehicle|fitment|part_number|prospector_|orion_)' OR table_name = ANY($1))
       GROUP BY table_name ORDER BY table_name`,
      [CORE_TABLES.map((t) => t.replace(/"/g, ""))]
    )
    watchedTables = tables.map((t) => ({
      table: t.table_name === "user" ? '"user"' : `"${t.table_name}"`,
      columns: t.columns,
    }))
    // rows of our own for writes with a real id
    const admin = {
      ...(await adminHeaders()),
      "content-type": "application/json",
    }
    const post = async (url: string, body: unknown) => {
      const res = await fetch(`${testEnv().baseUrl}${url}`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify(body),
      })
      expect(res.status).toBeLessThan(300)
      return res.json()
    }
    const { brand } = await post("/admin/brands", {
      name: `Fuzz ${startedAt.getTime()}`,
    })
    const { make } = await post("/admin/vehicles/makes", {
      name: `Fuzzmake ${startedAt.getTime()}`,
    })
    ownIds = {
      "^/admin/brands/:id$": { id: brand.id },
      "^/admin/vehicles/makes/:id$": { id: make.id },
    }
  })

  afterAll(async () => {
    await db?.end()
    // what accepted fuzz requests created (newest first for foreign keys), the rows made above included
    for (const { table, columns } of [
      ...watchedTables,
      ...watchedTables,
    ].reverse()) {
      if (
        columns.includes("created_at") &&
        /^"(brand|vehicle|fitment|part_number|prospector_watched_page|prospector_lead|orion_restock_setting)/.test(
          table
        )
      ) {
        await sql(`DELETE FROM ${table} WHERE created_at >= $1`, [
          startedAt,
        ]).catch(() => undefined)
      }
    }
  })

  it("never answers 5xx, never leaks, never changes data on a refused request", async () => {
    const routes = customRoutes()
    expect(routes.length).toBeGreaterThan(60)
    expect([...new Set(routes.map((r) => r.owner))]).toEqual(
      expect.arrayContaining([
        "fitment",
        "orion",
        "price-history",
        "prospector",
        "search",
        "project",
      ])
    )
    for (const route of routes) {
      try {
        await fuzzRoute(route)
      } catch (e) {
        failures.push(
          `${route.method} ${route.path}: ${(e as Error).message.split("\n").slice(0, 3).join(" ")}`
        )
      }
    }
    // the figures of the run (reported in the issue's note)
    console.log(
      `fuzz: ${stats.routes.size} routes covered, ${stats.requests} requests sent (${stats.refused} refused, ${stats.accepted} accepted), ` +
        `${stats.serverErrors} 5xx seen, seed ${SEED}, ${RUNS_PER_ROUTE} runs per route`
    )
    expect(failures).toEqual([])
    expect(stats.serverErrors).toBe(0)
    expect(stats.routes.size).toBe(routes.length)
  })
})
