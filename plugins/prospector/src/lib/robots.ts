/**
 * robots.txt policy per RFC 9309, on top of robots-parser:
 *  - cached per origin for at most 24 h
 *  - 2xx: parsed (first 500 KiB); 4xx: allow all; 5xx or unreachable: disallow all
 *  - redirects followed (fetch follows up to 20; RFC asks for at least 5)
 *  - groups matched by the crawler's product token (case-insensitive), "*" otherwise
 */

import robotsParser from "robots-parser"

export const ROBOTS_MAX_TTL_MS = 24 * 60 * 60 * 1000
export const ROBOTS_MAX_BYTES = 500 * 1024

export interface RobotsDecision {
  allowed: boolean
  /** why: "robots.txt rule", "robots.txt 404: allow all", "robots.txt 503: disallow all", ... */
  reason: string
  /** Crawl-delay for our group in seconds, when given (not in RFC 9309; honoured as a floor) */
  crawlDelaySeconds?: number
}

export interface RobotsPolicyOptions {
  /** product token of our crawler, e.g. "ShabouPriceBot" */
  productToken: string
  /** full User-Agent header sent when fetching robots.txt */
  userAgent: string
  fetch?: typeof fetch
  now?: () => number
  /** cache lifetime, capped at 24 h */
  ttlMs?: number
  timeoutMs?: number
}

interface Entry {
  fetchedAt: number
  kind: "rules" | "allow-all" | "disallow-all"
  status: number | null
  robots?: ReturnType<typeof robotsParser>
  detail: string
}

export class RobotsPolicy {
  private readonly cache = new Map<string, Entry>()
  private readonly inflight = new Map<string, Promise<Entry>>()
  private readonly fetchImpl: typeof fetch
  private readonly now: () => number
  private readonly ttlMs: number
  private readonly timeoutMs: number
  readonly productToken: string
  readonly userAgent: string

  constructor(options: RobotsPolicyOptions) {
    if (!/^[a-zA-Z_-]+$/.test(options.productToken ?? "")) {
      throw new Error(
        `RobotsPolicy: product token "${options.productToken}" must contain only letters, "_" and "-" (RFC 9309)`
      )
    }
    this.productToken = options.productToken
    this.userAgent = options.userAgent
    this.fetchImpl = options.fetch ?? fetch
    this.now = options.now ?? Date.now
    this.ttlMs = Math.min(options.ttlMs ?? ROBOTS_MAX_TTL_MS, ROBOTS_MAX_TTL_MS)
    this.timeoutMs = options.timeoutMs ?? 15_000
  }

  async check(url: string): Promise<RobotsDecision> {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return { allowed: false, reason: `invalid URL "${url}"` }
    }
    if (parsed.pathname === "/robots.txt") {
      return { allowed: true, reason: "robots.txt itself" }
    }
    const entry = await this.entryFor(parsed.origin)
    if (entry.kind === "allow-all") {
      return { allowed: true, reason: entry.detail }
    }
    if (entry.kind === "disallow-all") {
      return { allowed: false, reason: entry.detail }
    }
    const robots = entry.robots as ReturnType<typeof robotsParser>
    const allowed = robots.isAllowed(parsed.href, this.productToken) !== false
    const delay = robots.getCrawlDelay(this.productToken)
    const line = robots.getMatchingLineNumber(parsed.href, this.productToken)
    return {
      allowed,
      reason: allowed
        ? `allowed by robots.txt${line > 0 ? ` line ${line}` : ""}`
        : `disallowed by robots.txt line ${line}`,
      ...(typeof delay === "number" && delay > 0
        ? { crawlDelaySeconds: delay }
        : {}),
    }
  }

  async isAllowed(url: string): Promise<boolean> {
    return (await this.check(url)).allowed
  }

  /** Drops the cached entry of one origin (or all). */
  forget(origin?: string): void {
    if (origin) {
      this.cache.delete(new URL(origin).origin)
    } else {
      this.cache.clear()
    }
  }

  private async entryFor(origin: string): Promise<Entry> {
    const cached = this.cache.get(origin)
    if (cached && this.now() - cached.fetchedAt < this.ttlMs) {
      return cached
    }
    let p = this.inflight.get(origin)
    if (!p) {
      p = this.load(origin).finally(() => this.inflight.delete(origin))
      this.inflight.set(origin, p)
    }
    const entry = await p
    this.cache.set(origin, entry)
    return entry
  }

  private async load(origin: string): Promise<Entry> {
    const url = `${origin}/robots.txt`
    const fetchedAt = this.now()
    let response: Response
    try {
      response = await this.fetchImpl(url, {
        headers: {
          "User-Agent": this.userAgent,
          Accept: "text/plain, */*;q=0.1",
        },
        redirect: "follow",
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (e) {
      return {
        fetchedAt,
        kind: "disallow-all",
        status: null,
        detail: `robots.txt unreachable (${e?.cause?.code ?? e?.message ?? e}): disallow all`,
      }
    }
    const status = response.status
    if (status >= 200 && status < 300) {
      const buf = Buffer.from(await response.arrayBuffer())
      const text = buf.subarray(0, ROBOTS_MAX_BYTES).toString("utf8")
      return {
        fetchedAt,
        kind: "rules",
        status,
        robots: robotsParser(url, text),
        detail: "robots.txt rules",
      }
    }
    await response.arrayBuffer().catch(() => undefined)
    if (status >= 400 && status < 500) {
      return {
        fetchedAt,
        kind: "allow-all",
        status,
        detail: `robots.txt ${status}: allow all`,
      }
    }
    return {
      fetchedAt,
      kind: "disallow-all",
      status,
      detail: `robots.txt ${status}: disallow all`,
    }
  }
}
