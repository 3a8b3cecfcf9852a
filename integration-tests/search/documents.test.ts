/**
 * The search documents kept right whatever writes them: npm run search:reindex rebuilds lost ones and
 * drops stale ones; search_match (what a search matches and ranks on) follows search_document.
 */
import { execFileSync } from "child_process"
import path from "path"
import { sql, testEnv } from "../helpers/env"
import { search, settled, within } from "./helpers"

describe("search documents", () => {
  let product: { id: string }

  beforeAll(async () => {
    await settled()
    ;[product] = await sql(
      `SELECT p.id FROM product p WHERE p.title ILIKE 'Plaquettes de frein avant%' AND p.metadata->>'mpn' ~ '[0-9]' ORDER BY p.id LIMIT 1`
    )
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
})
