import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Orion: sales history (orders + imports), forecast runs and their results,
 * restock settings, alerts and insights.
 *
 * Idempotency lives in the indexes: one history row per order line item, one
 * imported row per variant and day, at most one running forecast run, at most
 * one unresolved alert per variant and type.
 */
export class OrionSchema1732600000000 implements MigrationInterface {
  name = "OrionSchema1732600000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "orion_sales_history" (
        "id" character varying NOT NULL,
        "variant_id" character varying NOT NULL,
        "sku" character varying,
        "day" date NOT NULL,
        "qty" numeric NOT NULL CHECK ("qty" >= 0),
        "source" character varying NOT NULL CHECK ("source" IN ('order', 'import')),
        "order_id" character varying,
        "line_item_id" character varying,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_sales_history" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_sales_history_variant_day" ON "orion_sales_history" ("variant_id", "day")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_sales_history_day" ON "orion_sales_history" ("day")`
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_orion_sales_history_line_item" ON "orion_sales_history" ("line_item_id") WHERE "source" = 'order'`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_sales_history_order" ON "orion_sales_history" ("order_id") WHERE "source" = 'order'`
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_orion_sales_history_import" ON "orion_sales_history" ("variant_id", "day") WHERE "source" = 'import'`
    )

    await queryRunner.query(`
      CREATE TABLE "orion_forecast_run" (
        "id" character varying NOT NULL,
        "status" character varying NOT NULL CHECK ("status" IN ('running', 'succeeded', 'failed')),
        "trigger" character varying NOT NULL,
        "frequency" character varying NOT NULL CHECK ("frequency" IN ('week', 'month')),
        "horizon" integer NOT NULL,
        "progress" real NOT NULL DEFAULT 0,
        "stage" character varying,
        "forecast_start" date,
        "variant_count" integer NOT NULL DEFAULT 0,
        "alert_count" integer NOT NULL DEFAULT 0,
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "duration_ms" integer,
        "model_wins" jsonb,
        "backtest" jsonb,
        "calendar_effects" jsonb,
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_forecast_run" PRIMARY KEY ("id")
      )`)
    // a second concurrent run cannot even be inserted
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_orion_forecast_run_running" ON "orion_forecast_run" ((true)) WHERE "status" = 'running'`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_forecast_run_created" ON "orion_forecast_run" ("created_at")`
    )

    await queryRunner.query(`
      CREATE TABLE "orion_forecast" (
        "id" character varying NOT NULL,
        "run_id" character varying NOT NULL REFERENCES "orion_forecast_run" ("id") ON DELETE CASCADE,
        "variant_id" character varying NOT NULL,
        "period_start" date NOT NULL,
        "period_index" integer NOT NULL,
        "mean" real NOT NULL,
        "p10" real NOT NULL, "p20" real NOT NULL, "p30" real NOT NULL, "p40" real NOT NULL, "p50" real NOT NULL,
        "p60" real NOT NULL, "p70" real NOT NULL, "p80" real NOT NULL, "p90" real NOT NULL,
        "calendar_multiplier" real NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_forecast" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_forecast_variant_run" ON "orion_forecast" ("variant_id", "run_id")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_forecast_run" ON "orion_forecast" ("run_id")`
    )

    await queryRunner.query(`
      CREATE TABLE "orion_variant_forecast" (
        "id" character varying NOT NULL,
        "run_id" character varying NOT NULL REFERENCES "orion_forecast_run" ("id") ON DELETE CASCADE,
        "variant_id" character varying NOT NULL,
        "sku" character varying,
        "category" character varying,
        "model" character varying NOT NULL,
        "segment" character varying NOT NULL,
        "reason" text,
        "history_periods" integer NOT NULL,
        "metrics" jsonb,
        "restock" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_variant_forecast" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_orion_variant_forecast_run_variant" ON "orion_variant_forecast" ("run_id", "variant_id")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_variant_forecast_variant" ON "orion_variant_forecast" ("variant_id")`
    )

    await queryRunner.query(`
      CREATE TABLE "orion_restock_setting" (
        "id" character varying NOT NULL,
        "scope" character varying NOT NULL CHECK ("scope" IN ('default', 'category', 'brand')),
        "key" character varying NOT NULL,
        "service_level" real CHECK ("service_level" > 0 AND "service_level" < 1),
        "lead_time_days" integer CHECK ("lead_time_days" >= 0),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_restock_setting" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_orion_restock_setting_scope_key" ON "orion_restock_setting" ("scope", "key")`
    )

    await queryRunner.query(`
      CREATE TABLE "orion_alert" (
        "id" character varying NOT NULL,
        "type" character varying NOT NULL CHECK ("type" IN ('restock', 'spike', 'decline', 'dead_stock')),
        "status" character varying NOT NULL CHECK ("status" IN ('open', 'acknowledged', 'resolved')),
        "variant_id" character varying NOT NULL,
        "sku" character varying,
        "title" character varying,
        "run_id" character varying NOT NULL,
        "severity" real NOT NULL,
        "reason" text NOT NULL,
        "suggested_quantity" integer,
        "data" jsonb,
        "acknowledged_at" TIMESTAMP WITH TIME ZONE,
        "acknowledged_by" character varying,
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_alert" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_alert_status_type" ON "orion_alert" ("status", "type")`
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_orion_alert_unresolved" ON "orion_alert" ("variant_id", "type") WHERE "status" <> 'resolved'`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "orion_alert"`)
    await queryRunner.query(`DROP TABLE "orion_restock_setting"`)
    await queryRunner.query(`DROP TABLE "orion_variant_forecast"`)
    await queryRunner.query(`DROP TABLE "orion_forecast"`)
    await queryRunner.query(`DROP TABLE "orion_forecast_run"`)
    await queryRunner.query(`DROP TABLE "orion_sales_history"`)
  }
}
