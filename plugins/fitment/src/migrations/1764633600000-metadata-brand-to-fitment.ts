import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * A product has ONE brand: fitment's (`fitment_product.brand_id`), read by search, the store brand filter,
 * Orion's per-brand lead times and the admin. Older databases also kept a text copy in
 * `product.metadata.brand` (the demo seed wrote the brand handle there). This migration moves that copy
 * into fitment's brand link, then removes the key:
 *
 * 1. the text is matched to a brand by handle, by name (case-insensitive) or by its slug
 *    ("Magneti Marelli" → `magneti-marelli`); a text that matches no brand creates one (nothing is lost);
 * 2. a product that already has a fitment brand keeps it (fitment's brand is the authority);
 * 3. `metadata.brand` is removed from every product (an empty or non-text value is simply dropped).
 */
const VALUE = `btrim(p.metadata->>'brand')`
const slug = (v: string) =>
  `btrim(regexp_replace(translate(lower(${v}), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy'), '[^a-z0-9]+', '-', 'g'), '-')`
const HAS_TEXT = `p.metadata ? 'brand' AND jsonb_typeof(p.metadata->'brand') = 'string' AND ${VALUE} <> ''`

export class MetadataBrandToFitment1764633600000 implements MigrationInterface {
  name = "MetadataBrandToFitment1764633600000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    // 1. a brand for every text that names none yet
    await queryRunner.query(`
      INSERT INTO brand (id, name, handle, metadata)
      SELECT DISTINCT ON (${slug("x.value")})
             'brand_' || upper(replace(gen_random_uuid()::text, '-', '')), x.value, ${slug("x.value")},
             '{"created_from": "product.metadata.brand"}'::jsonb
        FROM (SELECT DISTINCT ${VALUE} AS value FROM product p
               LEFT JOIN fitment_product fp ON fp.product_id = p.id
              WHERE ${HAS_TEXT} AND fp.brand_id IS NULL) x
       WHERE ${slug("x.value")} <> ''
         AND NOT EXISTS (SELECT 1 FROM brand b WHERE b.handle = lower(x.value) OR lower(b.name) = lower(x.value) OR b.handle = ${slug("x.value")})
       ORDER BY ${slug("x.value")}, x.value COLLATE "C"
      ON CONFLICT (handle) DO NOTHING`)
    // 2. the link, unless the product already has a fitment brand
    await queryRunner.query(`
      INSERT INTO fitment_product (product_id, brand_id)
      SELECT p.id, (SELECT b.id FROM brand b
                     WHERE b.handle = lower(${VALUE}) OR lower(b.name) = lower(${VALUE}) OR b.handle = ${slug(VALUE)}
                     ORDER BY (b.handle = lower(${VALUE})) DESC, (lower(b.name) = lower(${VALUE})) DESC, b.id LIMIT 1)
        FROM product p
       WHERE ${HAS_TEXT}
      ON CONFLICT (product_id) DO UPDATE SET brand_id = EXCLUDED.brand_id, updated_at = now()
       WHERE fitment_product.brand_id IS NULL`)
    // 3. the copy goes away
    await queryRunner.query(
      `UPDATE product SET metadata = metadata - 'brand' WHERE metadata ? 'brand'`
    )
  }

  /** Puts the brand handle back into `metadata.brand` (what the old seed wrote); created brands are kept. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE product p SET metadata = COALESCE(p.metadata, '{}'::jsonb) || jsonb_build_object('brand', b.handle)
        FROM fitment_product fp JOIN brand b ON b.id = fp.brand_id
       WHERE fp.product_id = p.id`)
  }
}
