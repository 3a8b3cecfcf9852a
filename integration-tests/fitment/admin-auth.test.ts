/**
 * Every admin route of the fitment plugin refuses anonymous calls. The routes are enumerated from the built
 * plugin (every route.js under plugins/fitment/dist/api/admin), so a new route is covered without editing this test.
 */
import fs from "fs"
import path from "path"
import { testEnv } from "../helpers/env"
import { fetchOnce } from "./helpers"

const ADMIN_DIR = path.resolve(__dirname, "..", "..", "plugins", "fitment", "dist", "api", "admin")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

function routes(dir: string, prefix = "/admin"): Array<{ path: string; method: string }> {
  const out: Array<{ path: string; method: string }> = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      const segment = entry.name.replace(/^\[(.+)\]$/, "fake_$1")
      out.push(...routes(full, `${prefix}/${segment}`))
    } else if (entry.name === "route.js") {
      const mod = require(full)
      for (const method of METHODS.filter((m) => typeof mod[m] === "function")) {
        out.push({ path: prefix, method })
      }
    }
  }
  return out
}

describe("admin routes of the fitment plugin", () => {
  const all = routes(ADMIN_DIR)

  it("are found (imports, merges, coverage, CRUD…)", () => {
    const paths = all.map((r) => `${r.method} ${r.path}`)
    expect(paths).toEqual(expect.arrayContaining([
      "POST /admin/fitment/imports",
      "POST /admin/fitment/merges",
      "GET /admin/fitment/coverage",
      "POST /admin/brands",
      "DELETE /admin/vehicles/fake_id",
      "POST /admin/products/fake_id/fitment",
    ]))
    expect(all.length).toBeGreaterThan(30)
  })

  it("answer 401 without credentials, and not 401 with them", async () => {
    const refused: string[] = []
    for (const r of all) {
      const res = await fetchOnce(`${testEnv().baseUrl}${r.path}`, {
        method: r.method,
        headers: r.method === "GET" || r.method === "DELETE" ? {} : { "content-type": "application/json" },
        body: r.method === "GET" || r.method === "DELETE" ? undefined : "{}",
      })
      if (res.status !== 401) {
        refused.push(`${r.method} ${r.path} → ${res.status}`)
      }
    }
    expect(refused).toEqual([])
    const { adminHeaders } = await import("../helpers/env")
    const ok = await fetch(`${testEnv().baseUrl}/admin/fitment/coverage`, { headers: await adminHeaders() })
    expect(ok.status).toBe(200)
  })
})
