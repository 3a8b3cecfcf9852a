/**
 * Security headers on every answer (API, health, admin UI), HSTS only behind TLS, no X-Powered-By, and a
 * request id on every answer (an incoming sane one is kept).
 */
import { testEnv } from "../helpers/env"

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${testEnv().baseUrl}${path}`, { headers, redirect: "manual" })

describe("security headers", () => {
  it.each([
    "/store/regions",
    "/health",
    "/admin/auth",
    "/app/login",
    "/no/such/route",
  ])("%s carries them", async (path) => {
    const res = await get(path)
    await res.arrayBuffer()
    expect(res.headers.get("x-powered-by")).toBeNull()
    expect(res.headers.get("x-content-type-options")).toBe("nosniff")
    expect(res.headers.get("x-frame-options")).toBe("DENY")
    const csp = res.headers.get("content-security-policy") ?? ""
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(res.headers.get("referrer-policy")).toBe("no-referrer")
    // plain http: no HSTS (it would lock browsers out of http://localhost)
    expect(res.headers.get("strict-transport-security")).toBeNull()
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("HSTS is sent when the request came over TLS through the proxy", async () => {
    const res = await get("/store/regions", { "x-forwarded-proto": "https" })
    expect(res.status).toBe(200)
    expect(res.headers.get("strict-transport-security")).toMatch(
      /max-age=31536000; includeSubDomains/
    )
  })

  it("an unknown route is a JSON 404 in Medusa's error shape", async () => {
    const res = await get("/no/such/route")
    expect(res.status).toBe(404)
    expect(res.headers.get("content-type")).toMatch(/application\/json/)
    expect(await res.json()).toEqual({
      type: "not_found",
      message: "GET /no/such/route is not a route of this server",
    })
  })

  it("keeps a sane incoming x-request-id and replaces a bad one", async () => {
    const kept = await get("/store/regions", { "x-request-id": "lb-1234.abcd" })
    expect(kept.headers.get("x-request-id")).toBe("lb-1234.abcd")
    const replaced = await get("/store/regions", {
      "x-request-id": "<script>" + "x".repeat(200),
    })
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
  })
})
