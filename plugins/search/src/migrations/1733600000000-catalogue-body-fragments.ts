import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Each rendered body kept with its deflate fragment (lib/gzip-parts.ts): a listing's gzip answer is
 * joined from its products' fragments instead of being compressed again on every miss. Bodies
 * rendered before this column get their fragment from the server's backfill (catalogue warmer).
 */
export class CatalogueBodyFragments1733600000000 implements MigrationInterface {
  name = "CatalogueBodyFragments1733600000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "catalogue_body" ADD COLUMN IF NOT EXISTS "body_deflated" bytea`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "catalogue_body" DROP COLUMN IF EXISTS "body_deflated"`
    )
  }
}
