import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The one definition of "the products that fit these vehicles": the parts linked to one of them,
 * and every universal part. The store filter (services/fitment.ts), the search plugin (search and
 * the catalogue read model) and the benchmarks all narrow through this function, so the rule and
 * its indexes live in one place. A plain SQL function: the planner inlines it as a UNION of two
 * index scans ((vehicle_id, product_id) and the partial universal index).
 */
export class VehicleProductsFunction1733100000001 implements MigrationInterface {
  name = "VehicleProductsFunction1733100000001"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION fitment_products_for_vehicles(vehicle_ids text[]) RETURNS SETOF character varying
      LANGUAGE sql STABLE PARALLEL SAFE AS
      $fn$ SELECT f.product_id FROM fitment f WHERE f.vehicle_id = ANY(vehicle_ids)
           UNION
           SELECT u.product_id FROM fitment_product u WHERE u.is_universal $fn$`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION IF EXISTS fitment_products_for_vehicles(text[])`
    )
  }
}
