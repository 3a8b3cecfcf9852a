import { gunzipSync, gzipSync, brotliDecompressSync } from "zlib"
import {
  compressed,
  etagMatches,
  fromSharedForm,
  makeAnswer,
  makeAnswerOffThread,
  makeGzipAnswer,
  MemoryLru,
  pickEncoding,
  plainBody,
  sharedForm,
} from "./answer-cache"

describe("answers", () => {
  it("have a stable ETag that If-None-Match recognises in every form", () => {
    const a = makeAnswer(200, '{"products":[]}')
    expect(a.etag).toBe(makeAnswer(200, '{"products":[]}').etag)
    expect(a.etag).not.toBe(makeAnswer(200, '{"products":[1]}').etag)
    expect(etagMatches(a.etag, a.etag)).toBe(true)
    expect(etagMatches(`W/${a.etag}`, a.etag)).toBe(true)
    expect(etagMatches(`"other", ${a.etag}`, a.etag)).toBe(true)
    expect(etagMatches("*", a.etag)).toBe(true)
    expect(etagMatches('"other"', a.etag)).toBe(false)
    expect(etagMatches(undefined, a.etag)).toBe(false)
  })

  it("hold the UTF-8 bytes of the JSON, Arabic and accents included", () => {
    const text = '{"title":"Filtre à huile – فلتر زيت"}'
    const a = makeAnswer(200, text)
    expect(Buffer.isBuffer(a.body)).toBe(true)
    expect(a.size).toBe(Buffer.byteLength(text))
    expect(a.body!.toString("utf8")).toBe(text)
    expect(makeAnswer(200, Buffer.from(text)).etag).toBe(a.etag)
  })

  it("are compressed once, gzip before br (cheaper on the miss that builds them), large ones only", () => {
    expect(pickEncoding("gzip, deflate, br", 5000)).toBe("gzip")
    expect(pickEncoding("br", 5000)).toBe("br")
    expect(pickEncoding("gzip;q=0, br", 5000)).toBe("br")
    expect(pickEncoding("gzip", 5000)).toBe("gzip")
    expect(pickEncoding("br;q=0, gzip", 5000)).toBe("gzip")
    expect(pickEncoding("identity", 5000)).toBeNull()
    expect(pickEncoding("gzip", 100)).toBeNull()
    const body = JSON.stringify({
      products: Array.from({ length: 50 }, (_, i) => ({
        id: `prod_${i}`,
        title: "Filtre à huile",
      })),
    })
    const a = makeAnswer(200, body)
    const br = compressed(a, "br")
    expect(compressed(a, "br")).toBe(br)
    expect(brotliDecompressSync(br).toString()).toBe(body)
    const gz = compressed(a, "gzip")
    expect(compressed(a, "gzip")).toBe(gz)
    expect(gunzipSync(gz).toString()).toBe(body)
    expect(br.length).toBeLessThan(body.length / 3)
    expect(gz.length).toBeLessThan(body.length / 3)
  })
})

describe("the shared form (Redis)", () => {
  it("keeps the ETag and the gzip form, and gives back the same answer", () => {
    const body = JSON.stringify({
      products: Array.from({ length: 40 }, (_, i) => ({
        id: `prod_${i}`,
        title: "Plaquettes de frein – فحمات",
      })),
    })
    const a = makeAnswer(200, body)
    const stored = sharedForm(a, 1796300000123)
    expect(stored.length).toBeLessThan(a.size / 3)
    const back = fromSharedForm(stored)!
    // decompressed only when a client asks for it plain
    expect(back.body).toBeUndefined()
    expect(back.size).toBe(Buffer.byteLength(body))
    expect(plainBody(back).toString()).toBe(body)
    expect(back?.etag).toBe(a.etag)
    // the entry's expiry travels with it: the instance that reads it forgets it when Redis does
    expect(back?.expiresAt).toBe(1796300000123)
    expect(back?.gzip).toEqual(compressed(a, "gzip"))
  })

  it("reads anything else as no entry (an entry of an older format, a cut value)", () => {
    expect(fromSharedForm(Buffer.from('{"products":[]}'))).toBeNull()
    const answer = makeAnswer(200, "x".repeat(2000))
    // the forms before: ETag, line break, gzip; then ETag and expiry, line break, gzip
    for (const head of [
      `${answer.etag}`,
      `${answer.etag} ${Date.now() + 60000}`,
    ]) {
      expect(
        fromSharedForm(
          Buffer.concat([Buffer.from(`${head}\n`), compressed(answer, "gzip")])
        )
      ).toBeNull()
    }
    const stored = sharedForm(answer, Date.now() + 60000)
    expect(fromSharedForm(stored.subarray(0, stored.length - 5))).toBeNull()
    expect(fromSharedForm(Buffer.from(""))).toBeNull()
  })
})

describe("makeAnswerOffThread", () => {
  it("gives the answer makeAnswer gives, with its gzip form made already", async () => {
    const body = JSON.stringify({
      products: [{ title: "Plaquette ÉCO" }],
    }).repeat(60)
    const off = await makeAnswerOffThread(200, body, 99)
    const on = makeAnswer(200, body, 99)
    expect(off.etag).toBe(on.etag)
    expect(off.body!.equals(on.body!)).toBe(true)
    expect(off.expiresAt).toBe(99)
    expect(gunzipSync(off.gzip as Buffer).toString()).toBe(body)
    expect(off.gzip?.equals(compressed(on, "gzip"))).toBe(true)
  })

  it("does not compress an answer too small to gain from it", async () => {
    const off = await makeAnswerOffThread(200, '{"products":[]}')
    expect(off.gzip).toBeUndefined()
    expect(off.etag).toBe(makeAnswer(200, '{"products":[]}').etag)
  })
})

describe("MemoryLru", () => {
  it("keeps the most recently used answers within its byte budget", () => {
    const lru = new MemoryLru(100)
    lru.set("a", makeAnswer(200, "x".repeat(40)))
    lru.set("b", makeAnswer(200, "y".repeat(40)))
    expect(lru.get("a")?.body).toHaveLength(40)
    lru.set("c", makeAnswer(200, "z".repeat(40)))
    expect(lru.get("b")).toBeUndefined()
    expect(lru.get("a")).toBeDefined()
    expect(lru.get("c")).toBeDefined()
    expect(lru.usedBytes).toBeLessThanOrEqual(100)
    lru.set("huge", makeAnswer(200, "h".repeat(200)))
    expect(lru.get("huge")).toBeUndefined()
  })
})

describe("answers known by their gzip form (joined from fragments)", () => {
  const json = JSON.stringify({
    products: Array.from({ length: 30 }, (_, i) => ({
      id: `prod_${i}`,
      title: "Rotule – فلتر",
    })),
  })
  const gzip = gzipSync(json)

  it("have an ETag of their stream, their JSON made once when a client wants it plain", () => {
    const a = makeGzipAnswer(200, gzip, Buffer.byteLength(json), 42)
    expect(a.body).toBeUndefined()
    expect(a.etag).toBe(makeGzipAnswer(200, gzip, 1).etag)
    expect(a.etag).not.toBe(makeGzipAnswer(200, gzipSync(json + " "), 1).etag)
    expect(compressed(a, "gzip")).toBe(gzip)
    expect(pickEncoding("gzip", a.size)).toBe("gzip")
    const plain = plainBody(a)
    expect(plain.toString()).toBe(json)
    expect(plainBody(a)).toBe(plain)
    expect(brotliDecompressSync(compressed(a, "br")).toString()).toBe(json)
  })

  it("count their gzip bytes in the memory cache while they hold no JSON", () => {
    const lru = new MemoryLru(10 * 1024 * 1024)
    lru.set("k", makeGzipAnswer(200, gzip, Buffer.byteLength(json)))
    expect(lru.usedBytes).toBe(gzip.length + 1)
  })
})
