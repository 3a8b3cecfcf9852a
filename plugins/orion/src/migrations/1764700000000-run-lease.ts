import { MigrationInterface, QueryRunner } from "typeorm"
import { LEASE_TABLE_SQL } from "@shabou/ops"

/**
 * The run-lease table shared by the plugins' long runs (@shabou/ops): created by whichever plugin's
 * migration runs first, kept when one plugin is removed (the others may still use it).
 */
export class OrionRunLease1764700000000 implements MigrationInterface {
  name = "OrionRunLease1764700000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(LEASE_TABLE_SQL)
  }

  public async down(): Promise<void> {
    // shared with the prospector plugin: left in place
  }
}
