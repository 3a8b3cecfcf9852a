import { MigrationInterface, QueryRunner } from "typeorm"
import { LEASE_TABLE_SQL } from "@shabou/ops"

/**
 * The run-lease table shared by the plugins' long runs (@shabou/ops): created by whichever plugin's
 * migration runs first, kept when one plugin is removed (the others may still use it).
 */
export class ProspectorRunLease1764700000001 implements MigrationInterface {
  name = "ProspectorRunLease1764700000001"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(LEASE_TABLE_SQL)
  }

  public async down(): Promise<void> {
    // shared with the orion plugin: left in place
  }
}
