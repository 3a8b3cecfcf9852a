import { createHash } from "crypto"
import { promisify } from "util"
import {
  brotliCompressSync,
  constants as zlib,
  gunzipSync,
  gzip as gzipCallback,
  gzipSync,
} from "zlib"

import { LRUCache } from "lru-cache"

import { GZIP_LEVEL } from "./gzip-parts"

const gzipAsync = promisify(gzipCallback)

/**
 * Answers of store reads, kept by their normalised request: the JSON as UTF-8 bytes (encoded once:
 * hashing, compressing and sending a 70 kB text each encoded it again), its ETag, and its
 * compressed forms made once on first demand. `SegmentedLru` is the in-process level (every
 * instance), bounded in bytes; a shared level (Redis) stores the ETag and the gzip form (`sharedForm`).
 */

export type CachedAnswer = {
  status: number
  /** the JSON answer, UTF-8; absent from an answer joined from fragments until a client wants it plain */
  body?: Buffer
  /** its length in bytes */
  size: number
  etag: string
  /** epoch ms after which the answer is stale (a price list starts or ends); none: until a change */
  expiresAt?: number
  gzip?: Buffer
  br?: Buffer
}

/** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024

export function makeAnswer(
  status: number,
  body: string | Buffer,
  expiresAt?: number
): CachedAnswer {
  const bytes = typeof body === "string" ? Buffer.from(body) : body
  return {
    status,
    body: bytes,
    size: bytes.length,
    etag: etagOf(bytes),
    expiresAt,
  }
}

/**
 * `makeAnswer` with its gzip form made on libuv's thread pool: a miss's 70 kB page cost the event
 * loop about 0.35 ms of gzip (15 % of a vehicle listing's miss in a profile), time in which it
 * answers nobody. Answers too small to compress get no gzip form.
 */
export async function makeAnswerOffThread(
  status: number,
  body: string | Buffer,
  expiresAt?: number
): Promise<CachedAnswer> {
  const answer = makeAnswer(status, body, expiresAt)
  if (answer.size >= COMPRESS_MIN_BYTES) {
    answer.gzip = await gzipAsync(answer.body!, { level: GZIP_LEVEL })
  }
  return answer
}

/**
 * An answer known by its gzip form alone (joined from the bodies' fragments, lib/gzip-parts.ts):
 * its ETag is the hash of that stream (a fifth of the bytes of the JSON; the stream is a function
 * of the JSON), its plain JSON made only when a client asks for it (`plainBody`).
 */
export function makeGzipAnswer(
  status: number,
  gzip: Buffer,
  size: number,
  expiresAt?: number
): CachedAnswer {
  return { status, size, gzip, etag: etagOf(gzip), expiresAt }
}

/** The plain JSON of an answer, decompressed once when it has only its gzip form. */
export function plainBody(answer: CachedAnswer): Buffer {
  answer.body ??= gunzipSync(answer.gzip!)
  return answer.body
}

/** The ETag of an answer from the SHA-1 of its bytes. */
function etagOf(bytes: Buffer): string {
  return `"${createHash("sha1").update(bytes).digest("base64url").slice(0, 27)}"`
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

/**
 * The encoding to answer with, from `Accept-Encoding`, if any: gzip first, br for the clients that
 * take br and not gzip. Most answers are compressed once, on the miss that builds them (a shopper's
 * vehicle, page and filters are seldom asked twice): a 70 kB listing page costs about 0.5 ms at gzip
 * level 3 and 4-8 times that with brotli at a quality whose output is smaller (quality 4, 22 % fewer
 * bytes), measured on the bench catalogue's pages. CPU is what a store server runs out of.
 */
export function pickEncoding(
  header: string | undefined,
  size: number
): "br" | "gzip" | null {
  if (!header || size < COMPRESS_MIN_BYTES) {
    return null
  }
  const accepted = new Map<string, number>()
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";")
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const ok = (name: string) =>
    (accepted.get(name) ?? accepted.get("*") ?? 0) > 0
  if (ok("gzip")) {
    return "gzip"
  }
  if (ok("br")) {
    return "br"
  }
  return null
}

/** The compressed form of an answer, made once and kept on it. */
export function compressed(
  answer: CachedAnswer,
  encoding: "br" | "gzip"
): Buffer {
  if (encoding === "br") {
    answer.br ??= brotliCompressSync(plainBody(answer), {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 4,
        [zlib.BROTLI_PARAM_SIZE_HINT]: answer.size,
      },
    })
    return answer.br
  }
  answer.gzip ??= gzipSync(answer.body!, { level: GZIP_LEVEL })
  return answer.gzip
}

/**
 * An answer as the shared level (Redis) keeps it: its ETag, when the entry expires (epoch ms) and
 * the length of its gzip form, separated by spaces, a line break, its gzip form. A tenth of the
 * JSON's bytes to send to Redis on every miss, the same ETag on every instance, and one GET to read
 * it back with its expiry (a MULTI with PTTL cost four socket writes on every miss).
 */
export function sharedForm(answer: CachedAnswer, expiresAt: number): Buffer {
  const gzip = compressed(answer, "gzip")
  return Buffer.concat([
    Buffer.from(`${answer.etag} ${Math.round(expiresAt)} ${gzip.length}\n`),
    gzip,
  ])
}

/**
 * The answer kept in its shared form, its JSON decompressed only for a client that wants it plain
 * (`plainBody`); null for anything else (an entry of another format, a value cut short).
 */
export function fromSharedForm(stored: Buffer): CachedAnswer | null {
  const nl = stored.indexOf(10)
  const head = nl > 0 ? stored.subarray(0, nl).toString() : ""
  const match = /^("[^"]+") (\d+) (\d+)$/.exec(head)
  const gzip = stored.subarray(nl + 1)
  if (!match || gzip.length !== Number(match[3]) || gzip.length < 18) {
    return null
  }
  return {
    status: 200,
    // ISIZE, the gzip trailer's last field
    size: gzip.readUInt32LE(gzip.length - 4),
    etag: match[1],
    gzip,
    expiresAt: Number(match[2]),
  }
}

/** The bytes an answer holds as the memory level stores it (`storedForm`), with its key. */
function storedBytes(answer: CachedAnswer, key: string): number {
  return ((answer.gzip ?? answer.body)?.length ?? 0) + key.length
}

/**
 * An answer as the memory level keeps it: its gzip form alone when it is large enough to compress
 * (a fifth to a tenth of the JSON's bytes; nearly every client takes gzip, the others get it
 * decompressed per request), made now if the answer has none yet (kept on `answer` too, so the
 * request that built it sends the same bytes), else its JSON. A copy: what a request later adds to
 * its answer (a plain or br form) stays out of the memory's byte count.
 */
function storedForm(answer: CachedAnswer): CachedAnswer {
  const { status, size, etag, expiresAt, body } = answer
  if (!answer.gzip && size < COMPRESS_MIN_BYTES) {
    return { status, size, etag, expiresAt, body }
  }
  return { status, size, etag, expiresAt, gzip: compressed(answer, "gzip") }
}

/** bytes a ghost costs beyond its key (lru-cache's bookkeeping of an entry, roughly) */
const GHOST_OVERHEAD = 48

/** Share of a `SegmentedLru`'s bytes for answers asked for once so far. */
export const PROBATION_SHARE = 0.2
/** Share of a `SegmentedLru`'s bytes for the keys of answers probation let go (no answers). */
export const GHOST_SHARE = 0.05

/**
 * The in-process level: a segmented LRU (two lru-cache segments) bounded in bytes. A new answer
 * enters the probation segment (a fifth of the bytes); asked for again, it moves to the protected
 * segment, whose least-recent answers go back to probation when it is full. A burst of answers
 * asked for once (a thousand shoppers' vehicles, deep pages, a crawler) only turns probation over:
 * the pages shoppers come back to (the first listing pages, popular products, searches) stay.
 * A plain LRU let one such burst flush all of them.
 * Probation remembers the keys of the answers it let go (the ghosts, keys only): one asked for
 * again goes straight to the protected segment. Without them, pages that shoppers go through in
 * turn (a brand's or a category's ten pages, more of them than probation holds) left probation
 * before their second visit every time and were never served from memory.
 */
export class SegmentedLru {
  private probation: LRUCache<string, CachedAnswer>
  private protected: LRUCache<string, CachedAnswer>
  private ghosts: LRUCache<string, true>

  /** Each segment refuses an answer larger than itself (lru-cache's `maxEntrySize`, its size by default). */
  constructor(readonly maxBytes: number) {
    const sizeCalculation = (v: CachedAnswer, k: string) =>
      Math.max(1, storedBytes(v, k))
    const probationBytes = Math.max(1, Math.floor(maxBytes * PROBATION_SHARE))
    const ghostBytes = Math.max(1, Math.floor(maxBytes * GHOST_SHARE))
    this.ghosts = new LRUCache({
      maxSize: ghostBytes,
      sizeCalculation: (_v, k) => k.length + GHOST_OVERHEAD,
    })
    this.probation = new LRUCache({
      maxSize: probationBytes,
      sizeCalculation,
      dispose: (_v, k, reason) => {
        if (reason === "evict") {
          this.ghosts.set(k, true)
        }
      },
    })
    this.protected = new LRUCache({
      maxSize: Math.max(1, maxBytes - probationBytes - ghostBytes),
      sizeCalculation,
      dispose: (v, k, reason) => {
        if (reason === "evict") {
          this.probation.set(k, v)
        }
      },
    })
  }

  /** answers held */
  get size(): number {
    return this.probation.size + this.protected.size
  }

  /** bytes held (stored forms and keys, the ghosts' keys included) */
  get usedBytes(): number {
    return (
      this.probation.calculatedSize +
      this.protected.calculatedSize +
      this.ghosts.calculatedSize
    )
  }

  get(key: string, now = Date.now()): CachedAnswer | undefined {
    const kept = this.protected.get(key)
    if (kept) {
      return this.fresh(key, kept, now)
    }
    const once = this.probation.get(key)
    if (!once) {
      return undefined
    }
    this.probation.delete(key)
    const answer = this.fresh(key, once, now)
    if (answer) {
      this.protected.set(key, once)
    }
    return answer
  }

  set(key: string, answer: CachedAnswer): void {
    const stored = storedForm(answer)
    // kept already, or asked for again since probation let it go
    if (this.protected.has(key) || this.ghosts.delete(key)) {
      this.protected.set(key, stored)
      return
    }
    this.probation.set(key, stored)
  }

  clear(): void {
    this.probation.clear()
    this.protected.clear()
    this.ghosts.clear()
  }

  /** a copy of a stored answer, none when it is stale (dropped then) */
  private fresh(
    key: string,
    stored: CachedAnswer,
    now: number
  ): CachedAnswer | undefined {
    if (stored.expiresAt !== undefined && stored.expiresAt <= now) {
      this.probation.delete(key)
      this.protected.delete(key)
      return undefined
    }
    return { ...stored }
  }
}
