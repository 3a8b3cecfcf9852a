import { execFileSync } from "child_process"
import path from "path"
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
async function within(
  ms: number,
  check: () => Promise<boolean>
): Promise<number> {
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

  it("rebuilds lost documents and drops stale ones with npm run search:reindex", async () => {
    const [victim] = await sql(
      `SELECT d.product_id AS id, d.skus[1] AS sku FROM search_document d
        WHERE d.status = 'published' AND d.product_id <> $1 AND cardinality(d.skus) > 0 ORDER BY d.product_id LIMIT 1`,
      [product.id]
    )
    // a document lost outside the triggers' sight, and one left over from a product that no longer exists
    await sql(`DELETE FROM search_document WHERE product_id = $1`, [victim.id])
    await sql(
      `INSERT INTO search_document SELECT (jsonb_populate_record(d, jsonb_build_object('product_id', 'prod_ghost'))).*
         FROM search_document d WHERE d.product_id <> $1 LIMIT 1`,
      [victim.id]
    )
    expect(
      (await search({ q: victim.sku })).json.hits.map((h: any) => h.id)
    ).not.toContain(victim.id)
    const ghost = () =>
      sql(
        `SELECT product_id FROM search_document WHERE product_id = 'prod_ghost'`
      )
    expect(await ghost()).toHaveLength(1)

    const out = execFileSync(
      process.execPath,
      [
        path.join(__dirname, "..", "..", "scripts", "search-reindex.js"),
        "--chunk",
        "100",
      ],
      {
        env: { ...process.env, DATABASE_URL: testEnv().databaseUrl },
        encoding: "utf8",
      }
    )
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM product WHERE deleted_at IS NULL`
    )
    expect(out).toContain(`reindexed ${n} products`)
    expect(out).toMatch(/[1-9]\d* stale documents removed/)
    // the reindex ran in another process: this server sees its new generation at its next tick (200 ms)
    await within(
      2000,
      async () =>
        (await search({ q: victim.sku })).json.hits[0]?.id === victim.id
    )
    expect((await search({ q: victim.sku })).json.hits[0]).toMatchObject({
      id: victim.id,
      _match: "reference",
    })
    expect(await ghost()).toHaveLength(0)
  })

  it("search_match holds the matching columns of the published documents exactly, whatever wrote them", async () => {
    // after the edits, deletions and the reindex above; then a document unpublished and
    // published again, and one deleted, by plain statements on search_document
    const [doc] = await sql(
      `SELECT product_id AS id FROM search_document WHERE status = 'published' ORDER BY product_id LIMIT 1`
    )
    const columns = `product_id, sales_channel_ids, category_ids, refs, ar_words, title_tsv::text, tsv::text, product_created_at`
    const differences = async () => {
      const [{ missing, extra }] = await sql(`
        SELECT (SELECT count(*)::int FROM (SELECT ${columns} FROM search_document WHERE status = 'published'
                                           EXCEPT SELECT ${columns} FROM search_match) x) AS missing,
               (SELECT count(*)::int FROM (SELECT ${columns} FROM search_match
                                           EXCEPT SELECT ${columns} FROM search_document WHERE status = 'published') y) AS extra`)
      return { missing, extra }
    }
    expect(await differences()).toEqual({ missing: 0, extra: 0 })
    const inMatch = async () =>
      (await sql(`SELECT 1 FROM search_match WHERE product_id = $1`, [doc.id]))
        .length
    await sql(
      `UPDATE search_document SET status = 'draft' WHERE product_id = $1`,
      [doc.id]
    )
    expect(await inMatch()).toBe(0)
    await sql(
      `UPDATE search_document SET status = 'published', refs = refs || '{SM0TEST1}' WHERE product_id = $1`,
      [doc.id]
    )
    expect(
      await sql(`SELECT refs FROM search_match WHERE product_id = $1`, [doc.id])
    ).toEqual([{ refs: expect.arrayContaining(["SM0TEST1"]) }])
    expect(await differences()).toEqual({ missing: 0, extra: 0 })
    const [row] = await sql(
      `SELECT to_jsonb(d) AS doc FROM search_document d WHERE product_id = $1`,
      [doc.id]
    )
    await sql(`DELETE FROM search_document WHERE product_id = $1`, [doc.id])
    expect(await inMatch()).toBe(0)
    // put back as it was (the next tests search the whole catalogue)
    await sql(
      `INSERT INTO search_document SELECT (jsonb_populate_record(NULL::search_document, $1::jsonb)).*`,
      [
        {
          ...row.doc,
          refs: row.doc.refs.filter((r: string) => r !== "SM0TEST1"),
        },
      ]
    )
    expect(await inMatch()).toBe(1)
    expect(await differences()).toEqual({ missing: 0, extra: 0 })
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
