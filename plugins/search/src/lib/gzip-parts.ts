import { promisify } from "util"
import * as zlib from "zlib"

/**
 * A gzip stream assembled from pieces compressed beforehand, instead of compressing a whole answer
 * again on every miss. Each product body is kept with its *fragment*: its raw deflate form, ended
 * by a sync flush (so it ends on a byte boundary) and referring to nothing before it. Fragments
 * joined one after the other are one valid deflate stream (as pigz joins its blocks); the short
 * texts between them (`{"products":[`, commas, the count) go in as stored blocks; an empty final
 * block, the CRC-32 and the length close the gzip member (RFC 1951 §3.2.4, RFC 1952).
 *
 * A listing page of 70 kB cost about 0.35 ms of gzip at level 3; joining costs a CRC-32 of its
 * bytes. The stream is a little larger (each body is compressed alone).
 */

/** gzip level of every compressed answer: 3 costs no more than 1 on a listing page, and is smaller */
export const GZIP_LEVEL = 3

type Crc32 = (data: Buffer, value?: number) => number

/** zlib.crc32 (Node 20.15+, 22.2+); without it answers are gzipped whole */
const crc32: Crc32 | undefined = (zlib as unknown as { crc32?: Crc32 }).crc32

/** Whether fragments can be joined on this Node.js (it needs zlib.crc32). */
export const CAN_JOIN = typeof crc32 === "function"

const FRAGMENT: zlib.ZlibOptions = {
  level: GZIP_LEVEL,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
}

/** A body's fragment (see above). */
export function deflateFragment(bytes: Buffer): Buffer {
  return zlib.deflateRawSync(bytes, FRAGMENT)
}

const deflateRawAsync = promisify(zlib.deflateRaw)

/** `deflateFragment` on libuv's thread pool. */
export function deflateFragmentOffThread(bytes: Buffer): Promise<Buffer> {
  return deflateRawAsync(bytes, FRAGMENT)
}

/** a piece of an answer: its bytes, and its fragment when it has one (a short text has none) */
export type Part = { bytes: Buffer; fragment?: Buffer | null }

/** gzip header: deflate, no name, no time, unknown OS */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
/** an empty final block with fixed codes: BFINAL 1, BTYPE 01, end-of-block */
const LAST_BLOCK = Buffer.from([0x03, 0x00])
/** longest stored block */
const STORED_MAX = 0xffff

/** Bytes as stored (uncompressed) blocks, starting on a byte boundary. */
function stored(bytes: Buffer): Buffer[] {
  const out: Buffer[] = []
  for (let at = 0; at < bytes.length; at += STORED_MAX) {
    const piece = bytes.subarray(at, at + STORED_MAX)
    // BFINAL 0, BTYPE 00 (padded to the byte), then LEN and its one's complement
    const head = Buffer.alloc(5)
    head.writeUInt16LE(piece.length, 1)
    head.writeUInt16LE(~piece.length & 0xffff, 3)
    out.push(head, piece)
  }
  return out
}

/**
 * The answer's bytes and its gzip stream, joined from the parts; null when a body part has no
 * fragment (rendered before fragments were kept) or this Node.js has no zlib.crc32: the answer is
 * then compressed whole.
 */
export function joinParts(
  parts: Part[]
): { body: Buffer; gzip: Buffer } | null {
  if (!crc32) {
    return null
  }
  const chunks: Buffer[] = [HEADER]
  let crc = 0
  let size = 0
  for (const part of parts) {
    if (part.fragment === null) {
      return null
    }
    crc = crc32(part.bytes, crc)
    size += part.bytes.length
    if (part.fragment) {
      chunks.push(part.fragment)
    } else {
      chunks.push(...stored(part.bytes))
    }
  }
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size >>> 0, 4)
  chunks.push(LAST_BLOCK, trailer)
  return {
    body: Buffer.concat(
      parts.map((p) => p.bytes),
      size
    ),
    gzip: Buffer.concat(chunks),
  }
}
