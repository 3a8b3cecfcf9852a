import { MigrationInterface, QueryRunner } from "typeorm"

/** The batches of a forecast run (one row per slice of its variants, run by whichever instance takes it). */
export class OrionForecastBatch1764800000000 implements MigrationInterface {
  name = "OrionForecastBatch1764800000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "orion_forecast_batch" (
        "id" character varying NOT NULL,
        "run_id" character varying NOT NULL,
        "index" integer NOT NULL,
        "status" character varying NOT NULL DEFAULT 'pending',
        "variant_count" integer NOT NULL,
        "input" text NOT NULL,
        "output" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "worker" character varying,
        "error" text,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_forecast_batch" PRIMARY KEY ("id"),
        CONSTRAINT "FK_orion_forecast_batch_run" FOREIGN KEY ("run_id") REFERENCES "orion_forecast_run"("id") ON DELETE CASCADE
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_orion_forecast_batch_run_index" ON "orion_forecast_batch" ("run_id", "index")`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "orion_forecast_batch"`)
  }
}
