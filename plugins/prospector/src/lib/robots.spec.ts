import { SupplierSite, startSupplierSite } from "./__fixtures__/supplier-site"
import { RobotsPolicy } from "./robots"

describe("RobotsPolicy against the supplier fixture site", () => {
  let site: SupplierSite
  let clock: number
  const policy = (token = "ShabouPriceBot") =>
    new RobotsPolicy({
      productToken: token,
      userAgent: `${token}/1.0 (+https://shabou.tn/bot)`,
      now: () => clock,
    })

  beforeEach(async () => {
    clock = Date.parse("2025-01-06T08:00:00Z")
    site = await startSupplierSite({ robots: "disallow" })
  })
  afterEach(() => site.close())

  it("obeys Disallow and Allow rules for our product token, with the crawl delay", async () => {
    const p = policy()
    expect(await p.check(`${site.origin}/p/jsonLd`)).toEqual({
      allowed: true,
      reason: expect.stringMatching(/allowed by robots.txt line \d+/),
      crawlDelaySeconds: 1,
    })
    const denied = await p.check(`${site.origin}/private/prices`)
    expect(denied.allowed).toBe(false)
    expect(denied.reason).toMatch(/disallowed by robots.txt line 6/)
    expect(await p.isAllowed(`${site.origin}/p/secret`)).toBe(false)
    expect(site.requests[0].userAgent).toBe(
      "ShabouPriceBot/1.0 (+https://shabou.tn/bot)"
    )
  })

  it("matches the product token case-insensitively", async () => {
    expect(await policy("badbot").isAllowed(`${site.origin}/p/jsonLd`)).toBe(
      false
    )
    expect(await policy("BadBot").isAllowed(`${site.origin}/p/jsonLd`)).toBe(
      false
    )
  })

  it("caches per origin and refetches after at most 24 h", async () => {
    const p = new RobotsPolicy({
      productToken: "ShabouPriceBot",
      userAgent: "ShabouPriceBot/1.0",
      now: () => clock,
      ttlMs: 7 * 24 * 3600e3,
    })
    await p.check(`${site.origin}/p/a`)
    await p.check(`${site.origin}/p/b`)
    expect(site.hits("/robots.txt")).toBe(1)
    site.setRobots({ text: "User-agent: *\nDisallow: /p/\n" })
    clock += 23 * 3600e3
    expect(await p.isAllowed(`${site.origin}/p/a`)).toBe(true)
    clock += 2 * 3600e3
    expect(await p.isAllowed(`${site.origin}/p/a`)).toBe(false)
    expect(site.hits("/robots.txt")).toBe(2)
  })

  it("5xx means disallow all", async () => {
    site.setRobots({ status: 500 })
    const d = await policy().check(`${site.origin}/p/jsonLd`)
    expect(d).toEqual({
      allowed: false,
      reason: "robots.txt 500: disallow all",
    })
  })

  it("4xx means allow all", async () => {
    site.setRobots({ status: 404 })
    expect(await policy().check(`${site.origin}/private/prices`)).toEqual({
      allowed: true,
      reason: "robots.txt 404: allow all",
    })
  })

  it("unreachable means disallow all", async () => {
    const origin = site.origin
    await site.close()
    const d = await policy().check(`${origin}/p/jsonLd`)
    expect(d.allowed).toBe(false)
    expect(d.reason).toMatch(/unreachable .*disallow all/)
    site = await startSupplierSite()
  })

  it("rejects a product token that is not a plain token", () => {
    expect(
      () => new RobotsPolicy({ productToken: "Shabou Bot/1.0", userAgent: "x" })
    ).toThrow(/product token/)
  })
})
