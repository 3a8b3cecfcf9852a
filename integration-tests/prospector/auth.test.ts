/**
 * Every admin route of the prospector plugin refuses anonymous requests (routes enumerated from the route
 * files by the shared helper, so a new route is covered too).
 */
import { describeAdminRoutesRequireAuth } from "../helpers/routes"
import { api } from "./helpers"

describeAdminRoutesRequireAuth("prospector", {
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
})

describe("prospector admin credentials", () => {
  it("a wrong bearer token is refused too, and a valid one is accepted", async () => {
    const { testEnv } = await import("../helpers/env")
    const bad = await fetch(`${testEnv().baseUrl}/admin/prospector/leads`, { headers: { authorization: "Bearer not-a-token" } })
    expect(bad.status).toBe(401)
    const ok = await api("GET", "/admin/prospector/leads")
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({ leads: expect.any(Array), count: expect.any(Number) })
  })
})
