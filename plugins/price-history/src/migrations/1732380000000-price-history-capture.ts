import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Price history captured by PostgreSQL itself.
 *
 * `price_history` gets one row per change of a variant price, written by row triggers in the SAME
 * transaction as the change:
 * - `money_amount` AFTER INSERT / UPDATE / DELETE: amount changes (old → new), soft deletes
 *   (`deleted_at` set), restores and hard deletes (price lists cascade to their prices);
 * - `product_variant_money_amount` AFTER INSERT: the first price of a variant (in Medusa 1.20 the
 *   `money_amount` row is inserted before the link that says which variant it belongs to).
 *
 * Who/what made the change comes from transaction-local settings `shabou.price_source`,
 * `shabou.price_actor` and `shabou.price_origin` (set by the plugin at transaction start, see
 * loaders/actor-context.ts); without them the source is "system" ("price_list" for price-list prices).
 * No foreign keys: the history outlives the prices, variants, products and price lists it describes.
 */
export class PriceHistoryCapture1732380000000 implements MigrationInterface {
  name = "PriceHistoryCapture1732380000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "price_history" (
        "id" bigserial NOT NULL,
        "money_amount_id" character varying NOT NULL,
        "variant_id" character varying,
        "product_id" character varying,
        "currency_code" character varying NOT NULL,
        "region_id" character varying,
        "price_list_id" character varying,
        "min_quantity" integer,
        "max_quantity" integer,
        "change" character varying NOT NULL,
        "old_amount" integer,
        "new_amount" integer,
        "source" character varying NOT NULL,
        "actor" character varying,
        "origin" character varying,
        "txid" bigint NOT NULL DEFAULT txid_current(),
        "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_price_history" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_price_history_change" CHECK ("change" IN ('created', 'updated', 'deleted'))
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_price_history_product" ON "price_history" ("product_id", "changed_at" DESC, "id" DESC)`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_price_history_variant" ON "price_history" ("variant_id", "currency_code", "changed_at" DESC)`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_price_history_money_amount" ON "price_history" ("money_amount_id", "id")`
    )

    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION price_history_write(
        ma money_amount, p_variant_id text, p_change text, p_old integer, p_new integer
      ) RETURNS void LANGUAGE plpgsql AS $fn$
      DECLARE
        v_variant text := p_variant_id;
        v_product text;
        v_source text := NULLIF(current_setting('shabou.price_source', true), '');
      BEGIN
        IF v_variant IS NULL THEN
          SELECT pvma.variant_id INTO v_variant
            FROM product_variant_money_amount pvma
           WHERE pvma.money_amount_id = ma.id
           ORDER BY pvma.deleted_at NULLS FIRST
           LIMIT 1;
        END IF;
        IF v_variant IS NULL THEN
          -- the link may already be gone (hard delete): the history knows the variant
          SELECT ph.variant_id INTO v_variant
            FROM price_history ph
           WHERE ph.money_amount_id = ma.id AND ph.variant_id IS NOT NULL
           ORDER BY ph.id DESC
           LIMIT 1;
        END IF;
        IF v_variant IS NULL THEN
          -- a price attached to no variant (yet): the link trigger records it when it appears
          RETURN;
        END IF;
        SELECT pv.product_id INTO v_product FROM product_variant pv WHERE pv.id = v_variant;
        IF v_source IS NULL THEN
          v_source := CASE WHEN ma.price_list_id IS NOT NULL THEN 'price_list' ELSE 'system' END;
        END IF;
        INSERT INTO price_history (
          money_amount_id, variant_id, product_id, currency_code, region_id, price_list_id,
          min_quantity, max_quantity, change, old_amount, new_amount, source, actor, origin
        ) VALUES (
          ma.id, v_variant, v_product, ma.currency_code, ma.region_id, ma.price_list_id,
          ma.min_quantity, ma.max_quantity, p_change, p_old, p_new, v_source,
          NULLIF(current_setting('shabou.price_actor', true), ''),
          NULLIF(current_setting('shabou.price_origin', true), '')
        );
      END
      $fn$`)

    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION price_history_on_money_amount() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.deleted_at IS NULL AND EXISTS (
            SELECT 1 FROM product_variant_money_amount WHERE money_amount_id = NEW.id
          ) THEN
            PERFORM price_history_write(NEW, NULL, 'created', NULL, NEW.amount);
          END IF;
        ELSIF TG_OP = 'UPDATE' THEN
          IF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
            PERFORM price_history_write(NEW, NULL, 'deleted', OLD.amount, NULL);
          ELSIF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN
            PERFORM price_history_write(NEW, NULL, 'created', NULL, NEW.amount);
          ELSIF NEW.deleted_at IS NULL AND OLD.amount IS DISTINCT FROM NEW.amount THEN
            PERFORM price_history_write(NEW, NULL, 'updated', OLD.amount, NEW.amount);
          END IF;
        ELSIF TG_OP = 'DELETE' THEN
          IF OLD.deleted_at IS NULL THEN
            PERFORM price_history_write(OLD, NULL, 'deleted', OLD.amount, NULL);
          END IF;
        END IF;
        RETURN NULL;
      END
      $fn$`)

    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION price_history_on_variant_link() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        ma money_amount;
      BEGIN
        IF NEW.deleted_at IS NOT NULL THEN
          RETURN NULL;
        END IF;
        SELECT * INTO ma FROM money_amount WHERE id = NEW.money_amount_id;
        IF FOUND AND ma.deleted_at IS NULL THEN
          PERFORM price_history_write(ma, NEW.variant_id, 'created', NULL, ma.amount);
        END IF;
        RETURN NULL;
      END
      $fn$`)

    await queryRunner.query(`
      CREATE TRIGGER price_history_money_amount
      AFTER INSERT OR DELETE OR UPDATE OF amount, deleted_at ON money_amount
      FOR EACH ROW EXECUTE FUNCTION price_history_on_money_amount()`)
    await queryRunner.query(`
      CREATE TRIGGER price_history_variant_link
      AFTER INSERT ON product_variant_money_amount
      FOR EACH ROW EXECUTE FUNCTION price_history_on_variant_link()`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS price_history_variant_link ON product_variant_money_amount`
    )
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS price_history_money_amount ON money_amount`
    )
    await queryRunner.query(
      `DROP FUNCTION IF EXISTS price_history_on_variant_link()`
    )
    await queryRunner.query(
      `DROP FUNCTION IF EXISTS price_history_on_money_amount()`
    )
    await queryRunner.query(
      `DROP FUNCTION IF EXISTS price_history_write(money_amount, text, text, integer, integer)`
    )
    await queryRunner.query(`DROP TABLE IF EXISTS "price_history"`)
  }
}
