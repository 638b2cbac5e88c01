/**
 * Issue 12: the progress of a running import, in the database rather than one process's memory, so
 * that a page polling GET /imports/:id/progress may reach any API process. Written a few times a
 * second by the importing process (outside the import's own transaction), pruned after an hour.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddImportProgress1795480000000 implements MigrationInterface {
  name = 'AddImportProgress1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNLOGGED TABLE "import_progress" (
      "import_id" uuid NOT NULL PRIMARY KEY,
      "owner_id" varchar(64) NOT NULL,
      "phase" varchar(16) NOT NULL CONSTRAINT "chk_import_progress_phase" CHECK ("phase" IN ('READING', 'CHECKING', 'WRITING', 'DONE', 'FAILED')),
      "rows_read" integer NOT NULL DEFAULT 0,
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX "idx_import_progress_updated_at" ON "import_progress" ("updated_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "import_progress"`);
  }
}
