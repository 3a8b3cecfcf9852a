import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Vehicle narrowing selects "products fitting the vehicle UNION universal products"; this partial
 * index makes the universal half an index-only scan (121 ms → 4 ms for a browse at 100k products).
 */
export class SearchUniversalIndex1732390100000 implements MigrationInterface {
  name = "SearchUniversalIndex1732390100000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "IDX_search_document_universal" ON "search_document" ("product_id") WHERE "is_universal"`
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX IF EXISTS "IDX_search_document_universal"`
    )
  }
}
