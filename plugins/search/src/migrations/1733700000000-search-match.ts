import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * `search_match`: what the product search matches and ranks on, for the published documents only,
 * kept by statement triggers on `search_document` in the writer's own statement (every writer:
 * the queue drain, the rebuild, a migration). A document row is about 1.9 kB; its matching part
 * about 0.7 kB. A search that matches thousands of products (`filtre`: 12,500 of 100,000) ranks
 * them all: over the documents it read about 25,000 pages that shared buffers could not keep, over
 * this table about 4,000 that they can. The page's display columns are then read from
 * `search_document` for its own rows alone (lib/search-sql.ts).
 */
export class SearchMatch1733700000000 implements MigrationInterface {
  name = "SearchMatch1733700000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "search_match" (
        "product_id" character varying NOT NULL,
        "sales_channel_ids" text[] NOT NULL DEFAULT '{}',
        "category_ids" text[] NOT NULL DEFAULT '{}',
        "refs" text[] NOT NULL DEFAULT '{}',
        "ar_words" text[] NOT NULL DEFAULT '{}',
        "title_tsv" tsvector NOT NULL,
        "tsv" tsvector NOT NULL,
        "product_created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_search_match" PRIMARY KEY ("product_id")
      )`)
    // one function for the three statement triggers (a transition table exists only in the triggers
    // that declare it): the published rows of new_rows upserted, in product order so that two
    // writers never wait on each other in a cycle; the others removed (a document's product_id is
    // its key: an update never moves it)
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_match_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM search_match m USING old_rows o WHERE m.product_id = o.product_id;
          RETURN NULL;
        END IF;
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM search_match m USING new_rows n
           WHERE m.product_id = n.product_id AND n.status <> 'published';
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO search_match AS m (product_id, sales_channel_ids, category_ids, refs, ar_words,
                                         title_tsv, tsv, product_created_at)
          SELECT n.product_id, n.sales_channel_ids, n.category_ids, n.refs, n.ar_words,
                 n.title_tsv, n.tsv, n.product_created_at
            FROM new_rows n
           WHERE n.status = 'published'
           ORDER BY n.product_id
          ON CONFLICT (product_id) DO UPDATE SET
            sales_channel_ids = EXCLUDED.sales_channel_ids, category_ids = EXCLUDED.category_ids,
            refs = EXCLUDED.refs, ar_words = EXCLUDED.ar_words, title_tsv = EXCLUDED.title_tsv,
            tsv = EXCLUDED.tsv, product_created_at = EXCLUDED.product_created_at;
        END IF;
        RETURN NULL;
      END
      $fn$`)
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS search_match_ins ON search_document`
    )
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS search_match_upd ON search_document`
    )
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS search_match_del ON search_document`
    )
    await queryRunner.query(
      `CREATE TRIGGER search_match_ins AFTER INSERT ON search_document REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_match_sync()`
    )
    await queryRunner.query(
      `CREATE TRIGGER search_match_upd AFTER UPDATE ON search_document REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_match_sync()`
    )
    await queryRunner.query(
      `CREATE TRIGGER search_match_del AFTER DELETE ON search_document REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_match_sync()`
    )
    await queryRunner.query(`
      INSERT INTO search_match (product_id, sales_channel_ids, category_ids, refs, ar_words,
                                title_tsv, tsv, product_created_at)
      SELECT product_id, sales_channel_ids, category_ids, refs, ar_words, title_tsv, tsv, product_created_at
        FROM search_document WHERE status = 'published'
      ON CONFLICT (product_id) DO NOTHING`)
    for (const [name, def] of [
      ["IDX_search_match_tsv", `USING gin ("tsv")`],
      ["IDX_search_match_refs", `USING gin ("refs")`],
      ["IDX_search_match_ar_words", `USING gin ("ar_words")`],
      ["IDX_search_match_categories", `USING gin ("category_ids")`],
      ["IDX_search_match_created", `("product_created_at" DESC, "product_id")`],
    ]) {
      await queryRunner.query(
        `CREATE INDEX IF NOT EXISTS "${name}" ON "search_match" ${def}`
      )
    }
    await queryRunner.query(`ANALYZE "search_match"`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ["ins", "upd", "del"]) {
      await queryRunner.query(
        `DROP TRIGGER IF EXISTS search_match_${t} ON search_document`
      )
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS search_match_sync()`)
    await queryRunner.query(`DROP TABLE IF EXISTS "search_match"`)
  }
}
