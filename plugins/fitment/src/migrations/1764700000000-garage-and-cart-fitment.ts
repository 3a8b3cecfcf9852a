import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * "Mon garage" (vehicles a customer owns), the fit verdict of each cart/order line for the cart's vehicle, and the
 * index through which the part-number lookup finds the shop's SKUs.
 */
export class GarageAndCartFitment1764700000000 implements MigrationInterface {
  name = "GarageAndCartFitment1764700000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS garage_vehicle (
        id varchar PRIMARY KEY,
        customer_id varchar NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        vehicle_id varchar NOT NULL REFERENCES vehicle(id),
        name varchar,
        vin varchar,
        is_current boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_garage_vehicle_customer_id" ON garage_vehicle (customer_id)`
    )
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_garage_vehicle_vehicle_id" ON garage_vehicle (vehicle_id)`
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "UQ_garage_vehicle_current" ON garage_vehicle (customer_id) WHERE is_current`
    )
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS line_item_fitment (
        line_item_id varchar PRIMARY KEY REFERENCES line_item(id) ON DELETE CASCADE,
        cart_id varchar NOT NULL,
        vehicle_id varchar NOT NULL,
        product_id varchar,
        verdict varchar NOT NULL CHECK (verdict IN ('fits', 'does_not_fit', 'unknown')),
        reason text NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_line_item_fitment_cart_id" ON line_item_fitment (cart_id)`
    )
    // the part-number lookup also finds the shop's own SKUs, written with or without separators
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_product_variant_sku_compact" ON product_variant (upper(regexp_replace(sku, '[^A-Za-z0-9]', '', 'g'))) WHERE deleted_at IS NULL`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX IF EXISTS "IDX_product_variant_sku_compact"`
    )
    await queryRunner.query(`DROP TABLE IF EXISTS line_item_fitment`)
    await queryRunner.query(`DROP TABLE IF EXISTS garage_vehicle`)
  }
}
