import { adminHeaders, sql, testEnv } from "../helpers/env"
import { search, settled, within } from "./helpers"

const base = () => testEnv().baseUrl

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
    expect(Object.keys(json.hits[0])).toEqual(
      expect.arrayContaining(["id", "title", "handle", "thumbnail", "brand"])
    )
  })

  it("pages through every match once, in rank order, with the same total on every page and past the end", async () => {
    const all = await search({ q: "frein", limit: 100 })
    const total = all.json.estimatedTotalHits
    expect(total).toBeGreaterThan(6)
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM search_document WHERE status = 'published' AND tsv @@ to_tsquery('shabou_fr', 'frein:*')`
    )
    expect(total).toBe(n)
    const seen: string[] = []
    for (let offset = 0; offset < Math.min(total, 100); offset += 6) {
      const page = await search({ q: "frein", limit: 6, offset })
      expect(page.json.estimatedTotalHits).toBe(total)
      seen.push(...page.json.hits.map((h: any) => h.id))
    }
    expect(seen).toEqual(all.json.hits.map((h: any) => h.id))
    const past = await search({ q: "frein", limit: 6, offset: total + 10 })
    expect(past.json).toMatchObject({
      hits: [],
      estimatedTotalHits: total,
      offset: total + 10,
    })
  })

  it("finds French words with typos and without accents", async () => {
    const { json } = await search({ q: "plaquete frein avan" })
    expect(json.hits.length).toBeGreaterThan(0)
    expect(json.hits[0].title).toMatch(/^Plaquettes de frein avant/)
    const accents = await search({ q: "plaquettes frein arriere" })
    expect(accents.json.hits[0].title).toMatch(/arrière/)
    // grades and references written joined ("5w30" for "5W-30")
    const grade = await search({ q: "huile 5w30", limit: 100 })
    expect(grade.json.hits.length).toBeGreaterThan(0)
    for (const h of grade.json.hits) {
      expect(h.title).toMatch(/5W-30/i)
    }
  })

  it("finds Arabic names", async () => {
    const words = String(product.metadata.title_ar)
      .split(/\s+/)
      .slice(0, 2)
      .join(" ")
    const { json } = await search({ q: words, limit: 100 })
    expect(json.hits.map((h: any) => h.id)).toContain(product.id)
  })

  it("finds by brand", async () => {
    // the product's one brand: fitment's (the search document's brand is the brand's name)
    const [{ name: brand }] = await sql<{ name: string }>(
      `SELECT b.name FROM fitment_product fp JOIN brand b ON b.id = fp.brand_id WHERE fp.product_id = $1`,
      [product.id]
    )
    const { json } = await search({ q: brand.toUpperCase(), limit: 50 })
    expect(json.hits.length).toBeGreaterThan(0)
    for (const h of json.hits) {
      expect(String(h.brand).toLowerCase()).toBe(brand.toLowerCase())
    }
  })

  it("finds SKU, manufacturer and OE numbers with or without spaces, dots, dashes — exact references first", async () => {
    const mpn = String(product.metadata.mpn)
    const spaced = mpn
      .replace(/[^A-Za-z0-9]/g, "")
      .split("")
      .join(" ")
    for (const q of [
      product.sku,
      product.sku.replace(/-/g, " ").toLowerCase(),
      mpn,
      spaced,
    ]) {
      const { json } = await search({ q })
      expect(json.hits[0]).toMatchObject({
        id: product.id,
        _match: "reference",
      })
    }
    const oe = String(product.metadata.oe_numbers[0])
    const { json } = await search({ q: oe.replace(/[^A-Za-z0-9]/g, "-") })
    expect(json.hits.map((h: any) => h.id)).toContain(product.id)
    expect(json.hits[0]._match).toBe("reference")
  })

  it("finds by category name and narrows to categories", async () => {
    const [cat] = await sql(
      `SELECT id, name FROM product_category WHERE handle = 'disques-de-frein'`
    )
    const { json } = await search({ q: cat.name, limit: 100 })
    expect(json.hits.length).toBeGreaterThan(0)
    const narrowed = await search({
      q: "frein",
      category_id: cat.id,
      limit: 100,
    })
    expect(narrowed.json.hits.length).toBeGreaterThan(0)
    for (const h of narrowed.json.hits) {
      expect(h.categories).toContain(cat.name)
    }
  })

  it("narrows to one vehicle (fitting or universal parts only)", async () => {
    const [veh] = await sql(
      `SELECT vehicle_id, count(*)::int AS n FROM fitment GROUP BY 1 ORDER BY 2 DESC LIMIT 1`
    )
    expect(veh).toBeDefined()
    const all = await search({ q: "", limit: 100 })
    const narrowed = await search({
      q: "",
      vehicle_id: veh.vehicle_id,
      limit: 100,
    })
    expect(narrowed.status).toBe(200)
    expect(narrowed.json.estimatedTotalHits).toBeGreaterThan(0)
    expect(narrowed.json.estimatedTotalHits).toBeLessThan(
      all.json.estimatedTotalHits
    )
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
    const headers = {
      ...(await adminHeaders()),
      "content-type": "application/json",
    }
    const edit = async (body: unknown) => {
      const res = await fetch(`${base()}/admin/products/${product.id}`, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(200)
    }
    const ids = async (q: string) =>
      (await search({ q, limit: 100 })).json.hits.map((h: any) => h.id)
    expect(await ids(product.sku)).toContain(product.id)

    await edit({ status: "draft" })
    const hiddenAfter = await within(
      5000,
      async () => !(await ids(product.sku)).includes(product.id)
    )
    expect(await ids(product.sku)).not.toContain(product.id)
    expect(await ids("")).not.toContain(product.id)

    const word = `zorglub${Date.now().toString(36)}`
    expect(await ids(word)).toEqual([])
    await edit({ status: "published", title: `${product.title} ${word}` })
    const foundAfter = await within(5000, async () =>
      (await ids(word)).includes(product.id)
    )
    expect(await ids(word)).toEqual([product.id])
    // a small typo in the new word finds it too (the word dictionary was updated)
    expect(await ids(word.replace("zorglub", "zorgleb"))).toContain(product.id)
    process.stdout.write(
      `[search] unpublish visible after ${hiddenAfter} ms, rename after ${foundAfter} ms\n`
    )
  })

  it("returns only products of the store's sales channel", async () => {
    const headers = {
      ...(await adminHeaders()),
      "content-type": "application/json",
    }
    const [other] = await sql(
      `SELECT p.id, (SELECT sku FROM product_variant WHERE product_id = p.id AND sku IS NOT NULL LIMIT 1) AS sku
         FROM product p WHERE p.status = 'published' AND p.id <> $1 AND p.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM product_sales_channel psc JOIN store s ON s.default_sales_channel_id = psc.sales_channel_id
                       WHERE psc.product_id = p.id)
        ORDER BY p.id DESC LIMIT 1`,
      [product.id]
    )
    const [{ channel }] = await sql(
      `SELECT default_sales_channel_id AS channel FROM store LIMIT 1`
    )
    const ids = async () =>
      (await search({ q: other.sku })).json.hits.map((h: any) => h.id)
    expect(await ids()).toContain(other.id)
    const batch = (method: string) =>
      fetch(`${base()}/admin/sales-channels/${channel}/products/batch`, {
        method,
        headers,
        body: JSON.stringify({ product_ids: [{ id: other.id }] }),
      })
    expect((await batch("DELETE")).status).toBe(200)
    await within(5000, async () => !(await ids()).includes(other.id))
    expect((await batch("POST")).status).toBe(200)
    await within(5000, async () => (await ids()).includes(other.id))
  })

  it("forgets a deleted product within seconds", async () => {
    const headers = await adminHeaders()
    // a product none of the other suites uses (they pick the first variants by id)
    const [doomed] = await sql(
      `SELECT p.id, (SELECT sku FROM product_variant WHERE product_id = p.id AND sku IS NOT NULL LIMIT 1) AS sku
         FROM product p
        WHERE p.status = 'published' AND p.id <> $1
          AND NOT EXISTS (SELECT 1 FROM (SELECT id, product_id FROM product_variant ORDER BY id LIMIT 50) v WHERE v.product_id = p.id)
          AND EXISTS (SELECT 1 FROM product_variant v WHERE v.product_id = p.id AND v.sku IS NOT NULL)
        ORDER BY p.id DESC OFFSET 3 LIMIT 1`,
      [product.id]
    )
    const ids = async () =>
      (await search({ q: doomed.sku })).json.hits.map((h: any) => h.id)
    expect(await ids()).toContain(doomed.id)
    const res = await fetch(`${base()}/admin/products/${doomed.id}`, {
      method: "DELETE",
      headers,
    })
    expect(res.status).toBe(200)
    await within(5000, async () => !(await ids()).includes(doomed.id))
    // its document is a tombstone (status "deleted", so that every server instance sees the change)
    expect(
      await sql(
        `SELECT 1 FROM search_document WHERE product_id = $1 AND status <> 'deleted'`,
        [doomed.id]
      )
    ).toHaveLength(0)
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
    // one JSON parser answers for every route (scripts/lib/security.js)
    expect(json.message).toContain("malformed JSON")
  })
})
