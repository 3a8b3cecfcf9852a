/**
 * Local supplier website for tests (127.0.0.1, port 0).
 *  - product pages from supplier-pages.ts under /p/<name>
 *  - ETag + Last-Modified on every page; If-None-Match / If-Modified-Since -> 304
 *  - setPage() changes a page (new ETag and Last-Modified)
 *  - /robots.txt configurable: "allow", "disallow" (Disallow: /private/ and /p/secret for all,
 *    and everything for BadBot), a custom text, or any HTTP status (404, 500, 503)
 *  - /go/<path> answers 302 to /<path> (redirect tests)
 *  - counts hits per path (robots.txt included), so tests can prove a URL was never fetched
 *  - records the User-Agent and conditional headers of each request
 */

import { createHash } from "crypto"
import http from "http"
import { AddressInfo } from "net"

import { PAGES } from "./supplier-pages"

export type RobotsMode =
  "allow" | "disallow" | { status: number } | { text: string }

export interface SupplierRequest {
  path: string
  userAgent: string | null
  ifNoneMatch: string | null
  ifModifiedSince: string | null
  status: number
}

export interface SupplierSite {
  baseUrl: string
  origin: string
  requests: SupplierRequest[]
  hits(path: string): number
  setRobots(mode: RobotsMode): void
  setPage(path: string, html: string): void
  close(): Promise<void>
}

export const DISALLOW_ROBOTS = `# fixture robots.txt
User-agent: BadBot
Disallow: /

User-agent: *
Disallow: /private/
Disallow: /p/secret
Allow: /p/
Crawl-delay: 1
`

interface Page {
  html: string
  etag: string
  lastModified: Date
}

export async function startSupplierSite(
  options: { robots?: RobotsMode } = {}
): Promise<SupplierSite> {
  let robots: RobotsMode = options.robots ?? "disallow"
  const pages = new Map<string, Page>()
  let clock = Date.parse("2025-01-06T08:00:00Z")
  const put = (path: string, html: string) => {
    clock += 60_000
    pages.set(path, {
      html,
      etag: `"${createHash("sha1").update(html).digest("hex").slice(0, 16)}"`,
      lastModified: new Date(clock),
    })
  }
  for (const [name, html] of Object.entries(PAGES)) {
    put(`/p/${name}`, html)
  }
  put("/p/secret", PAGES.jsonLd)
  put("/private/prices", PAGES.jsonLd)

  const requests: SupplierRequest[] = []
  const hits = new Map<string, number>()

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname
    hits.set(path, (hits.get(path) ?? 0) + 1)
    const record: SupplierRequest = {
      path,
      userAgent: req.headers["user-agent"] ?? null,
      ifNoneMatch: (req.headers["if-none-match"] as string) ?? null,
      ifModifiedSince: (req.headers["if-modified-since"] as string) ?? null,
      status: 0,
    }
    requests.push(record)
    const send = (
      status: number,
      body: string,
      headers: Record<string, string> = {}
    ) => {
      record.status = status
      res.writeHead(status, headers)
      res.end(status === 304 ? undefined : body)
    }

    if (path === "/robots.txt") {
      if (robots === "allow") {
        return send(200, "User-agent: *\nDisallow:\n", {
          "Content-Type": "text/plain",
        })
      }
      if (robots === "disallow") {
        return send(200, DISALLOW_ROBOTS, { "Content-Type": "text/plain" })
      }
      if ("text" in robots) {
        return send(200, robots.text, { "Content-Type": "text/plain" })
      }
      return send(robots.status, `error ${robots.status}`, {
        "Content-Type": "text/plain",
      })
    }
    if (path.startsWith("/go/")) {
      // redirect helper: /go/private/prices -> 302 /private/prices
      return send(302, "", { Location: path.slice(3) })
    }
    if (path === "/favicon.ico") {
      return send(404, "")
    }

    const page = pages.get(path)
    if (!page) {
      return send(404, "<h1>404</h1>", {
        "Content-Type": "text/html; charset=utf-8",
      })
    }
    const headers = {
      "Content-Type": "text/html; charset=utf-8",
      ETag: page.etag,
      "Last-Modified": page.lastModified.toUTCString(),
      "Cache-Control": "no-cache",
    }
    const inm = req.headers["if-none-match"]
    const ims = req.headers["if-modified-since"]
    if (inm !== undefined) {
      // RFC 9110: If-None-Match takes precedence over If-Modified-Since
      const tags = String(inm)
        .split(",")
        .map((t) => t.trim().replace(/^W\//, ""))
      if (tags.includes(page.etag) || tags.includes("*")) {
        return send(304, "", {
          ETag: page.etag,
          "Last-Modified": headers["Last-Modified"],
        })
      }
    } else if (ims !== undefined) {
      const since = Date.parse(String(ims))
      if (
        !Number.isNaN(since) &&
        Math.floor(page.lastModified.getTime() / 1000) <=
          Math.floor(since / 1000)
      ) {
        return send(304, "", {
          ETag: page.etag,
          "Last-Modified": headers["Last-Modified"],
        })
      }
    }
    send(200, page.html, headers)
  })

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    baseUrl: origin,
    origin,
    requests,
    hits: (p) => hits.get(p) ?? 0,
    setRobots: (mode) => {
      robots = mode
    },
    setPage: (p, html) => put(p, html),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
