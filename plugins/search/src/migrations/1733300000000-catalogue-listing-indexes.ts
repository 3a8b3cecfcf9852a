import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Indexes in the exact order of each store listing sort (published products only), so that a page
 * is read from the index and stops at its last row instead of sorting every product: newest first
 * (core's default) and oldest first by one index read both ways, the same for the title, and one
 * each for the two price orders (lowest price ascending, highest price descending with the products
 * lacking a price first, as core sorts them).
 */
export class CatalogueListingIndexes1733300000000 implements MigrationInterface {
  name = "CatalogueListingIndexes1733300000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_list_created" ON "search_document" ("product_created_at" DESC, "product_id" DESC) WHERE "status" = 'published'`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_list_title" ON "search_document" ("title", "product_id") WHERE "status" = 'published'`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_list_price_asc" ON "search_document" ("price_min" ASC NULLS LAST, "product_id") WHERE "status" = 'published'`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_list_price_desc" ON "search_document" ("price_max" DESC NULLS FIRST, "product_id" DESC) WHERE "status" = 'published'`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ["created", "title", "price_asc", "price_desc"]) {
      await queryRunner.query(
        `DROP INDEX IF EXISTS "IDX_catalogue_list_${name}"`
      )
    }
  }
}
