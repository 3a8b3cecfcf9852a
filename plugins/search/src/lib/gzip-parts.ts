import { promisify } from "util"
import * as zlib from "zlib"

/**
 * A gzip stream assembled from pieces compressed beforehand, instead of compressing a whole answer
 * again on every miss. Each product body is kept as its *fragment*: the CRC-32 and the length of
 * the body (4 bytes each, little-endian), then its raw deflate form, ended by a sync flush (so it
 * ends on a byte boundary) and referring to nothing before it. Fragments joined one after the other
 * are one valid deflate stream (as pigz joins its blocks); the short texts between them
 * (`{"products":[`, commas, the count) go in as stored blocks; an empty final block, the CRC-32 of
 * the whole (combined from the pieces' CRCs, as zlib's crc32_combine does) and the length close the
 * gzip member (RFC 1951 §3.2.4, RFC 1952).
 *
 * A listing page of 70 kB cost about 0.35 ms of gzip at level 3 on every miss, and reading and
 * re-encoding its bodies as much again; joined, a page never holds its plain JSON at all. The
 * stream is a little larger (each body is compressed alone).
 */

/** gzip level of every compressed answer: 3 costs no more than 1 on a listing page, and is smaller */
export const GZIP_LEVEL = 3

type Crc32 = (data: Buffer, value?: number) => number

/** zlib.crc32 (Node 20.15+, 22.2+); without it answers are gzipped whole */
const crc32: Crc32 | undefined = (zlib as unknown as { crc32?: Crc32 }).crc32

/** Whether fragments can be made and joined on this Node.js (it needs zlib.crc32). */
export const CAN_JOIN = typeof crc32 === "function"

const DEFLATE: zlib.ZlibOptions = {
  level: GZIP_LEVEL,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
}
const deflateRawAsync = promisify(zlib.deflateRaw)

function withHead(bytes: Buffer, deflated: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32LE(crc32!(bytes) >>> 0, 0)
  head.writeUInt32LE(bytes.length >>> 0, 4)
  return Buffer.concat([head, deflated])
}

/** A body's fragment (see above); null without zlib.crc32. */
export function deflateFragment(bytes: Buffer): Buffer | null {
  return CAN_JOIN ? withHead(bytes, zlib.deflateRawSync(bytes, DEFLATE)) : null
}

/** `deflateFragment` on libuv's thread pool. */
export async function deflateFragmentOffThread(
  bytes: Buffer
): Promise<Buffer | null> {
  return CAN_JOIN
    ? withHead(bytes, await deflateRawAsync(bytes, DEFLATE))
    : null
}

/** The body a fragment holds. */
export function inflateFragment(fragment: Buffer): Buffer {
  // a fragment has no final block: inflated up to its sync flush
  return zlib.inflateRawSync(fragment.subarray(8), {
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  })
}

/** a piece of an answer: a short text, or a body's fragment */
export type Part = { text: Buffer } | { fragment: Buffer }

/** gzip header: deflate, no name, no time, unknown OS */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
/** an empty final block with fixed codes: BFINAL 1, BTYPE 01, end-of-block */
const LAST_BLOCK = Buffer.from([0x03, 0x00])
/** longest stored block */
const STORED_MAX = 0xffff
/** texts up to this length go in as they are (stored), longer ones compressed */
const TEXT_STORED_MAX = 256

/** Bytes as stored (uncompressed) blocks, starting on a byte boundary. */
function stored(bytes: Buffer, out: Buffer[]): void {
  for (let at = 0; at < bytes.length; at += STORED_MAX) {
    const piece = bytes.subarray(at, at + STORED_MAX)
    // BFINAL 0, BTYPE 00 (padded to the byte), then LEN and its one's complement
    const head = Buffer.alloc(5)
    head.writeUInt16LE(piece.length, 1)
    head.writeUInt16LE(~piece.length & 0xffff, 3)
    out.push(head, piece)
  }
}

/**
 * The gzip stream of the answer the parts make, and its length once decompressed; null without
 * zlib.crc32.
 */
export function joinParts(
  parts: Part[]
): { gzip: Buffer; size: number } | null {
  if (!crc32) {
    return null
  }
  const chunks: Buffer[] = [HEADER]
  let crc = 0
  let size = 0
  for (const part of parts) {
    // a long text (a body rendered on this read, that has no fragment yet) is compressed here
    const fragment =
      "fragment" in part
        ? part.fragment
        : part.text.length > TEXT_STORED_MAX
          ? deflateFragment(part.text)!
          : null
    if (fragment) {
      const length = fragment.readUInt32LE(4)
      crc = crc32Combine(crc, fragment.readUInt32LE(0), length)
      size += length
      chunks.push(fragment.subarray(8))
    } else {
      const text = (part as { text: Buffer }).text
      crc = crc32(text, crc)
      size += text.length
      stored(text, chunks)
    }
  }
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size >>> 0, 4)
  chunks.push(LAST_BLOCK, trailer)
  return { gzip: Buffer.concat(chunks), size }
}

/** The plain bytes the parts make (fragments inflated). */
export function plainParts(parts: Part[]): Buffer {
  return Buffer.concat(
    parts.map((p) => ("text" in p ? p.text : inflateFragment(p.fragment)))
  )
}

// CRC-32 of two pieces joined, from their CRCs and the second's length: zlib's crc32_combine
// (crc32.c: multiplication modulo the CRC polynomial, x^(2^n) from a table)
const POLY = 0xedb88320

function multmodp(a: number, b: number): number {
  let m = 0x80000000
  let p = 0
  for (;;) {
    if (a & m) {
      p ^= b
      if ((a & (m - 1)) === 0) {
        break
      }
    }
    m >>>= 1
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1
  }
  return p >>> 0
}

const X2N: number[] = []
for (let n = 0, p = 0x40000000; n < 32; n++) {
  X2N.push(p)
  p = multmodp(p, p)
}

/** x^(8·n) modulo the polynomial: n zero bytes */
function x8nmodp(n: number): number {
  let p = 0x80000000
  let k = 3
  while (n) {
    if (n & 1) {
      p = multmodp(X2N[k & 31], p)
    }
    n = Math.floor(n / 2)
    k++
  }
  return p
}

/** The CRC-32 of A followed by B, from crc(A), crc(B) and B's length. */
export function crc32Combine(
  crcA: number,
  crcB: number,
  lengthB: number
): number {
  return (multmodp(x8nmodp(lengthB), crcA) ^ crcB) >>> 0
}
