import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * `search_document.price_max` now follows core's descending price order: NULL when one of the
 * product's variants has no price (core sorts those first). Set in place: the rendered bodies do not
 * depend on it, so the document versions (and the bodies) stay.
 */
export class CataloguePriceOrder1733200000000 implements MigrationInterface {
  name = "CataloguePriceOrder1733200000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE search_document d SET price_max = NULL
       WHERE d.price_max IS NOT NULL
         AND EXISTS (
           SELECT 1 FROM product_variant v
            WHERE v.product_id = d.product_id AND v.deleted_at IS NULL
              AND NOT EXISTS (
                SELECT 1 FROM product_variant_money_amount pvma
                  JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
                 WHERE pvma.variant_id = v.id AND pvma.deleted_at IS NULL))`)
  }

  public async down(): Promise<void> {
    // nothing to undo: the documents are recomputed either way
  }
}
