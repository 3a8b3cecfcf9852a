import { adminHeaders, sql, testEnv } from "../helpers/env"

const base = () => testEnv().baseUrl

async function search(body: unknown, raw?: string) {
  const res = await fetch(`${base()}/store/products/search`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ?? JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

/** Polls until the search documents are fresh (the refresh loop runs every second). */
async function settled() {
  for (let i = 0; i < 50; i++) {
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM search_dirty`)
    if (n === 0) {
      return
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error("search_dirty did not drain within 10 s")
}

/** Polls `check` until it holds; returns the elapsed ms, throws after `ms`. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > ms) {
      throw new Error(`not true within ${ms} ms`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return Date.now() - started
}

describe("product search (PostgreSQL)", () => {
  let product: any

  beforeAll(async () => {
    await settled()
    ;[product] = await sql(
      `SELECT p.id, p.title, p.metadata, (SELECT sku FROM product_variant WHERE product_id = p.id LIMIT 1) AS sku
         FROM product p WHERE p.title ILIKE 'Plaquettes de frein avant%' AND p.metadata->>'mpn' ~ '[0-9]' ORDER BY p.id LIMIT 1`
    )
  })

  it("answers in the Meilisearch shape", async () => {
    const { status, json } = await search({ q: "plaquettes", limit: 5 })
    expect(status).toBe(200)
    expect(json).toMatchObject({ offset: 0, limit: 5 })
    expect(json.estimatedTotalHits).toBeGreaterThan(0)
    expect(json.hits.length).toBeLessThanOrEqual(5)
    expect(Object.keys(json.hits[0])).toEqual(expect.arrayContaining(["id", "title", "handle", "thumbnail", "brand"]))
  })

  it("finds French words with typos and without accents", async () => {
    const { json } = await search({ q: "plaquete frein avan" })
    expect(json.hits.length).toBeGreaterThan(0)
    expect(json.hits[0].title).toMatch(/^Plaquettes de frein avant/)
    const accents = await search({ q: "plaquettes frein arriere" })
    expect(accents.json.hits[0].title).toMatch(/arrière/)
  })

  it("finds Arabic names", async () => {
    const words = String(product.metadata.title_ar).split(/\s+/).slice(0, 2).join(" ")
    const { json } = await search({ q: words, limit: 100 })
    expect(json.hits.map((h: any) => h.id)).toContain(product.id)
  })

  it("finds by brand", async () => {
    const brand = String(product.metadata.brand)
    const { json } = await search({ q: brand.toUpperCase(), limit: 50 })
    expect(json.hits.length).toBeGreaterThan(0)
    for (const h of json.hits) {
      expect(String(h.brand).toLowerCase()).toBe(brand.toLowerCase())
    }
  })

  it("finds SKU, manufacturer and OE numbers with or without spaces, dots, dashes — exact references first", async () => {
    const mpn = String(product.metadata.mpn)
    const spaced = mpn.replace(/[^A-Za-z0-9]/g, "").split("").join(" ")
    for (const q of [product.sku, product.sku.replace(/-/g, " ").toLowerCase(), mpn, spaced]) {
      const { json } = await search({ q })
      expect(json.hits[0]).toMatchObject({ id: product.id, _match: "reference" })
    }
    const oe = String(product.metadata.oe_numbers[0])
    const { json } = await search({ q: oe.replace(/[^A-Za-z0-9]/g, "-") })
    expect(json.hits.map((h: any) => h.id)).toContain(product.id)
    expect(json.hits[0]._match).toBe("reference")
  })

  it("finds by category name and narrows to categories", async () => {
    const [cat] = await sql(`SELECT id, name FROM product_category WHERE handle = 'disques-de-frein'`)
    const { json } = await search({ q: cat.name, limit: 100 })
    expect(json.hits.length).toBeGreaterThan(0)
    const narrowed = await search({ q: "frein", category_id: cat.id, limit: 100 })
    expect(narrowed.json.hits.length).toBeGreaterThan(0)
    for (const h of narrowed.json.hits) {
      expect(h.categories).toContain(cat.name)
    }
  })

  it("narrows to one vehicle (fitting or universal parts only)", async () => {
    const [veh] = await sql(`SELECT vehicle_id, count(*)::int AS n FROM fitment GROUP BY 1 ORDER BY 2 DESC LIMIT 1`)
    expect(veh).toBeDefined()
    const all = await search({ q: "", limit: 100 })
    const narrowed = await search({ q: "", vehicle_id: veh.vehicle_id, limit: 100 })
    expect(narrowed.status).toBe(200)
    expect(narrowed.json.estimatedTotalHits).toBeGreaterThan(0)
    expect(narrowed.json.estimatedTotalHits).toBeLessThan(all.json.estimatedTotalHits)
    const ids = narrowed.json.hits.map((h: any) => h.id)
    const ok = await sql(
      `SELECT p.id FROM unnest($1::text[]) p(id)
        WHERE EXISTS (SELECT 1 FROM fitment f WHERE f.product_id = p.id AND f.vehicle_id = $2)
           OR EXISTS (SELECT 1 FROM search_document d WHERE d.product_id = p.id AND d.is_universal)`,
      [ids, veh.vehicle_id]
    )
    expect(ok).toHaveLength(ids.length)
    const unknown = await search({ q: "", vehicle_id: "veh_nope" })
    expect(unknown.status).toBe(404)
  })

  it("hides unpublished products and finds a renamed product within seconds of the admin edit", async () => {
    const headers = { ...(await adminHeaders()), "content-type": "application/json" }
    const edit = async (body: unknown) => {
      const res = await fetch(`${base()}/admin/products/${product.id}`, { method: "POST", headers, body: JSON.stringify(body) })
      expect(res.status).toBe(200)
    }
    const ids = async (q: string) => (await search({ q, limit: 100 })).json.hits.map((h: any) => h.id)
    expect(await ids(product.sku)).toContain(product.id)

    await edit({ status: "draft" })
    const hiddenAfter = await within(5000, async () => !(await ids(product.sku)).includes(product.id))
    expect(await ids(product.sku)).not.toContain(product.id)
    expect(await ids("")).not.toContain(product.id)

    const word = `zorglub${Date.now().toString(36)}`
    expect(await ids(word)).toEqual([])
    await edit({ status: "published", title: `${product.title} ${word}` })
    const foundAfter = await within(5000, async () => (await ids(word)).includes(product.id))
    expect(await ids(word)).toEqual([product.id])
    // a small typo in the new word finds it too (the word dictionary was updated)
    expect(await ids(word.replace("zorglub", "zorgleb"))).toContain(product.id)
    process.stdout.write(`[search] unpublish visible after ${hiddenAfter} ms, rename after ${foundAfter} ms\n`)
  })

  it.each([
    [{ q: 42 }, '"q"'],
    [{ q: "x", limit: 0 }, '"limit"'],
    [{ q: "x", colour: "red" }, '"colour"'],
    [[1, 2], "JSON object"],
  ])("rejects the malformed body %j with a clear 400", async (body, needle) => {
    const { status, json } = await search(body)
    expect(status).toBe(400)
    expect(json.message).toContain(needle)
  })

  it("rejects invalid JSON with a clear 400", async () => {
    const { status, json } = await search(undefined, '{"q": "plaq')
    expect(status).toBe(400)
    expect(json.message).toContain("not valid JSON")
  })
})
