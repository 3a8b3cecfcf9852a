import { execFileSync } from "child_process"
import { randomBytes } from "crypto"
import { crc32, gunzipSync } from "zlib"
import {
  CAN_JOIN,
  crc32Combine,
  deflateFragment,
  inflateFragment,
  joinParts,
  plainParts,
  type Part,
} from "./gzip-parts"

const body = (title: string, n: number) =>
  Buffer.from(
    JSON.stringify({
      id: `prod_${n}`,
      title,
      variants: Array.from({ length: 3 }, (_, i) => ({
        id: `variant_${n}_${i}`,
        prices: [{ amount: 12500 + i, currency_code: "tnd" }],
      })),
    })
  )

/** a listing as catalogue.list assembles it: envelope texts, and the bodies' fragments */
function listing(bodies: Buffer[]): Part[] {
  const parts: Part[] = [{ text: Buffer.from('{"products":[') }]
  bodies.forEach((b, i) => {
    if (i) {
      parts.push({ text: Buffer.from(",") })
    }
    parts.push({ fragment: deflateFragment(b)! })
  })
  parts.push({ text: Buffer.from(`],"count":${bodies.length}}`) })
  return parts
}

const plain = (bodies: Buffer[]) =>
  Buffer.from(
    `{"products":[${bodies.map((b) => b.toString()).join(",")}],"count":${bodies.length}}`
  )

describe("crc32Combine", () => {
  it("gives the CRC-32 of two pieces joined, as zlib computes it on the whole", () => {
    for (const [a, b] of [
      [0, 0],
      [1, 0],
      [0, 7],
      [13, 1],
      [1000, 70000],
      [65535, 65536],
    ]) {
      const x = randomBytes(a)
      const y = randomBytes(b)
      expect(crc32Combine(crc32(x), crc32(y), b)).toBe(
        crc32(Buffer.concat([x, y]))
      )
    }
  })
})

describe("joinParts", () => {
  it("runs on the Node.js of this project (zlib.crc32)", () => {
    expect(CAN_JOIN).toBe(true)
  })

  it("joins fragments into one gzip stream of the whole answer, UTF-8 included", () => {
    const bodies = [
      body("Filtre à huile – فلتر زيت", 1),
      body("Plaquettes de frein avant", 2),
      body("Bougie d'allumage", 3),
    ]
    const joined = joinParts(listing(bodies))!
    expect(gunzipSync(joined.gzip).equals(plain(bodies))).toBe(true)
    expect(joined.size).toBe(plain(bodies).length)
    expect(plainParts(listing(bodies)).equals(plain(bodies))).toBe(true)
    expect(
      JSON.parse(gunzipSync(joined.gzip).toString()).products[0].title
    ).toBe("Filtre à huile – فلتر زيت")
  })

  it("keeps each body's CRC-32 and length in its fragment, and gives the body back", () => {
    const b = body("Disque de frein", 7)
    const fragment = deflateFragment(b)!
    expect(fragment.readUInt32LE(0)).toBe(crc32(b))
    expect(fragment.readUInt32LE(4)).toBe(b.length)
    expect(inflateFragment(fragment).equals(b)).toBe(true)
  })

  it("is read by another decoder than Node's (gzip -d), CRC and length checked", () => {
    const bodies = [body("Disque de frein", 7), body("Étrier", 8)]
    const joined = joinParts(listing(bodies))!
    const out = execFileSync("gzip", ["-dc"], { input: joined.gzip })
    expect(out.equals(plain(bodies))).toBe(true)
  })

  it("takes an empty listing, and texts longer than a stored block (64 kB)", () => {
    const empty = joinParts(listing([]))!
    expect(gunzipSync(empty.gzip).toString()).toBe('{"products":[],"count":0}')
    const long = Buffer.from(`"${"é".repeat(50000)}"`)
    const joined = joinParts([{ text: long }, { text: Buffer.alloc(0) }])!
    expect(gunzipSync(joined.gzip).equals(long)).toBe(true)
  })

  it("a fragment whose CRC does not match its body fails the stream: it is checked, not trusted", () => {
    const fragment = deflateFragment(body("Courroie", 4))!
    fragment.writeUInt32LE((fragment.readUInt32LE(0) ^ 1) >>> 0, 0)
    const joined = joinParts([{ fragment }])!
    expect(() => gunzipSync(joined.gzip)).toThrow()
  })
})
