import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Orion weather (optional): daily weather per governorate imported from CSV, and per forecast run the
 * weather effects it tested and kept (`weather_effects`, null when the run had no weather).
 */
export class OrionWeather1764900000100 implements MigrationInterface {
  name = "OrionWeather1764900000100"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "orion_weather_day" (
        "id" character varying NOT NULL,
        "date" date NOT NULL,
        "governorate" character varying NOT NULL CHECK (length(btrim("governorate")) > 0),
        "temperature" double precision NOT NULL CHECK ("temperature" BETWEEN -20 AND 55),
        "rain" double precision NOT NULL CHECK ("rain" BETWEEN 0 AND 500),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_orion_weather_day" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_orion_weather_day_date_governorate" ON "orion_weather_day" ("date", "governorate")`
    )
    await queryRunner.query(
      `ALTER TABLE "orion_forecast_run" ADD COLUMN "weather_effects" jsonb`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "orion_forecast_run" DROP COLUMN "weather_effects"`
    )
    await queryRunner.query(`DROP TABLE "orion_weather_day"`)
  }
}
