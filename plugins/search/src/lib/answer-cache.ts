import { createHash } from "crypto"
import { brotliCompressSync, constants as zlib, gzipSync } from "zlib"

/**
 * Answers of store reads, kept by their normalised request: the JSON text, its ETag, and its
 * compressed forms made once on first demand. `MemoryLru` is the in-process level (every
 * instance), bounded in bytes; a shared level (Redis) stores the text alone.
 */

export type CachedAnswer = {
  status: number
  body: string
  etag: string
  /** epoch ms after which the answer is stale (a price list starts or ends); none: until a change */
  expiresAt?: number
  gzip?: Buffer
  br?: Buffer
}

/** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024

export function makeAnswer(status: number, body: string, expiresAt?: number): CachedAnswer {
  return { status, body, etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 27)}"`, expiresAt }
}

/** Does an `If-None-Match` header name this ETag (a list, weak forms or `*`)? */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) {
    return false
  }
  if (header.trim() === "*") {
    return true
  }
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)
}

/** The encoding to answer with, from `Accept-Encoding` (br preferred, then gzip), if any. */
export function pickEncoding(header: string | undefined, size: number): "br" | "gzip" | null {
  if (!header || size < COMPRESS_MIN_BYTES) {
    return null
  }
  const accepted = new Map<string, number>()
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";")
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0
  if (ok("br")) {
    return "br"
  }
  if (ok("gzip")) {
    return "gzip"
  }
  return null
}

/** The compressed form of an answer, made once and kept on it. */
export function compressed(answer: CachedAnswer, encoding: "br" | "gzip"): Buffer {
  if (encoding === "br") {
    answer.br ??= brotliCompressSync(answer.body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(answer.body) },
    })
    return answer.br
  }
  answer.gzip ??= gzipSync(answer.body, { level: 6 })
  return answer.gzip
}

/** Least-recently-used answers, at most `maxBytes` of JSON text in all. */
export class MemoryLru {
  private map = new Map<string, CachedAnswer>()
  private bytes = 0

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.map.size
  }

  get usedBytes(): number {
    return this.bytes
  }

  get(key: string, now = Date.now()): CachedAnswer | undefined {
    const hit = this.map.get(key)
    if (hit && hit.expiresAt !== undefined && hit.expiresAt <= now) {
      this.map.delete(key)
      this.bytes -= hit.body.length + key.length
      return undefined
    }
    if (hit) {
      this.map.delete(key)
      this.map.set(key, hit)
    }
    return hit
  }

  set(key: string, answer: CachedAnswer): void {
    const size = answer.body.length + key.length
    if (size > this.maxBytes) {
      return
    }
    const old = this.map.get(key)
    if (old) {
      this.bytes -= old.body.length + key.length
      this.map.delete(key)
    }
    this.map.set(key, answer)
    this.bytes += size
    for (const [k, v] of this.map) {
      if (this.bytes <= this.maxBytes) {
        break
      }
      this.map.delete(k)
      this.bytes -= v.body.length + k.length
    }
  }

  clear(): void {
    this.map.clear()
    this.bytes = 0
  }
}
