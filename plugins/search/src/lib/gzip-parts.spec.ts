import { execFileSync } from "child_process"
import { gunzipSync } from "zlib"
import { CAN_JOIN, deflateFragment, joinParts, type Part } from "./gzip-parts"

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

/** a listing as catalogue.list assembles it: envelope texts without fragments, bodies with theirs */
function listing(bodies: Buffer[]): Part[] {
  const parts: Part[] = [{ bytes: Buffer.from('{"products":[') }]
  bodies.forEach((b, i) => {
    if (i) {
      parts.push({ bytes: Buffer.from(",") })
    }
    parts.push({ bytes: b, fragment: deflateFragment(b) })
  })
  parts.push({ bytes: Buffer.from(`],"count":${bodies.length}}`) })
  return parts
}

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
    const expected = Buffer.concat([
      Buffer.from('{"products":['),
      bodies[0],
      Buffer.from(","),
      bodies[1],
      Buffer.from(","),
      bodies[2],
      Buffer.from('],"count":3}'),
    ])
    expect(joined.body.equals(expected)).toBe(true)
    expect(gunzipSync(joined.gzip).equals(expected)).toBe(true)
    expect(
      JSON.parse(gunzipSync(joined.gzip).toString()).products[0].title
    ).toBe("Filtre à huile – فلتر زيت")
  })

  it("is read by another decoder than Node's (gzip -d), CRC and length checked", () => {
    const joined = joinParts(listing([body("Disque de frein", 7)]))!
    const out = execFileSync("gzip", ["-dc"], { input: joined.gzip })
    expect(out.equals(joined.body)).toBe(true)
  })

  it("takes an empty listing, and texts longer than a stored block (64 kB)", () => {
    const empty = joinParts(listing([]))!
    expect(gunzipSync(empty.gzip).toString()).toBe('{"products":[],"count":0}')
    const long = Buffer.from(`"${"é".repeat(50000)}"`)
    const joined = joinParts([{ bytes: long }, { bytes: Buffer.alloc(0) }])!
    expect(gunzipSync(joined.gzip).equals(long)).toBe(true)
  })

  it("gives up when a body has no fragment (rendered before fragments were kept)", () => {
    const parts = listing([body("Amortisseur", 9)])
    parts[1].fragment = null
    expect(joinParts(parts)).toBeNull()
  })

  it("a tampered fragment fails the CRC: the stream is checked, not trusted", () => {
    const parts = listing([body("Courroie", 4)])
    parts[1].bytes = body("Courroie", 5)
    const joined = joinParts(parts)!
    expect(() => gunzipSync(joined.gzip)).toThrow()
  })
})
