import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Prospector schema: leads (+ status history), the Places request ledger, runs,
 * watched pages, price observations and alerts, weekly reports.
 */
export class ProspectorSchema1732500000000 implements MigrationInterface {
  name = "ProspectorSchema1732500000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "prospector_lead" (
        "id" character varying NOT NULL,
        "place_id" character varying NOT NULL,
        "moved_place_id" character varying,
        "merged_place_ids" text[] NOT NULL DEFAULT '{}',
        "name" character varying NOT NULL,
        "name_folded" character varying NOT NULL,
        "phone" character varying,
        "website" character varying,
        "address" text,
        "city" character varying,
        "governorate" character varying,
        "area" character varying,
        "latitude" double precision,
        "longitude" double precision,
        "types" text[] NOT NULL DEFAULT '{}',
        "primary_type" character varying,
        "rating" real,
        "review_count" integer,
        "business_status" character varying,
        "maps_url" character varying,
        "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "score" integer NOT NULL,
        "score_band" character varying NOT NULL,
        "score_breakdown" jsonb NOT NULL,
        "kind" character varying NOT NULL,
        "status" character varying NOT NULL DEFAULT 'new',
        "notes" text,
        "assignee" character varying,
        "last_run_id" character varying,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_prospector_lead" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_prospector_lead_kind" CHECK ("kind" IN ('lead', 'competitor')),
        CONSTRAINT "CHK_prospector_lead_status" CHECK ("status" IN ('new', 'contacted', 'qualified', 'won', 'lost')),
        CONSTRAINT "CHK_prospector_lead_score" CHECK ("score" BETWEEN 0 AND 100)
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_prospector_lead_place_id" ON "prospector_lead" ("place_id")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_lead_phone" ON "prospector_lead" ("phone")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_lead_kind_status" ON "prospector_lead" ("kind", "status", "score" DESC)`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_lead_city" ON "prospector_lead" ("city")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_lead_merged" ON "prospector_lead" USING gin ("merged_place_ids")`
    )

    await queryRunner.query(`
      CREATE TABLE "prospector_lead_status_change" (
        "id" character varying NOT NULL,
        "lead_id" character varying NOT NULL,
        "from_status" character varying,
        "to_status" character varying NOT NULL,
        "changed_by" character varying,
        "note" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_prospector_lead_status_change" PRIMARY KEY ("id"),
        CONSTRAINT "FK_prospector_lead_status_change_lead" FOREIGN KEY ("lead_id") REFERENCES "prospector_lead"("id") ON DELETE CASCADE
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_lead_status_change_lead" ON "prospector_lead_status_change" ("lead_id", "created_at")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_lead_status_change_at" ON "prospector_lead_status_change" ("created_at")`
    )

    await queryRunner.query(`
      CREATE TABLE "prospector_run" (
        "id" character varying NOT NULL,
        "kind" character varying NOT NULL,
        "trigger" character varying NOT NULL,
        "status" character varying NOT NULL,
        "run_date" character varying,
        "params" jsonb NOT NULL DEFAULT '{}',
        "summary" jsonb NOT NULL DEFAULT '{}',
        "errors" jsonb NOT NULL DEFAULT '[]',
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_prospector_run" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_run_kind_started" ON "prospector_run" ("kind", "started_at" DESC)`
    )

    await queryRunner.query(`
      CREATE TABLE "prospector_places_request" (
        "id" character varying NOT NULL,
        "run_id" character varying,
        "query" character varying NOT NULL,
        "language" character varying NOT NULL,
        "area" character varying,
        "tile" character varying NOT NULL,
        "page" integer NOT NULL,
        "attempt" integer NOT NULL,
        "status" character varying NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_prospector_places_request" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_places_request_run" ON "prospector_places_request" ("run_id")`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_places_request_at" ON "prospector_places_request" ("created_at")`
    )

    await queryRunner.query(`
      CREATE TABLE "prospector_watched_page" (
        "id" character varying NOT NULL,
        "url" character varying NOT NULL,
        "supplier" character varying NOT NULL,
        "kind" character varying NOT NULL DEFAULT 'supplier',
        "variant_id" character varying,
        "sku" character varying,
        "offer_sku" character varying,
        "offer_mpn" character varying,
        "offer_gtin" character varying,
        "selector" character varying,
        "stock_selector" character varying,
        "needs_js" boolean NOT NULL DEFAULT false,
        "currency" character varying NOT NULL DEFAULT 'TND',
        "threshold_percent" real,
        "margin_percent" real,
        "active" boolean NOT NULL DEFAULT true,
        "etag" character varying,
        "last_modified" character varying,
        "last_checked_at" TIMESTAMP WITH TIME ZONE,
        "last_status" character varying,
        "last_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "deleted_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_prospector_watched_page" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_prospector_watched_page_kind" CHECK ("kind" IN ('supplier', 'competitor'))
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_prospector_watched_page_url" ON "prospector_watched_page" ("url", COALESCE("offer_sku", ''), COALESCE("offer_mpn", ''), COALESCE("offer_gtin", '')) WHERE "deleted_at" IS NULL`
    )

    await queryRunner.query(`
      CREATE TABLE "prospector_price_observation" (
        "id" character varying NOT NULL,
        "watched_page_id" character varying NOT NULL,
        "observed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "amount" bigint NOT NULL,
        "currency" character varying NOT NULL,
        "in_stock" boolean,
        "method" character varying NOT NULL,
        "matched_by" character varying,
        "via" character varying NOT NULL,
        "run_id" character varying,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_prospector_price_observation" PRIMARY KEY ("id"),
        CONSTRAINT "FK_prospector_price_observation_page" FOREIGN KEY ("watched_page_id") REFERENCES "prospector_watched_page"("id") ON DELETE CASCADE
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_price_observation_page" ON "prospector_price_observation" ("watched_page_id", "observed_at" DESC)`
    )

    await queryRunner.query(`
      CREATE TABLE "prospector_price_alert" (
        "id" character varying NOT NULL,
        "watched_page_id" character varying NOT NULL,
        "observation_id" character varying NOT NULL,
        "kind" character varying NOT NULL,
        "message" text NOT NULL,
        "details" jsonb NOT NULL DEFAULT '{}',
        "acknowledged_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_prospector_price_alert" PRIMARY KEY ("id"),
        CONSTRAINT "FK_prospector_price_alert_page" FOREIGN KEY ("watched_page_id") REFERENCES "prospector_watched_page"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_prospector_price_alert_observation" FOREIGN KEY ("observation_id") REFERENCES "prospector_price_observation"("id") ON DELETE CASCADE
      )`)
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_price_alert_page" ON "prospector_price_alert" ("watched_page_id", "created_at" DESC)`
    )
    await queryRunner.query(
      `CREATE INDEX "IDX_prospector_price_alert_at" ON "prospector_price_alert" ("created_at")`
    )

    await queryRunner.query(`
      CREATE TABLE "prospector_report" (
        "id" character varying NOT NULL,
        "period_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "period_end" TIMESTAMP WITH TIME ZONE NOT NULL,
        "html" text NOT NULL,
        "csv" text NOT NULL,
        "summary" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_prospector_report" PRIMARY KEY ("id")
      )`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_prospector_report_period" ON "prospector_report" ("period_start")`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      "prospector_report",
      "prospector_price_alert",
      "prospector_price_observation",
      "prospector_watched_page",
      "prospector_places_request",
      "prospector_run",
      "prospector_lead_status_change",
      "prospector_lead",
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${table}"`)
    }
  }
}
