/**
 * Every custom admin route refuses anonymous calls and calls with a wrong bearer token (401), and the admin's
 * credentials are accepted. The routes are read from the route files of every plugin and of the project
 * (integration-tests/helpers/routes.ts), so a new route, or a new plugin, is covered without editing this test;
 * the expectations below only check that the enumeration still finds each plugin's routes.
 */
import { adminHeaders, testEnv } from "../helpers/env"
import { customRoutes, routesAnsweringWithout } from "../helpers/routes"

const FOUND: Record<string, { expected: string[]; min: number }> = {
  fitment: {
    expected: [
      "POST /admin/fitment/imports",
      "POST /admin/fitment/merges",
      "GET /admin/fitment/coverage",
      "POST /admin/brands",
      "DELETE /admin/vehicles/:id",
      "POST /admin/products/:id/fitment",
    ],
    min: 31,
  },
  prospector: {
    expected: [
      "GET /admin/prospector/leads",
      "GET /admin/prospector/leads/export",
      "GET /admin/prospector/leads/:id",
      "GET /admin/prospector/watched-pages",
      "GET /admin/prospector/watched-pages/:id",
      "GET /admin/prospector/observations",
      "GET /admin/prospector/alerts",
      "GET /admin/prospector/reports",
      "GET /admin/prospector/reports/:id",
      "GET /admin/prospector/runs",
      "POST /admin/prospector/watch-runs",
      "GET /admin/prospector/ledger",
    ],
    min: 18,
  },
  orion: {
    expected: [
      "GET /admin/orion/forecasts",
      "POST /admin/orion/runs",
      "POST /admin/orion/alerts/:id/acknowledge",
      "POST /admin/orion/sales-history/imports",
    ],
    min: 12,
  },
  "price-history": {
    expected: ["GET /admin/products/:id/price-history"],
    min: 2,
  },
  search: { expected: ["GET /admin/catalogue/status"], min: 1 },
  project: { expected: ["GET /admin/dashboard"], min: 1 },
}

describe("custom admin routes require authentication", () => {
  const routes = customRoutes({ scope: "admin" })

  it.each(Object.entries(FOUND))(
    "the routes of %s are found from the route files",
    (owner, { expected, min }) => {
      const own = routes
        .filter((r) => r.owner === owner)
        .map((r) => `${r.method} ${r.path}`)
      expect(own).toEqual(expect.arrayContaining(expected))
      expect(own.length).toBeGreaterThanOrEqual(min)
    }
  )

  it("each answers 401 without credentials", async () => {
    expect(await routesAnsweringWithout(routes, {})).toEqual([])
  })

  it("each answers 401 with a wrong bearer token", async () => {
    expect(
      await routesAnsweringWithout(routes, {
        authorization: "Bearer not-a-token",
      })
    ).toEqual([])
  })

  it("the admin's credentials are accepted", async () => {
    for (const url of [
      "/admin/fitment/coverage",
      "/admin/prospector/leads",
      "/admin/orion/runs",
      "/admin/dashboard",
    ]) {
      const res = await fetch(`${testEnv().baseUrl}${url}`, {
        headers: await adminHeaders(),
      })
      await res.arrayBuffer()
      expect({ url, status: res.status }).toEqual({ url, status: 200 })
    }
  })
})
