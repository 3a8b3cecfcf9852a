/**
 * Shared by the catalogue (store read model) tests: one store request sent through the read model or through
 * stock Medusa (`x-catalogue-bypass: 1`, honoured when the server runs with CATALOGUE_ALLOW_BYPASS=true), a
 * deep JSON comparison that names every difference by its path, and a poll that measures how long a change
 * takes to show.
 */
import http from "http"
import { testEnv } from "../helpers/env"
import { fetchOnce } from "../helpers/fetch-once"

export type StoreRequest = {
  /** short readable name for reports */
  name: string
  method: "GET" | "POST"
  /** path with its query string, e.g. /store/products?limit=12 */
  path: string
  body?: unknown
  headers?: Record<string, string>
}

export type StoreAnswer = {
  status: number
  /** x-catalogue: model | cache | core (null when absent) */
  catalogue: string | null
  etag: string | null
  headers: Headers
  text: string
  json: any
}

/**
 * Sends one store request; `bypass` adds `x-catalogue-bypass: 1` (stock Medusa's answer, the reference).
 * A keep-alive socket the server closed while idle fails before reaching the server: that one is sent again.
 */
export async function send(
  req: StoreRequest,
  bypass = false,
  extra: Record<string, string> = {}
): Promise<StoreAnswer> {
  const headers: Record<string, string> = { ...(req.headers ?? {}), ...extra }
  if (req.body !== undefined) {
    headers["content-type"] = "application/json"
  }
  if (bypass) {
    headers["x-catalogue-bypass"] = "1"
  }
  const init: RequestInit = {
    method: req.method,
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
  }
  const url = `${testEnv().baseUrl}${req.path}`
  const res = await fetchOnce(url, init)
  const text = await res.text()
  let json: any = undefined
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return {
    status: res.status,
    catalogue: res.headers.get("x-catalogue"),
    etag: res.headers.get("etag"),
    headers: res.headers,
    text,
    json,
  }
}

/** The body of an admin API answer with the expected status; throws with the status and body otherwise. */
export function ok(
  res: { status: number; body: any },
  what: string,
  status = 200
): any {
  if (res.status !== status) {
    throw new Error(
      `${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`
    )
  }
  return res.body
}

/** GET through the read model (no bypass header). */
export function storeGet(
  path: string,
  headers: Record<string, string> = {}
): Promise<StoreAnswer> {
  return send({ name: path, method: "GET", path, headers })
}

export type Difference = { path: string; core: unknown; model: unknown }

const kind = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v

/**
 * Every difference between two JSON values, field for field: a key present on one side only, a different type,
 * a different array length or a different scalar (strict equality: 1 ≠ "1", null ≠ missing). Paths are written
 * `$.products[3].variants[0].prices[1].amount`. Stops after `max` differences.
 */
export function jsonDiff(
  core: unknown,
  model: unknown,
  path = "$",
  out: Difference[] = [],
  max = 50
): Difference[] {
  if (out.length >= max) {
    return out
  }
  const kc = kind(core)
  const km = kind(model)
  if (kc !== km) {
    out.push({ path, core, model })
    return out
  }
  if (kc === "array") {
    const a = core as unknown[]
    const b = model as unknown[]
    if (a.length !== b.length) {
      out.push({ path: `${path}.length`, core: a.length, model: b.length })
    }
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      jsonDiff(a[i], b[i], `${path}[${i}]`, out, max)
    }
    return out
  }
  if (kc === "object") {
    const a = core as Record<string, unknown>
    const b = model as Record<string, unknown>
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of Array.from(keys).sort()) {
      const p = /^[A-Za-z_$][\w$]*$/.test(k)
        ? `${path}.${k}`
        : `${path}[${JSON.stringify(k)}]`
      if (!(k in a)) {
        out.push({ path: p, core: "(missing)", model: b[k] })
      } else if (!(k in b)) {
        out.push({ path: p, core: a[k], model: "(missing)" })
      } else {
        jsonDiff(a[k], b[k], p, out, max)
      }
      if (out.length >= max) {
        break
      }
    }
    return out
  }
  if (!Object.is(core, model)) {
    out.push({ path, core, model })
  }
  return out
}

const short = (v: unknown) => {
  const s = v === undefined ? "undefined" : JSON.stringify(v)
  return s.length > 160 ? `${s.slice(0, 157)}...` : s
}

/** One line per difference: `path: core=… model=…`. */
export function formatDiffs(diffs: Difference[]): string {
  return diffs
    .map((d) => `  ${d.path}: core=${short(d.core)} model=${short(d.model)}`)
    .join("\n")
}

/**
 * Polls `check` every `every` ms until it returns true; resolves with the delay from `since` (the moment the
 * admin call returned) to the start of the read that saw the change (so a slow read does not count as stale),
 * rejects with the measured delay once `deadline` ms have passed. `check` may return a string saying what is
 * still stale: the error then ends with the last one.
 */
export async function visibleWithin(
  what: string,
  since: number,
  check: () => Promise<boolean | string>,
  { every = 50, deadline = 1000 }: { every?: number; deadline?: number } = {}
): Promise<number> {
  let last: boolean | string = false
  for (;;) {
    const started = Date.now()
    if (started - since > deadline) {
      throw new Error(
        `${what}: not visible in the store ${started - since} ms after the change (deadline ${deadline} ms)${typeof last === "string" ? `; still: ${last}` : ""}`
      )
    }
    last = await check()
    if (last === true) {
      return started - since
    }
    await new Promise((r) => setTimeout(r, every))
  }
}

/** Runs `fn` over `items` with at most `concurrency` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(
  items: T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, worker)
  )
  return results
}

/** Query string from pairs, repeated keys allowed (`[["category_id[]", a], ["category_id[]", b]]`). */
export function qs(pairs: Array<[string, string | number | boolean]>): string {
  if (!pairs.length) {
    return ""
  }
  return (
    "?" +
    pairs
      .map(
        ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`
      )
      .join("&")
  )
}

/** GET over plain node:http: no automatic decompression, so the bytes and headers are what the server sent. */
export function rawGet(
  path: string,
  headers: Record<string, string> = {}
): Promise<{
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}> {
  const url = new URL(path, testEnv().baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (c) => chunks.push(c))
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
        })
      )
      res.on("error", reject)
    })
    req.on("error", reject)
  })
}
