/**
 * Fetches a supplier page politely:
 *  - robots.txt checked first (RobotsPolicy); a disallowed URL is never requested,
 *    redirects are followed by hand (max 5) and each hop is checked too
 *  - per-host minimum gap (HostThrottle), robots Crawl-delay as a floor
 *  - honest User-Agent
 *  - conditional GET from the previous observation (If-None-Match / If-Modified-Since), 304 handled
 *  - pages flagged needs_js are rendered with Playwright (playwright-core + Debian chromium)
 */

import type { Browser, BrowserContext } from "playwright-core"

import { HostThrottle } from "./politeness"
import { RobotsPolicy } from "./robots"

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium"
export const DEFAULT_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
]
export const MAX_REDIRECTS = 5

export interface PreviousObservation {
  etag?: string | null
  last_modified?: string | null
}

export interface FetchPageOptions {
  previous?: PreviousObservation | null
  needs_js?: boolean
  /** browser path: wait for this selector after the network is idle */
  waitForSelector?: string | null
}

export type FetchPageResult =
  | {
      status: "ok"
      via: "http" | "browser"
      http_status: number
      url: string
      final_url: string
      html: string
      etag: string | null
      last_modified: string | null
      fetched_at: Date
    }
  | {
      status: "not_modified"
      via: "http"
      http_status: 304
      url: string
      etag: string | null
      last_modified: string | null
      fetched_at: Date
    }
  | { status: "disallowed"; url: string; blocked_url: string; reason: string }
  | {
      status: "error"
      url: string
      http_status: number | null
      message: string
    }

export interface BrowserOptions {
  executablePath?: string
  args?: string[]
  timeoutMs?: number
}

export interface PageFetcherOptions {
  userAgent: string
  robots: RobotsPolicy
  throttle?: HostThrottle
  fetch?: typeof fetch
  timeoutMs?: number
  /** bytes read from a page at most */
  maxBytes?: number
  browser?: BrowserOptions
  now?: () => Date
}

export function honestUserAgent(
  productToken: string,
  version: string,
  contactUrl: string
): string {
  return `${productToken}/${version} (+${contactUrl})`
}

export class PageFetcher {
  private readonly options: PageFetcherOptions
  private readonly fetchImpl: typeof fetch
  private readonly now: () => Date
  private browser: Promise<Browser> | null = null
  private context: Promise<BrowserContext> | null = null

  constructor(options: PageFetcherOptions) {
    if (
      !options.userAgent ||
      !options.userAgent.includes(options.robots.productToken)
    ) {
      throw new Error(
        `PageFetcher: the User-Agent "${options.userAgent}" must contain the robots product token "${options.robots.productToken}"`
      )
    }
    this.options = options
    this.fetchImpl = options.fetch ?? fetch
    this.now = options.now ?? (() => new Date())
  }

  async fetchPage(
    url: string,
    options: FetchPageOptions = {}
  ): Promise<FetchPageResult> {
    try {
      new URL(url)
    } catch {
      return {
        status: "error",
        url,
        http_status: null,
        message: `invalid URL "${url}"`,
      }
    }
    return options.needs_js
      ? this.viaBrowser(url, options)
      : this.viaHttp(url, options)
  }

  /** robots + throttle for one URL; returns a "disallowed" result or null when allowed */
  private async gate(
    url: string,
    original: string
  ): Promise<FetchPageResult | null> {
    const decision = await this.options.robots.check(url)
    if (!decision.allowed) {
      return {
        status: "disallowed",
        url: original,
        blocked_url: url,
        reason: decision.reason,
      }
    }
    await this.options.throttle?.wait(url, {
      crawlDelaySeconds: decision.crawlDelaySeconds,
    })
    return null
  }

  private async viaHttp(
    url: string,
    options: FetchPageOptions
  ): Promise<FetchPageResult> {
    const headers: Record<string, string> = {
      "User-Agent": this.options.userAgent,
      Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
      "Accept-Language": "fr-TN,fr;q=0.9,ar;q=0.8,en;q=0.5",
    }
    if (options.previous?.etag) {
      headers["If-None-Match"] = options.previous.etag
    }
    if (options.previous?.last_modified) {
      headers["If-Modified-Since"] = options.previous.last_modified
    }
    let current = url
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const blocked = await this.gate(current, url)
      if (blocked) {
        return blocked
      }
      let response: Response
      try {
        response = await this.fetchImpl(current, {
          headers,
          redirect: "manual",
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        })
      } catch (e) {
        return {
          status: "error",
          url,
          http_status: null,
          message: `fetch ${current} failed: ${e?.cause?.message ?? e?.message ?? e}`,
        }
      }
      if (
        response.status >= 300 &&
        response.status < 400 &&
        response.status !== 304
      ) {
        const location = response.headers.get("location")
        await response.arrayBuffer().catch(() => undefined)
        if (!location) {
          return {
            status: "error",
            url,
            http_status: response.status,
            message: `redirect ${response.status} without Location from ${current}`,
          }
        }
        current = new URL(location, current).href
        continue
      }
      const etag = response.headers.get("etag")
      const lastModified = response.headers.get("last-modified")
      if (response.status === 304) {
        return {
          status: "not_modified",
          via: "http",
          http_status: 304,
          url,
          etag: etag ?? options.previous?.etag ?? null,
          last_modified:
            lastModified ?? options.previous?.last_modified ?? null,
          fetched_at: this.now(),
        }
      }
      if (!response.ok) {
        await response.arrayBuffer().catch(() => undefined)
        return {
          status: "error",
          url,
          http_status: response.status,
          message: `HTTP ${response.status} from ${current}`,
        }
      }
      const buf = Buffer.from(await response.arrayBuffer())
      const html = buf
        .subarray(0, this.options.maxBytes ?? 5 * 1024 * 1024)
        .toString("utf8")
      return {
        status: "ok",
        via: "http",
        http_status: response.status,
        url,
        final_url: current,
        html,
        etag,
        last_modified: lastModified,
        fetched_at: this.now(),
      }
    }
    return {
      status: "error",
      url,
      http_status: null,
      message: `more than ${MAX_REDIRECTS} redirects from ${url}`,
    }
  }

  private async getContext(): Promise<BrowserContext> {
    if (!this.context) {
      const b = this.options.browser ?? {}
      this.browser = import("playwright-core").then(({ chromium }) =>
        chromium.launch({
          executablePath: b.executablePath ?? DEFAULT_CHROMIUM_PATH,
          args: b.args ?? DEFAULT_CHROMIUM_ARGS,
          headless: true,
        })
      )
      this.context = this.browser.then(async (browser) => {
        const context = await browser.newContext({
          userAgent: this.options.userAgent,
          javaScriptEnabled: true,
        })
        // every request the page makes obeys robots.txt too; heavy media is skipped
        await context.route("**/*", async (route) => {
          const request = route.request()
          const type = request.resourceType()
          if (type === "image" || type === "media" || type === "font") {
            return route.abort()
          }
          const decision = await this.options.robots.check(request.url())
          return decision.allowed
            ? route.continue()
            : route.abort("blockedbyclient")
        })
        return context
      })
      // a failed launch is reported once, then retried on the next call
      this.context.catch(() => {
        this.context = null
        this.browser = null
      })
    }
    return this.context
  }

  private async viaBrowser(
    url: string,
    options: FetchPageOptions
  ): Promise<FetchPageResult> {
    const blocked = await this.gate(url, url)
    if (blocked) {
      return blocked
    }
    let context: BrowserContext
    try {
      context = await this.getContext()
    } catch (e) {
      return {
        status: "error",
        url,
        http_status: null,
        message: `cannot start Chromium at ${this.options.browser?.executablePath ?? DEFAULT_CHROMIUM_PATH}: ${String(e?.message ?? e).split("\n")[0]}`,
      }
    }
    const timeout = this.options.browser?.timeoutMs ?? 30_000
    const page = await context.newPage()
    try {
      const response = await page.goto(url, { waitUntil: "load", timeout })
      await page
        .waitForLoadState("networkidle", { timeout })
        .catch(() => undefined)
      if (options.waitForSelector) {
        await page.waitForSelector(options.waitForSelector, {
          state: "attached",
          timeout,
        })
      }
      const status = response?.status() ?? 0
      if (!response || status >= 400) {
        return {
          status: "error",
          url,
          http_status: status || null,
          message: `HTTP ${status} from ${url} (browser)`,
        }
      }
      const headers = response.headers()
      return {
        status: "ok",
        via: "browser",
        http_status: status,
        url,
        final_url: page.url(),
        html: await page.content(),
        etag: headers["etag"] ?? null,
        last_modified: headers["last-modified"] ?? null,
        fetched_at: this.now(),
      }
    } catch (e) {
      return {
        status: "error",
        url,
        http_status: null,
        message: `browser fetch of ${url} failed: ${String(e?.message ?? e).split("\n")[0]}`,
      }
    } finally {
      await page.close().catch(() => undefined)
    }
  }

  async close(): Promise<void> {
    const browser = this.browser
    this.context = null
    this.browser = null
    if (browser) {
      await (await browser.catch(() => null))?.close()
    }
  }
}
