import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Listing pages read from indexes alone (index-only scans), without a visit to the document rows,
 * which carry the search text (about 2 kB a product) and do not stay in memory at 100k products:
 * - newest first (core's default order) carries what the filters of a listing read (channels,
 *   categories, brand) and the version, so a filtered page walks the index in its order and stops
 *   at its last row, whatever the filter;
 * - a brand's products newest first, read as one range of the index;
 * - a product looked up by id (the products that fit a vehicle: a few hundred probes a page) with
 *   the columns a page filters and sorts on.
 * Index-only scans need the table's visibility map, which (auto)vacuum keeps.
 */
export class CatalogueCoveringIndexes1733400000000 implements MigrationInterface {
  name = "CatalogueCoveringIndexes1733400000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_list_created_covering" ON "search_document" ("product_created_at" DESC, "product_id" DESC)
       INCLUDE ("version", "sales_channel_ids", "direct_category_ids", "brand_id") WHERE "status" = 'published'`
    )
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_catalogue_list_created"`)
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_list_brand_created" ON "search_document" ("brand_id", "product_created_at" DESC, "product_id" DESC)
       INCLUDE ("version", "sales_channel_ids") WHERE "status" = 'published'`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_probe" ON "search_document" ("product_id")
       INCLUDE ("version", "sales_channel_ids", "product_created_at", "product_updated_at", "title", "price_min", "price_max") WHERE "status" = 'published'`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_list_created" ON "search_document" ("product_created_at" DESC, "product_id" DESC) WHERE "status" = 'published'`
    )
    for (const name of [
      "IDX_catalogue_list_created_covering",
      "IDX_catalogue_list_brand_created",
      "IDX_catalogue_probe",
    ]) {
      await queryRunner.query(`DROP INDEX IF EXISTS "${name}"`)
    }
  }
}
