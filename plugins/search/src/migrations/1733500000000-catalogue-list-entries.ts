import { MigrationInterface, QueryRunner } from "typeorm"
import {
  FITMENT_PRESENT_SQL,
  type FitmentPresentRow,
} from "../lib/fitment-sources"
import { insertListEntriesSql } from "../lib/list-entry-sql"

/**
 * The kept lists (see lib/list-entry-sql.ts): a vehicle's products, the universal ones, a category's
 * with or without its descendants, each newest first, one range of the primary key. The entries of
 * the documents already built are written here; from then on, each document rebuild rewrites its own.
 * Index-only reads of a page need the table's visibility map, which (auto)vacuum keeps.
 */
export class CatalogueListEntries1733500000000 implements MigrationInterface {
  name = "CatalogueListEntries1733500000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "catalogue_list_entry" (
        "list" text NOT NULL,
        "product_created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "product_id" character varying NOT NULL,
        "version" bigint NOT NULL,
        "sales_channel_ids" text[] NOT NULL,
        CONSTRAINT "PK_catalogue_list_entry" PRIMARY KEY ("list", "product_created_at", "product_id")
          INCLUDE ("version", "sales_channel_ids")
      )`)
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_catalogue_list_entry_product" ON "catalogue_list_entry" ("product_id")`
    )
    const [{ present }]: FitmentPresentRow[] =
      await queryRunner.query(FITMENT_PRESENT_SQL)
    const published: { product_id: string }[] = await queryRunner.query(
      `SELECT product_id FROM search_document WHERE status = 'published'`
    )
    await queryRunner.query(insertListEntriesSql({ fitment: present }), [
      published.map((r) => r.product_id),
    ])
    await queryRunner.query(`ANALYZE "catalogue_list_entry"`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "catalogue_list_entry"`)
  }
}
