import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Orion purchase orders: what was ordered from a supplier, per variant, and when it is expected.
 * Open orders are the "on order" quantity and arrival dates of the restock alerts.
 */
export class OrionPurchaseOrder1764650000001 implements MigrationInterface {
  name = "OrionPurchaseOrder1764650000001"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "orion_purchase_order" (
        "id" character varying NOT NULL,
        "supplier" character varying NOT NULL CHECK (length(btrim("supplier")) > 0),
        "variant_id" character varying NOT NULL,
        "sku" character varying,
        "quantity" integer NOT NULL CHECK ("quantity" > 0),
        "expected_date" date NOT NULL,
        "status" character varying NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'received', 'cancelled')),
        "received_quantity" integer CHECK ("received_quantity" >= 0),
        "received_at" TIMESTAMP WITH TIME ZONE,
        "cancelled_at" TIMESTAMP WITH TIME ZONE,
        "note" text,
        "created_by" character varying,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_purchase_order" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_purchase_order_open_variant" ON "orion_purchase_order" ("variant_id", "expected_date") WHERE "status" = 'open'`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_purchase_order_status" ON "orion_purchase_order" ("status", "expected_date")`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "orion_purchase_order"`)
  }
}
