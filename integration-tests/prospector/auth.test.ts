/**
 * Every admin route of the prospector plugin refuses anonymous requests: the
 * route files are enumerated from the source, so a new route is covered too.
 */
import fs from "fs"
import path from "path"

import { api } from "./helpers"

const API_DIR = path.resolve(__dirname, "..", "..", "plugins", "prospector", "src", "api")

function routeFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      routeFiles(full, out)
    } else if (entry.name === "route.ts") {
      out.push(full)
    }
  }
  return out
}

const routes = routeFiles(API_DIR).flatMap((file) => {
  const source = fs.readFileSync(file, "utf8")
  const methods = [...source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1])
  const urlPath =
    "/" +
    path
      .relative(API_DIR, path.dirname(file))
      .split(path.sep)
      .map((seg) => (/^\[.+\]$/.test(seg) ? "test_id_123" : seg))
      .join("/")
  return methods.map((method) => ({ method, urlPath, file: path.relative(API_DIR, file) }))
})

describe("prospector admin routes require authentication", () => {
  it("finds the routes (list, export, detail, watched pages, observations, alerts, reports, runs, ledger)", () => {
    const paths = new Set(routes.map((r) => r.urlPath))
    for (const p of [
      "/admin/prospector/leads",
      "/admin/prospector/leads/export",
      "/admin/prospector/leads/test_id_123",
      "/admin/prospector/watched-pages",
      "/admin/prospector/watched-pages/test_id_123",
      "/admin/prospector/observations",
      "/admin/prospector/alerts",
      "/admin/prospector/reports",
      "/admin/prospector/reports/test_id_123",
      "/admin/prospector/runs",
      "/admin/prospector/watch-runs",
      "/admin/prospector/ledger",
    ]) {
      expect(paths).toContain(p)
    }
    expect(routes.every((r) => r.urlPath.startsWith("/admin/"))).toBe(true)
    expect(routes.length).toBeGreaterThanOrEqual(18)
  })

  it.each(routes.map((r) => [r.method, r.urlPath, r.file]))("%s %s answers 401 without credentials", async (method, urlPath) => {
    const res = await api(method, urlPath, method === "GET" || method === "DELETE" ? undefined : {}, false)
    expect(res.status).toBe(401)
  })

  it("a wrong bearer token is refused too, and a valid one is accepted", async () => {
    const { testEnv } = await import("../helpers/env")
    const bad = await fetch(`${testEnv().baseUrl}/admin/prospector/leads`, { headers: { authorization: "Bearer not-a-token" } })
    expect(bad.status).toBe(401)
    const ok = await api("GET", "/admin/prospector/leads")
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({ leads: expect.any(Array), count: expect.any(Number) })
  })
})
