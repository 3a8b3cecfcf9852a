import { existsSync } from "fs"

import { fakeClock } from "./__fixtures__/fake-clock"
import { SupplierSite, startSupplierSite } from "./__fixtures__/supplier-site"
import { extractPrice } from "./extract-price"
import {
  DEFAULT_CHROMIUM_PATH,
  PageFetcher,
  honestUserAgent,
} from "./fetch-page"
import { HostThrottle } from "./politeness"
import { RobotsPolicy } from "./robots"

const TOKEN = "ShabouPriceBot"
const UA = honestUserAgent(TOKEN, "1.0", "https://shabou-auto-pieces.tn/bot")

describe("PageFetcher", () => {
  let site: SupplierSite
  let fetcher: PageFetcher
  let sleeps: number[]

  const make = () => {
    const clock = fakeClock()
    sleeps = clock.sleeps
    return new PageFetcher({
      userAgent: UA,
      robots: new RobotsPolicy({ productToken: TOKEN, userAgent: UA }),
      throttle: new HostThrottle({
        minGapMs: 1000,
        jitterMs: 0,
        now: clock.now,
        sleep: clock.sleep,
      }),
    })
  }

  beforeEach(async () => {
    site = await startSupplierSite({ robots: "disallow" })
    fetcher = make()
  })
  afterEach(async () => {
    await fetcher.close()
    await site.close()
  })

  it("checks robots.txt first, then fetches with an honest User-Agent", async () => {
    const r = await fetcher.fetchPage(`${site.origin}/p/jsonLd`)
    expect(r.status).toBe("ok")
    expect(site.requests.map((q) => q.path)).toEqual([
      "/robots.txt",
      "/p/jsonLd",
    ])
    expect(site.requests.every((q) => q.userAgent === UA)).toBe(true)
    expect(UA).toBe("ShabouPriceBot/1.0 (+https://shabou-auto-pieces.tn/bot)")
    if (r.status === "ok") {
      expect(r.etag).toMatch(/^"[0-9a-f]+"$/)
      expect(r.last_modified).toMatch(/GMT$/)
      expect(extractPrice(r.html)).toEqual(
        expect.objectContaining({ amount: 89900, currency: "TND" })
      )
    }
  })

  it("never requests a disallowed URL", async () => {
    const r = await fetcher.fetchPage(`${site.origin}/private/prices`)
    expect(r).toEqual(
      expect.objectContaining({
        status: "disallowed",
        reason: expect.stringMatching(/disallowed by robots.txt/),
      })
    )
    expect(site.hits("/private/prices")).toBe(0)
    expect(site.hits("/robots.txt")).toBe(1)
  })

  it("never follows a redirect to a disallowed URL", async () => {
    const r = await fetcher.fetchPage(`${site.origin}/go/private/prices`)
    expect(r).toEqual(
      expect.objectContaining({
        status: "disallowed",
        blocked_url: `${site.origin}/private/prices`,
      })
    )
    expect(site.hits("/go/private/prices")).toBe(1)
    expect(site.hits("/private/prices")).toBe(0)
    const ok = await fetcher.fetchPage(`${site.origin}/go/p/microdata`)
    expect(ok).toEqual(
      expect.objectContaining({
        status: "ok",
        final_url: `${site.origin}/p/microdata`,
      })
    )
  })

  it("robots.txt answering 500: nothing is fetched", async () => {
    site.setRobots({ status: 500 })
    const r = await fetcher.fetchPage(`${site.origin}/p/jsonLd`)
    expect(r).toEqual(
      expect.objectContaining({
        status: "disallowed",
        reason: "robots.txt 500: disallow all",
      })
    )
    expect(site.hits("/p/jsonLd")).toBe(0)
  })

  it("robots.txt answering 404: everything may be fetched", async () => {
    site.setRobots({ status: 404 })
    expect(
      (await fetcher.fetchPage(`${site.origin}/private/prices`)).status
    ).toBe("ok")
    expect(site.hits("/private/prices")).toBe(1)
  })

  it("sends If-None-Match / If-Modified-Since from the previous observation and handles 304", async () => {
    const first = await fetcher.fetchPage(`${site.origin}/p/openGraph`)
    if (first.status !== "ok") throw new Error(first.status)
    const byEtag = await fetcher.fetchPage(`${site.origin}/p/openGraph`, {
      previous: { etag: first.etag },
    })
    expect(byEtag).toEqual(
      expect.objectContaining({
        status: "not_modified",
        http_status: 304,
        etag: first.etag,
      })
    )
    const byDate = await fetcher.fetchPage(`${site.origin}/p/openGraph`, {
      previous: { last_modified: first.last_modified },
    })
    expect(byDate.status).toBe("not_modified")
    const sent = site.requests.filter((q) => q.path === "/p/openGraph")
    expect(sent.map((q) => [q.ifNoneMatch, q.ifModifiedSince])).toEqual([
      [null, null],
      [first.etag, null],
      [null, first.last_modified],
    ])
    site.setPage(
      "/p/openGraph",
      '<meta property="og:price:amount" content="50.00"><meta property="og:price:currency" content="EUR">'
    )
    const changed = await fetcher.fetchPage(`${site.origin}/p/openGraph`, {
      previous: { etag: first.etag, last_modified: first.last_modified },
    })
    expect(changed.status).toBe("ok")
    if (changed.status === "ok") {
      expect(changed.etag).not.toBe(first.etag)
      expect(extractPrice(changed.html)).toEqual(
        expect.objectContaining({ amount: 5000, currency: "EUR" })
      )
    }
  })

  it("keeps the per-host gap, at least the robots Crawl-delay (1 s)", async () => {
    await fetcher.fetchPage(`${site.origin}/p/jsonLd`)
    await fetcher.fetchPage(`${site.origin}/p/microdata`)
    expect(sleeps).toEqual([1000])
  })

  it("reports HTTP errors", async () => {
    expect(await fetcher.fetchPage(`${site.origin}/p/missing`)).toEqual(
      expect.objectContaining({ status: "error", http_status: 404 })
    )
  })

  it("refuses a User-Agent that hides the product token", () => {
    expect(
      () =>
        new PageFetcher({
          userAgent: "Mozilla/5.0",
          robots: new RobotsPolicy({ productToken: TOKEN, userAgent: UA }),
        })
    ).toThrow(/product token/)
  })

  describe("JavaScript pages with real Chromium", () => {
    if (!existsSync(DEFAULT_CHROMIUM_PATH)) {
      it.todo(`needs ${DEFAULT_CHROMIUM_PATH} (apt-get install chromium)`)
      return
    }
    jest.setTimeout(60_000)

    it("renders the page and finds the price the script inserted", async () => {
      const plain = await fetcher.fetchPage(`${site.origin}/p/jsRendered`)
      expect(plain.status === "ok" && extractPrice(plain.html).found).toBe(
        false
      )

      const r = await fetcher.fetchPage(`${site.origin}/p/jsRendered`, {
        needs_js: true,
        waitForSelector: "script[type='application/ld+json']",
      })
      expect(r).toEqual(
        expect.objectContaining({
          status: "ok",
          via: "browser",
          http_status: 200,
        })
      )
      if (r.status !== "ok") return
      expect(r.html).toContain("389,000 DT")
      expect(extractPrice(r.html)).toEqual(
        expect.objectContaining({
          amount: 389000,
          currency: "TND",
          method: "json-ld",
          in_stock: true,
        })
      )
      expect(
        extractPrice(
          r.html.replace(
            /<script type="application\/ld\+json">[\s\S]*?<\/script>/g,
            ""
          ),
          { selector: "#price-box .prix" }
        )
      ).toEqual(expect.objectContaining({ amount: 389000, method: "selector" }))
      const browserHits = site.requests.filter(
        (q) => q.path === "/p/jsRendered"
      )
      expect(browserHits[browserHits.length - 1].userAgent).toBe(UA)
    })

    it("does not open a disallowed page in the browser either", async () => {
      const r = await fetcher.fetchPage(`${site.origin}/p/secret`, {
        needs_js: true,
      })
      expect(r.status).toBe("disallowed")
      expect(site.hits("/p/secret")).toBe(0)
    })

    it("reports a missing browser binary clearly", async () => {
      const f = new PageFetcher({
        userAgent: UA,
        robots: new RobotsPolicy({ productToken: TOKEN, userAgent: UA }),
        browser: { executablePath: "/nonexistent/chromium" },
      })
      const r = await f.fetchPage(`${site.origin}/p/jsRendered`, {
        needs_js: true,
      })
      expect(r).toEqual(
        expect.objectContaining({
          status: "error",
          message: expect.stringMatching(
            /cannot start Chromium at \/nonexistent\/chromium/
          ),
        })
      )
      await f.close()
    })
  })
})
