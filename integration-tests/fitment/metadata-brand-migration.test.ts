/**
 * A product has one brand, fitment's. The demo seed no longer writes `product.metadata.brand`, and the migration
 * `1764633600000-metadata-brand-to-fitment` moves the copy older databases kept into fitment's brand link, then
 * removes the key. Run here on the real test database against products created through the admin API.
 */
import fs from "fs"
import path from "path"
import { Client } from "pg"
import { MetadataBrandToFitment1764633600000 } from "../../plugins/fitment/src/migrations/1764633600000-metadata-brand-to-fitment"
import { sql, storeClient, testEnv } from "../helpers/env"
import { admin } from "./helpers"

async function productWithMetadata(
  handle: string,
  metadata: Record<string, unknown>
): Promise<string> {
  const { status, body } = await admin("POST", "/admin/products", {
    title: `Migration ${handle}`,
    handle,
    status: "published",
    metadata,
    options: [{ title: "Default" }],
    variants: [
      {
        title: "Default",
        sku: handle.toUpperCase(),
        prices: [{ currency_code: "tnd", amount: 5000 }],
        options: [{ value: "Default" }],
      },
    ],
  })
  if (status !== 200) {
    throw new Error(`product ${handle}: ${status} ${JSON.stringify(body)}`)
  }
  return body.product.id
}

async function runMigration(): Promise<void> {
  const client = new Client({ connectionString: testEnv().databaseUrl })
  await client.connect()
  try {
    const queryRunner = {
      query: async (text: string, params?: unknown[]) =>
        (await client.query(text, params)).rows,
    }
    await new MetadataBrandToFitment1764633600000().up(queryRunner as any)
  } finally {
    await client.end()
  }
}

const brandOf = async (productId: string) =>
  (
    await sql(
      `SELECT b.handle, b.name FROM fitment_product fp JOIN brand b ON b.id = fp.brand_id WHERE fp.product_id = $1`,
      [productId]
    )
  )[0] ?? null

describe("metadata.brand → fitment's brand", () => {
  it("the demo seed writes no metadata.brand: every demo product has fitment's brand instead", async () => {
    expect(
      await sql(`SELECT id FROM product WHERE metadata ? 'brand'`)
    ).toEqual([])
    const demo: Array<{ handle: string; brand: string }> = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../../data/products.json"), "utf8")
    )
    const rows = await sql(
      `SELECT p.handle, b.handle AS brand FROM product p LEFT JOIN fitment_product fp ON fp.product_id = p.id
         LEFT JOIN brand b ON b.id = fp.brand_id WHERE p.handle = ANY($1)`,
      [demo.map((p) => p.handle)]
    )
    expect(rows).toHaveLength(demo.length)
    const brandByHandle = new Map(rows.map((r) => [r.handle, r.brand]))
    for (const p of demo) {
      expect([p.handle, brandByHandle.get(p.handle)]).toEqual([
        p.handle,
        p.brand,
      ])
    }
  })

  it("moves the text into the brand link (by handle, name or slug; unknown names become brands), keeps a fitment brand, removes the key", async () => {
    const byHandle = await productWithMetadata("migration-handle", {
      brand: "bosch",
      title_ar: "فلتر",
    })
    const byName = await productWithMetadata("migration-name", {
      brand: "  MAGNETI MARELLI ",
    })
    const unknown = await productWithMetadata("migration-unknown", {
      brand: "Marque Ancienne Ébène",
    })
    const unknownToo = await productWithMetadata("migration-unknown-2", {
      brand: "marque ancienne ebene",
    })
    const kept = await productWithMetadata("migration-kept", { brand: "bosch" })
    const empty = await productWithMetadata("migration-empty", {
      brand: "",
      mpn: "X1",
    })
    const [valeo] = await sql(`SELECT id FROM brand WHERE handle = 'valeo'`)
    expect(
      (
        await admin("POST", `/admin/products/${kept}/brand`, {
          brand_id: valeo.id,
        })
      ).status
    ).toBe(200)

    await runMigration()

    expect(await brandOf(byHandle)).toEqual({ handle: "bosch", name: "Bosch" })
    expect(await brandOf(byName)).toEqual({
      handle: "magneti-marelli",
      name: "Magneti Marelli",
    })
    expect(await brandOf(unknown)).toEqual({
      handle: "marque-ancienne-ebene",
      name: "Marque Ancienne Ébène",
    })
    expect(await brandOf(unknownToo)).toEqual({
      handle: "marque-ancienne-ebene",
      name: "Marque Ancienne Ébène",
    })
    expect(await brandOf(kept)).toEqual({ handle: "valeo", name: "Valeo" })
    expect(await brandOf(empty)).toBeNull()
    const rows = await sql(
      `SELECT id, metadata FROM product WHERE handle LIKE 'migration-%' ORDER BY handle`
    )
    expect(rows).toHaveLength(6)
    for (const r of rows) {
      expect(Object.keys(r.metadata ?? {})).not.toContain("brand")
    }
    expect(rows.find((r) => r.id === byHandle).metadata).toEqual({
      title_ar: "فلتر",
    })
    expect(rows.find((r) => r.id === empty).metadata).toEqual({ mpn: "X1" })
    // the store reads the moved brand
    const { product } = await storeClient().products.retrieve(byName)
    expect((product as any).brand).toMatchObject({ handle: "magneti-marelli" })
    // a second run changes nothing
    await runMigration()
    expect(
      (
        await sql(
          `SELECT count(*)::int AS n FROM brand WHERE handle = 'marque-ancienne-ebene'`
        )
      )[0].n
    ).toBe(1)
    expect(await brandOf(kept)).toEqual({ handle: "valeo", name: "Valeo" })
  })
})
