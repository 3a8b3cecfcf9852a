import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The whole fitment schema: brands, the vehicle base (make → model → vehicle), fitment links with their
 * qualifiers, per-product facts (brand, universal), part numbers and the merge audit.
 *
 * Sized for 100k products and 1M links: `fitment` is indexed both ways, (vehicle_id, product_id) for
 * "parts for my car" and (product_id, vehicle_id) for "vehicles of this part"; universal products have a
 * partial index so "fits my car OR universal" stays an index scan.
 */
export class FitmentSchema1732370000000 implements MigrationInterface {
  name = "FitmentSchema1732370000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "brand" (
        "id" character varying NOT NULL,
        "name" character varying NOT NULL,
        "handle" character varying NOT NULL,
        "logo_url" character varying,
        "country" character varying,
        "description" text,
        "metadata" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_brand" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_brand_handle" ON "brand" ("handle")`
    )

    await queryRunner.query(`
      CREATE TABLE "vehicle_make" (
        "id" character varying NOT NULL,
        "name" character varying NOT NULL,
        "handle" character varying NOT NULL,
        "key" character varying NOT NULL,
        "aliases" text[] NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_vehicle_make" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_vehicle_make_handle" ON "vehicle_make" ("handle")`
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_vehicle_make_key" ON "vehicle_make" ("key")`
    )

    await queryRunner.query(`
      CREATE TABLE "vehicle_model" (
        "id" character varying NOT NULL,
        "make_id" character varying NOT NULL REFERENCES "vehicle_make" ("id") ON DELETE RESTRICT,
        "name" character varying NOT NULL,
        "handle" character varying NOT NULL,
        "key" character varying NOT NULL,
        "aliases" text[] NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_vehicle_model" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_vehicle_model_make_key" ON "vehicle_model" ("make_id", "key")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_vehicle_model_make_handle" ON "vehicle_model" ("make_id", "handle")`
    )

    await queryRunner.query(`
      CREATE TABLE "vehicle" (
        "id" character varying NOT NULL,
        "make_id" character varying NOT NULL REFERENCES "vehicle_make" ("id") ON DELETE RESTRICT,
        "model_id" character varying NOT NULL REFERENCES "vehicle_model" ("id") ON DELETE RESTRICT,
        "generation" character varying,
        "body" character varying,
        "year_from" integer NOT NULL,
        "month_from" integer CHECK ("month_from" BETWEEN 1 AND 12),
        "year_to" integer,
        "month_to" integer CHECK ("month_to" BETWEEN 1 AND 12),
        "engine" character varying,
        "engine_code" character varying,
        "displacement_cc" integer,
        "power_kw" numeric,
        "power_hp" numeric,
        "fuel" character varying,
        "ktype" integer,
        "natural_key" character varying NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_vehicle" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_vehicle_years" CHECK ("year_to" IS NULL OR "year_to" >= "year_from")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_vehicle_natural_key" ON "vehicle" ("natural_key")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_vehicle_make_id" ON "vehicle" ("make_id")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_vehicle_model_id" ON "vehicle" ("model_id", "year_from", "year_to")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_vehicle_engine_code" ON "vehicle" ("engine_code")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_vehicle_ktype" ON "vehicle" ("ktype")`
    )

    await queryRunner.query(`
      CREATE TABLE "fitment" (
        "id" character varying NOT NULL,
        "product_id" character varying NOT NULL REFERENCES "product" ("id") ON DELETE CASCADE,
        "variant_id" character varying REFERENCES "product_variant" ("id") ON DELETE CASCADE,
        "vehicle_id" character varying NOT NULL REFERENCES "vehicle" ("id") ON DELETE RESTRICT,
        "position" character varying,
        "quantity" integer NOT NULL DEFAULT 1 CHECK ("quantity" > 0),
        "engine_code" character varying,
        "from_ym" integer,
        "to_ym" integer,
        "note_fr" text,
        "note_ar" text,
        "source" character varying NOT NULL DEFAULT 'staff' CHECK ("source" IN ('import', 'staff', 'supplier')),
        "link_key" character varying GENERATED ALWAYS AS (md5(
          "product_id" || '|' || coalesce("variant_id", '') || '|' || "vehicle_id" || '|' ||
          coalesce("position", '') || '|' || coalesce(upper("engine_code"), '') || '|' ||
          coalesce("from_ym"::text, '') || '|' || coalesce("to_ym"::text, '')
        )) STORED,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_fitment" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fitment_link_key" ON "fitment" ("link_key")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_fitment_vehicle_product" ON "fitment" ("vehicle_id", "product_id")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_fitment_product_vehicle" ON "fitment" ("product_id", "vehicle_id")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_fitment_variant_id" ON "fitment" ("variant_id") WHERE "variant_id" IS NOT NULL`
    )

    await queryRunner.query(`
      CREATE TABLE "fitment_product" (
        "product_id" character varying NOT NULL REFERENCES "product" ("id") ON DELETE CASCADE,
        "brand_id" character varying REFERENCES "brand" ("id") ON DELETE SET NULL,
        "is_universal" boolean NOT NULL DEFAULT false,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_fitment_product" PRIMARY KEY ("product_id")
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_fitment_product_brand_id" ON "fitment_product" ("brand_id", "product_id")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_fitment_product_universal" ON "fitment_product" ("product_id") WHERE "is_universal"`
    )

    await queryRunner.query(`
      CREATE TABLE "part_number" (
        "id" character varying NOT NULL,
        "product_id" character varying NOT NULL REFERENCES "product" ("id") ON DELETE CASCADE,
        "variant_id" character varying REFERENCES "product_variant" ("id") ON DELETE CASCADE,
        "type" character varying NOT NULL CHECK ("type" IN ('mpn', 'oe', 'cross')),
        "brand_name" character varying NOT NULL DEFAULT '',
        "raw" character varying NOT NULL,
        "normalized" character varying NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_part_number" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_part_number_unique" ON "part_number" ("product_id", "type", "brand_name", "normalized")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_part_number_normalized" ON "part_number" ("normalized")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_part_number_product_id" ON "part_number" ("product_id")`
    )

    await queryRunner.query(`
      CREATE TABLE "fitment_merge" (
        "id" character varying NOT NULL,
        "entity" character varying NOT NULL CHECK ("entity" IN ('vehicle', 'model', 'make')),
        "survivor_id" character varying NOT NULL,
        "merged_id" character varying NOT NULL,
        "moved_links" integer NOT NULL DEFAULT 0,
        "details" jsonb,
        "actor" character varying,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_fitment_merge" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_fitment_merge_survivor" ON "fitment_merge" ("survivor_id")`
    )

    await queryRunner.query(`
      CREATE TABLE "fitment_import" (
        "id" character varying NOT NULL,
        "type" character varying NOT NULL CHECK ("type" IN ('vehicles', 'fitments')),
        "file_name" character varying,
        "dry_run" boolean NOT NULL,
        "skip_invalid" boolean NOT NULL,
        "applied" boolean NOT NULL,
        "summary" jsonb NOT NULL,
        "invalid_csv" text,
        "actor" character varying,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_fitment_import" PRIMARY KEY ("id")
      )`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      "fitment_import",
      "fitment_merge",
      "part_number",
      "fitment_product",
      "fitment",
      "vehicle",
      "vehicle_model",
      "vehicle_make",
      "brand",
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${table}"`)
    }
  }
}
