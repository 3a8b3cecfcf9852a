import { gunzipSync, gzipSync, brotliDecompressSync } from "zlib"
import {
  compressed,
  etagMatches,
  fromSharedForm,
  makeAnswer,
  makeAnswerOffThread,
  makeGzipAnswer,
  SegmentedLru,
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

describe("SegmentedLru", () => {
  const plain = (n: number, c = "x") => makeAnswer(200, c.repeat(n))

  it("keeps answers within its byte budget, new ones in a fifth of it", () => {
    const lru = new SegmentedLru(500)
    lru.set("a", plain(40))
    lru.set("b", plain(40, "y"))
    // probation holds 100 bytes: a third answer pushes out the least recent one
    lru.set("c", plain(40, "z"))
    expect(lru.get("a")).toBeUndefined()
    expect(lru.get("b")?.body?.toString()).toBe("y".repeat(40))
    expect(lru.get("c")).toBeDefined()
    expect(lru.usedBytes).toBeLessThanOrEqual(500)
    lru.set("huge", plain(600, "h"))
    expect(lru.get("huge")).toBeUndefined()
  })

  it("keeps the answers asked for again through a burst of answers asked for once", () => {
    const lru = new SegmentedLru(10000)
    for (let i = 0; i < 10; i++) {
      lru.set(`page${i}`, plain(400, String(i)))
      lru.get(`page${i}`)
    }
    for (let i = 0; i < 1000; i++) {
      lru.set(`vehicle${i}`, plain(400, "v"))
    }
    for (let i = 0; i < 10; i++) {
      expect(lru.get(`page${i}`)?.body?.toString()).toBe(String(i).repeat(400))
    }
    expect(lru.get("vehicle999")).toBeDefined()
    expect(lru.get("vehicle0")).toBeUndefined()
    expect(lru.usedBytes).toBeLessThanOrEqual(10000)
  })

  it("moves the least recent protected answers back to probation, not out", () => {
    const lru = new SegmentedLru(1000)
    for (const k of ["a", "b", "c", "d", "e", "f"]) {
      lru.set(k, plain(140, k))
      lru.get(k)
    }
    // protected holds 750 bytes, five answers: "a", the least recent, went back to probation
    expect(lru.size).toBe(6)
    expect(lru.get("a")?.body?.toString()).toBe("a".repeat(140))
  })

  it("keeps pages visited in turn, more of them than probation holds, from their third visit", () => {
    // 100 kB: probation 20 kB, protected 75 kB; 40 pages of 1 kB visited in turn, as a shopper
    // goes through a brand's pages and the next shopper does the same
    const lru = new SegmentedLru(100 * 1000)
    const page = (i: number) => plain(1000, String.fromCharCode(65 + i))
    const visit = (i: number) => {
      const hit = lru.get(`brand|page=${i}`)
      if (!hit) {
        lru.set(`brand|page=${i}`, page(i))
      }
      return hit
    }
    const rounds = [0, 1, 2].map(
      () =>
        Array.from({ length: 40 }, (_, i) => visit(i)).filter(Boolean).length
    )
    // first round: all new; second: the last 19 are still in probation, it let the first 21 go but
    // remembers their keys (they go to protected now); third: all kept. Without the keys remembered,
    // each page left probation before its next visit: no round served any.
    expect(rounds).toEqual([0, 19, 40])
    expect(lru.usedBytes).toBeLessThanOrEqual(100 * 1000)
  })

  it("drops an answer past its expiry", () => {
    const lru = new SegmentedLru(1000)
    lru.set("k", makeAnswer(200, "{}", 1000))
    expect(lru.get("k", 999)).toBeDefined()
    expect(lru.get("k", 1000)).toBeUndefined()
    expect(lru.get("k", 10)).toBeUndefined()
    expect(lru.size).toBe(0)
  })

  it("stores the gzip form alone and counts what it stores, whatever a request adds to its copy", async () => {
    const json = JSON.stringify({ products: Array(200).fill({ t: "Rotule" }) })
    const answer = await makeAnswerOffThread(200, json)
    const lru = new SegmentedLru(1024 * 1024)
    lru.set("k", answer)
    expect(lru.usedBytes).toBe(answer.gzip!.length + 1)
    const hit = lru.get("k")!
    expect(hit.body).toBeUndefined()
    expect(hit.etag).toBe(answer.etag)
    expect(plainBody(hit).toString()).toBe(json)
    compressed(hit, "br")
    expect(lru.usedBytes).toBe(answer.gzip!.length + 1)
    expect(lru.get("k")!.body).toBeUndefined()
    expect(lru.get("k")!.br).toBeUndefined()
  })

  it("compresses a large answer built without its gzip form once, for itself and the memory", () => {
    const json = JSON.stringify({ hits: Array(200).fill({ t: "Plaquettes" }) })
    const answer = makeAnswer(200, json)
    const lru = new SegmentedLru(1024 * 1024)
    lru.set("k", answer)
    // the request that built it sends the very bytes the memory keeps
    expect(answer.gzip).toBeDefined()
    expect(lru.usedBytes).toBe(answer.gzip!.length + 1)
    const hit = lru.get("k")!
    expect(hit.body).toBeUndefined()
    expect(compressed(hit, "gzip")).toBe(answer.gzip)
    expect(plainBody(hit).toString()).toBe(json)
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
    const lru = new SegmentedLru(10 * 1024 * 1024)
    lru.set("k", makeGzipAnswer(200, gzip, Buffer.byteLength(json)))
    expect(lru.usedBytes).toBe(gzip.length + 1)
  })
})
