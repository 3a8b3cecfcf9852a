/**
 * Every admin route of the fitment plugin refuses anonymous calls (routes enumerated from the route files by the
 * shared helper, so a new route is covered without editing this test).
 */
import { describeAdminRoutesRequireAuth } from "../helpers/routes"
import { adminHeaders, testEnv } from "../helpers/env"

describeAdminRoutesRequireAuth("fitment", {
  expected: [
    "POST /admin/fitment/imports",
    "POST /admin/fitment/merges",
    "GET /admin/fitment/coverage",
    "POST /admin/brands",
    "DELETE /admin/vehicles/:id",
    "POST /admin/products/:id/fitment",
  ],
  min: 31,
})

it("a fitment admin route answers with credentials", async () => {
  const ok = await fetch(`${testEnv().baseUrl}/admin/fitment/coverage`, { headers: await adminHeaders() })
  expect(ok.status).toBe(200)
})
