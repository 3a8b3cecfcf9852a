import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Fitment's read interface for the other plugins: search and Orion read a product's brand, its part
 * numbers, the vehicles it is linked to and their names through these views (and "the products that fit these vehicles"
 * through `fitment_products_for_vehicles`), never through fitment's tables, so fitment may change
 * its tables as long as the views keep their columns. Plain views: the planner inlines them (an
 * unused brand join is removed), a read costs what the same join on the tables costs.
 * The plugin README's "Read interface" lists them with their readers.
 */
const FITMENT_READ_VIEWS: Record<string, string> = {
  // a product's one brand and its universal flag (a product without brand has NULL brand columns)
  fitment_read_product: `
    SELECT fp.product_id, fp.is_universal, fp.brand_id, b.name AS brand_name, b.handle AS brand_handle
      FROM fitment_product fp LEFT JOIN brand b ON b.id = fp.brand_id`,
  // a product's part numbers as entered (raw) and as searched (normalized)
  fitment_read_part_number: `
    SELECT pn.product_id, pn.type, pn.brand_name, pn.raw, pn.normalized FROM part_number pn`,
  // a product's links to the vehicles it fits (a universal part fits every vehicle: `is_universal` above)
  fitment_read_link: `SELECT f.product_id, f.vehicle_id FROM fitment f`,
  // the vehicles of the base with their make's and model's names (unused name joins are removed)
  fitment_read_vehicle: `
    SELECT v.id, v.make_id, v.model_id, mk.name AS make_name, md.name AS model_name
      FROM vehicle v LEFT JOIN vehicle_make mk ON mk.id = v.make_id LEFT JOIN vehicle_model md ON md.id = v.model_id`,
}

export class FitmentReadViews1765000000000 implements MigrationInterface {
  name = "FitmentReadViews1765000000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [view, sql] of Object.entries(FITMENT_READ_VIEWS)) {
      await queryRunner.query(`CREATE OR REPLACE VIEW "${view}" AS ${sql}`)
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const view of Object.keys(FITMENT_READ_VIEWS)) {
      await queryRunner.query(`DROP VIEW IF EXISTS "${view}"`)
    }
  }
}
