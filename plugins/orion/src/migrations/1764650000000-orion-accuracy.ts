import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Orion accuracy tracking: per run, part and past forecast period the forecast against what was sold
 * (`orion_forecast_accuracy`), and per run the pooled figures (`orion_run_accuracy`, one row per run,
 * kept after the run's forecasts are pruned so the accuracy history stays).
 */
export class OrionAccuracy1764650000000 implements MigrationInterface {
  name = "OrionAccuracy1764650000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "orion_forecast_accuracy" (
        "id" character varying NOT NULL,
        "run_id" character varying NOT NULL REFERENCES "orion_forecast_run" ("id") ON DELETE CASCADE,
        "variant_id" character varying NOT NULL,
        "sku" character varying,
        "category" character varying,
        "segment" character varying NOT NULL,
        "period_start" date NOT NULL,
        "period_index" integer NOT NULL,
        "mean" real NOT NULL,
        "p10" real NOT NULL,
        "p50" real NOT NULL,
        "p90" real NOT NULL,
        "actual" real NOT NULL,
        "abs_error" real NOT NULL,
        "inside_80" boolean NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_forecast_accuracy" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_orion_forecast_accuracy_run_variant_period" ON "orion_forecast_accuracy" ("run_id", "variant_id", "period_index")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_orion_forecast_accuracy_variant" ON "orion_forecast_accuracy" ("variant_id")`
    )

    await queryRunner.query(`
      CREATE TABLE "orion_run_accuracy" (
        "id" character varying NOT NULL,
        "run_id" character varying NOT NULL REFERENCES "orion_forecast_run" ("id") ON DELETE CASCADE,
        "frequency" character varying NOT NULL,
        "horizon" integer NOT NULL,
        "forecast_start" date NOT NULL,
        "evaluated_through" date NOT NULL,
        "periods_evaluated" integer NOT NULL,
        "overall" jsonb NOT NULL,
        "by_category" jsonb NOT NULL,
        "by_segment" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_run_accuracy" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_orion_run_accuracy_run" ON "orion_run_accuracy" ("run_id")`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "orion_run_accuracy"`)
    await queryRunner.query(`DROP TABLE "orion_forecast_accuracy"`)
  }
}
