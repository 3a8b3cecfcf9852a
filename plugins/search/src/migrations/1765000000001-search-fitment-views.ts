import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * A renamed brand queues its products through fitment's read view (`fitment_read_product`, migration
 * FitmentReadViews1765000000000) rather than fitment's table: every read this plugin makes of
 * fitment goes through its read interface (lib/fitment-sources.ts).
 */
export class SearchFitmentViews1765000000001 implements MigrationInterface {
  name = "SearchFitmentViews1765000000001"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(markDirtyBrand("fitment_read_product"))
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(markDirtyBrand("fitment_product"))
  }
}

function markDirtyBrand(source: string): string {
  return `
      CREATE OR REPLACE FUNCTION search_mark_dirty_brand() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO search_dirty (product_id)
        SELECT DISTINCT fp.product_id FROM ${source} fp JOIN new_rows b ON b.id = fp.brand_id
        ORDER BY 1
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END
      $fn$`
}
