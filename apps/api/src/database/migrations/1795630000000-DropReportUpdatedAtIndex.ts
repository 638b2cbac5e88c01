import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the monthly reports' (updated_at, id) index served the first statistics feed, which paged
 * by update time; the feeds page by commit order (change_xid, AddCommitOrderedFeeds) since, and no
 * statement reads it. Every report written kept it up to date: one of seven indexes (its share of a
 * 100,000-row import's write was below this machine's run-to-run noise: tools/bench/README.md,
 * "Imports, third round").
 */
export class DropReportUpdatedAtIndex1795630000000 implements MigrationInterface {
  name = 'DropReportUpdatedAtIndex1795630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_monthly_reports_updated_at"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_monthly_reports_updated_at" ON "monthly_reports" ("updated_at", "id")`);
  }
}
