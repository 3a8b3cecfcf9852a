import { MigrationInterface, QueryRunner } from "typeorm"
import { FITMENT_DIRTY_SOURCES } from "../lib/fitment-sources"

/**
 * PostgreSQL product search: extensions (unaccent, pg_trgm), normalisation functions, the
 * `shabou_fr` text search configuration, the denormalised `search_document` table (one row per
 * product, GIN indexes), the typo dictionary `search_word` (trigram index), and the `search_dirty`
 * queue filled by statement-level triggers on every table a document is built from. The server
 * drains the queue every second (loaders/search-refresh.ts); scripts/search-reindex.js rebuilds all.
 */
export class SearchSchema1732390000000 implements MigrationInterface {
  name = "SearchSchema1732390000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`)
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`)

    // unaccent() is STABLE (it depends on search_path); pinning the dictionary makes it IMMUTABLE
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION shabou_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
      $fn$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $fn$`)
    // lower case, no Latin accents, Arabic without diacritics/tatweel and with one form per letter
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION shabou_search_norm(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $fn$ SELECT btrim(regexp_replace(lower(shabou_unaccent(translate(
             regexp_replace(COALESCE($1, ''), '[\\u064B-\\u065F\\u0670\\u0640]', '', 'g'),
             'أإآٱىةؤئ', 'اااايهوي'))), '\\s+', ' ', 'g')) $fn$`)
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION shabou_ref_norm(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $fn$ SELECT upper(regexp_replace(shabou_unaccent(COALESCE($1, '')), '[^A-Za-z0-9]', '', 'g')) $fn$`)
    // Arabic words, normalised, without the article "ال" (locale-independent: no reliance on the parser)
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION shabou_ar_words(text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $fn$ SELECT COALESCE(array_agg(DISTINCT CASE WHEN w LIKE 'ال%' AND length(w) > 3 THEN substr(w, 3) ELSE w END), '{}')
             FROM regexp_split_to_table(shabou_search_norm($1), '[^\\u0621-\\u064A0-9]+') w
            WHERE w ~ '[\\u0621-\\u064A]' $fn$`)

    await queryRunner.query(`
      DO $do$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'shabou_fr') THEN
          CREATE TEXT SEARCH CONFIGURATION shabou_fr (COPY = french);
          ALTER TEXT SEARCH CONFIGURATION shabou_fr
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
      END $do$`)

    await queryRunner.query(`
      CREATE TABLE "search_document" (
        "product_id" character varying NOT NULL,
        "title" text NOT NULL,
        "subtitle" text,
        "handle" text,
        "thumbnail" text,
        "status" character varying NOT NULL,
        "brand" text,
        "title_ar" text,
        "is_universal" boolean NOT NULL DEFAULT false,
        "category_ids" text[] NOT NULL DEFAULT '{}',
        "categories" text NOT NULL DEFAULT '',
        "sales_channel_ids" text[] NOT NULL DEFAULT '{}',
        "skus" text[] NOT NULL DEFAULT '{}',
        "refs" text[] NOT NULL DEFAULT '{}',
        "part_numbers" jsonb NOT NULL DEFAULT '[]',
        "fitment_summary" text,
        "mpn" text,
        "oe_numbers" text[] NOT NULL DEFAULT '{}',
        "title_tsv" tsvector NOT NULL,
        "tsv" tsvector NOT NULL,
        "ar_words" text[] NOT NULL DEFAULT '{}',
        "words" text NOT NULL DEFAULT '',
        "product_created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_search_document" PRIMARY KEY ("product_id")
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_search_document_tsv" ON "search_document" USING gin ("tsv")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_search_document_refs" ON "search_document" USING gin ("refs")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_search_document_ar_words" ON "search_document" USING gin ("ar_words")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_search_document_categories" ON "search_document" USING gin ("category_ids")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_search_document_listing" ON "search_document" ("status", "product_created_at" DESC, "product_id")`
    )

    await queryRunner.query(
      `CREATE TABLE "search_word" ("word" text NOT NULL, CONSTRAINT "PK_search_word" PRIMARY KEY ("word"))`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_search_word_trgm" ON "search_word" USING gin ("word" gin_trgm_ops)`
    )

    await queryRunner.query(`
      CREATE TABLE "search_dirty" (
        "product_id" character varying NOT NULL,
        "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_search_dirty" PRIMARY KEY ("product_id")
      )`)

    // statement-level: one INSERT per statement however many rows it touched (fitment imports)
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        key text := TG_ARGV[0];
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          EXECUTE format('INSERT INTO search_dirty (product_id) SELECT DISTINCT %I FROM new_rows WHERE %I IS NOT NULL ORDER BY 1 ON CONFLICT DO NOTHING', key, key);
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          EXECUTE format('INSERT INTO search_dirty (product_id) SELECT DISTINCT %I FROM old_rows WHERE %I IS NOT NULL ORDER BY 1 ON CONFLICT DO NOTHING', key, key);
        END IF;
        RETURN NULL;
      END
      $fn$`)
    // a renamed/moved category or brand changes the documents of all its products
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_mark_dirty_category() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO search_dirty (product_id)
        WITH RECURSIVE down AS (
          SELECT id FROM new_rows
          UNION
          SELECT c.id FROM product_category c JOIN down ON c.parent_category_id = down.id
        )
        SELECT DISTINCT pcp.product_id FROM product_category_product pcp JOIN down ON down.id = pcp.product_category_id
        ORDER BY 1
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END
      $fn$`)
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_mark_dirty_brand() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO search_dirty (product_id)
        SELECT DISTINCT fp.product_id FROM fitment_product fp JOIN new_rows b ON b.id = fp.brand_id
        ORDER BY 1
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END
      $fn$`)
    // installs the three statement triggers on a table when it exists (the fitment tables may not)
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_install_dirty_triggers(tbl text, key text) RETURNS boolean
      LANGUAGE plpgsql AS $fn$
      BEGIN
        IF to_regclass('public.' || tbl) IS NULL THEN
          RETURN false;
        END IF;
        EXECUTE format('DROP TRIGGER IF EXISTS search_dirty_ins ON %I', tbl);
        EXECUTE format('DROP TRIGGER IF EXISTS search_dirty_upd ON %I', tbl);
        EXECUTE format('DROP TRIGGER IF EXISTS search_dirty_del ON %I', tbl);
        EXECUTE format('CREATE TRIGGER search_dirty_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_mark_dirty(%L)', tbl, key);
        EXECUTE format('CREATE TRIGGER search_dirty_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_mark_dirty(%L)', tbl, key);
        EXECUTE format('CREATE TRIGGER search_dirty_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_mark_dirty(%L)', tbl, key);
        IF tbl = 'brand' THEN
          EXECUTE 'DROP TRIGGER IF EXISTS search_dirty_upd ON brand';
          EXECUTE 'DROP TRIGGER IF EXISTS search_dirty_ins ON brand';
          EXECUTE 'DROP TRIGGER IF EXISTS search_dirty_del ON brand';
          EXECUTE 'CREATE TRIGGER search_dirty_upd AFTER UPDATE ON brand REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_mark_dirty_brand()';
        END IF;
        IF tbl = 'product_category' THEN
          EXECUTE 'DROP TRIGGER IF EXISTS search_dirty_upd ON product_category';
          EXECUTE 'DROP TRIGGER IF EXISTS search_dirty_ins ON product_category';
          EXECUTE 'DROP TRIGGER IF EXISTS search_dirty_del ON product_category';
          EXECUTE 'CREATE TRIGGER search_dirty_upd AFTER UPDATE ON product_category REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_mark_dirty_category()';
        END IF;
        RETURN true;
      END
      $fn$`)
    await queryRunner.query(
      `SELECT search_install_dirty_triggers(t.tbl, t.key) FROM (VALUES ${DIRTY_SOURCES.map(
        ([t, k]) => `('${t}', '${k}')`
      ).join(", ")}) AS t(tbl, key)`
    )
    // everything that exists now is to be indexed
    await queryRunner.query(
      `INSERT INTO search_dirty (product_id) SELECT id FROM product WHERE deleted_at IS NULL ON CONFLICT DO NOTHING`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [tbl] of DIRTY_SOURCES) {
      await queryRunner.query(`
        DO $do$ BEGIN
          IF to_regclass('public.${tbl}') IS NOT NULL THEN
            DROP TRIGGER IF EXISTS search_dirty_ins ON ${tbl};
            DROP TRIGGER IF EXISTS search_dirty_upd ON ${tbl};
            DROP TRIGGER IF EXISTS search_dirty_del ON ${tbl};
          END IF;
        END $do$`)
    }
    await queryRunner.query(
      `DROP FUNCTION IF EXISTS search_install_dirty_triggers(text, text)`
    )
    await queryRunner.query(`DROP FUNCTION IF EXISTS search_mark_dirty_brand()`)
    await queryRunner.query(
      `DROP FUNCTION IF EXISTS search_mark_dirty_category()`
    )
    await queryRunner.query(`DROP FUNCTION IF EXISTS search_mark_dirty()`)
    await queryRunner.query(`DROP TABLE IF EXISTS "search_dirty"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "search_word"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "search_document"`)
    await queryRunner.query(
      `DROP TEXT SEARCH CONFIGURATION IF EXISTS shabou_fr`
    )
    await queryRunner.query(`DROP FUNCTION IF EXISTS shabou_ar_words(text)`)
    await queryRunner.query(`DROP FUNCTION IF EXISTS shabou_ref_norm(text)`)
    await queryRunner.query(`DROP FUNCTION IF EXISTS shabou_search_norm(text)`)
    await queryRunner.query(`DROP FUNCTION IF EXISTS shabou_unaccent(text)`)
  }
}

/** Tables a search document is built from, with the column naming the product. */
const DIRTY_SOURCES: [string, string][] = [
  ["product", "id"],
  ["product_variant", "product_id"],
  ["product_category_product", "product_id"],
  ["product_sales_channel", "product_id"],
  ["product_tags", "product_id"],
  ["product_category", "id"],
  ...FITMENT_DIRTY_SOURCES,
]
