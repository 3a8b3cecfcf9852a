import { MigrationInterface, QueryRunner } from "typeorm"
import { CATALOGUE_SOURCES } from "../lib/catalogue-sources"

/**
 * The catalogue read model grows from the search document: `search_document` gains what the store
 * listing filters and sorts on (direct categories, collection, type, tags, brand, update time, the
 * core free-text fields, the price sort keys) and a `version` bumped on every rebuild;
 * `catalogue_body` keeps each product's JSON exactly as core Medusa renders it, per pricing /
 * expansion context; `catalogue_state` holds the generations the answer cache is keyed on.
 *
 * The same queue (`search_dirty`, statement triggers, drained every few hundred ms) now also hears
 * the tables a rendered product is made of (prices, price lists, images, options, collections,
 * types, tags, shipping profiles). Two markers travel in it besides product ids: `*lists` (a
 * vehicle, brand, category, region or channel changed: the lists a storefront loads on every page)
 * and `*all` (a tax rate or a region changed: every rendered body is stale).
 */
export class CatalogueReadModel1733100000000 implements MigrationInterface {
  name = "CatalogueReadModel1733100000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "search_document"
        ADD COLUMN IF NOT EXISTS "product_updated_at" TIMESTAMP WITH TIME ZONE,
        ADD COLUMN IF NOT EXISTS "direct_category_ids" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN IF NOT EXISTS "collection_id" character varying,
        ADD COLUMN IF NOT EXISTS "type_id" character varying,
        ADD COLUMN IF NOT EXISTS "tag_ids" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN IF NOT EXISTS "brand_id" character varying,
        ADD COLUMN IF NOT EXISTS "core_text" text NOT NULL DEFAULT '',
        ADD COLUMN IF NOT EXISTS "price_min" integer,
        ADD COLUMN IF NOT EXISTS "price_max" integer,
        ADD COLUMN IF NOT EXISTS "version" bigint NOT NULL DEFAULT 0`)
    await queryRunner.query(
      `CREATE SEQUENCE IF NOT EXISTS "search_document_version_seq"`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_handle" ON "search_document" ("handle")`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_version" ON "search_document" ("version")`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_title" ON "search_document" ("status", "title", "product_id")`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_updated" ON "search_document" ("status", "product_updated_at" DESC, "product_id")`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_direct_categories" ON "search_document" USING gin ("direct_category_ids")`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_tags" ON "search_document" USING gin ("tag_ids")`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_collection" ON "search_document" ("collection_id") WHERE "collection_id" IS NOT NULL`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_type" ON "search_document" ("type_id") WHERE "type_id" IS NOT NULL`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_brand" ON "search_document" ("brand_id") WHERE "brand_id" IS NOT NULL`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_core_text" ON "search_document" USING gin ("core_text" gin_trgm_ops)`
    )

    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "catalogue_body" (
        "product_id" character varying NOT NULL,
        "context" text NOT NULL,
        "version" bigint NOT NULL,
        "body" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE,
        "rendered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_catalogue_body" PRIMARY KEY ("product_id", "context")
      )`)
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_body_context" ON "catalogue_body" ("context")`
    )
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "catalogue_state" (
        "id" integer NOT NULL DEFAULT 1,
        "products_generation" bigint NOT NULL DEFAULT 1,
        "lists_generation" bigint NOT NULL DEFAULT 1,
        "renderer_seen_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_catalogue_state" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_catalogue_state_one_row" CHECK ("id" = 1)
      )`)
    await queryRunner.query(
      `INSERT INTO "catalogue_state" ("id") VALUES (1) ON CONFLICT DO NOTHING`
    )

    // product ids reached from a changed row through a join: TG_ARGV[0] is a SELECT of product ids
    // over the placeholder ROWS, run once over the new rows and once over the old ones
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION catalogue_mark_dirty_via() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        q text := TG_ARGV[0];
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          EXECUTE 'INSERT INTO search_dirty (product_id) SELECT DISTINCT x.pid FROM (' || replace(q, 'ROWS', 'new_rows')
                  || ') x(pid) WHERE x.pid IS NOT NULL ORDER BY 1 ON CONFLICT DO NOTHING';
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          EXECUTE 'INSERT INTO search_dirty (product_id) SELECT DISTINCT x.pid FROM (' || replace(q, 'ROWS', 'old_rows')
                  || ') x(pid) WHERE x.pid IS NOT NULL ORDER BY 1 ON CONFLICT DO NOTHING';
        END IF;
        RETURN NULL;
      END
      $fn$`)
    // a marker: TG_ARGV[0] is '*lists' or '*all'
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION catalogue_mark_marker() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO search_dirty (product_id) VALUES (TG_ARGV[0]) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END
      $fn$`)
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION catalogue_install_triggers(tbl text, fn text, arg text) RETURNS boolean
      LANGUAGE plpgsql AS $fn$
      BEGIN
        IF to_regclass('public.' || tbl) IS NULL THEN
          RETURN false;
        END IF;
        EXECUTE format('DROP TRIGGER IF EXISTS catalogue_dirty_ins ON %I', tbl);
        EXECUTE format('DROP TRIGGER IF EXISTS catalogue_dirty_upd ON %I', tbl);
        EXECUTE format('DROP TRIGGER IF EXISTS catalogue_dirty_del ON %I', tbl);
        IF fn = 'marker' THEN
          EXECUTE format('CREATE TRIGGER catalogue_dirty_ins AFTER INSERT ON %I FOR EACH STATEMENT EXECUTE FUNCTION catalogue_mark_marker(%L)', tbl, arg);
          EXECUTE format('CREATE TRIGGER catalogue_dirty_upd AFTER UPDATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION catalogue_mark_marker(%L)', tbl, arg);
          EXECUTE format('CREATE TRIGGER catalogue_dirty_del AFTER DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION catalogue_mark_marker(%L)', tbl, arg);
        ELSE
          EXECUTE format('CREATE TRIGGER catalogue_dirty_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_mark_dirty_via(%L)', tbl, arg);
          EXECUTE format('CREATE TRIGGER catalogue_dirty_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_mark_dirty_via(%L)', tbl, arg);
          EXECUTE format('CREATE TRIGGER catalogue_dirty_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_mark_dirty_via(%L)', tbl, arg);
        END IF;
        RETURN true;
      END
      $fn$`)
    for (const [tbl, fn, arg] of CATALOGUE_SOURCES) {
      await queryRunner.query(`SELECT catalogue_install_triggers($1, $2, $3)`, [
        tbl,
        fn,
        arg,
      ])
    }
    // every document is rebuilt with its new columns (the drain renders the bodies)
    await queryRunner.query(
      `INSERT INTO search_dirty (product_id) SELECT id FROM product WHERE deleted_at IS NULL ON CONFLICT DO NOTHING`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [tbl] of CATALOGUE_SOURCES) {
      await queryRunner.query(`
        DO $do$ BEGIN
          IF to_regclass('public.${tbl}') IS NOT NULL THEN
            DROP TRIGGER IF EXISTS catalogue_dirty_ins ON ${tbl};
            DROP TRIGGER IF EXISTS catalogue_dirty_upd ON ${tbl};
            DROP TRIGGER IF EXISTS catalogue_dirty_del ON ${tbl};
          END IF;
        END $do$`)
    }
    await queryRunner.query(
      `DROP FUNCTION IF EXISTS catalogue_install_triggers(text, text, text)`
    )
    await queryRunner.query(`DROP FUNCTION IF EXISTS catalogue_mark_marker()`)
    await queryRunner.query(
      `DROP FUNCTION IF EXISTS catalogue_mark_dirty_via()`
    )
    await queryRunner.query(`DROP TABLE IF EXISTS "catalogue_state"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "catalogue_body"`)
    await queryRunner.query(
      `DROP SEQUENCE IF EXISTS "search_document_version_seq"`
    )
    await queryRunner.query(`
      ALTER TABLE "search_document"
        DROP COLUMN IF EXISTS "product_updated_at", DROP COLUMN IF EXISTS "direct_category_ids",
        DROP COLUMN IF EXISTS "collection_id", DROP COLUMN IF EXISTS "type_id", DROP COLUMN IF EXISTS "tag_ids",
        DROP COLUMN IF EXISTS "brand_id", DROP COLUMN IF EXISTS "core_text", DROP COLUMN IF EXISTS "price_min",
        DROP COLUMN IF EXISTS "price_max", DROP COLUMN IF EXISTS "version"`)
  }
}
