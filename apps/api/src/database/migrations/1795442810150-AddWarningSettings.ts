/**
 * Issue 6 (预警): the `settings` table (generated from the entity) and two partial indexes on
 * monthly_reports, written by hand, that let the warning rules read per project with index-only
 * probes: the submitted months (REPORT) and the months with arrived funds (FUNDS).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWarningSettings1795442810150 implements MigrationInterface {
  name = 'AddWarningSettings1795442810150';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "settings" ("key" character varying(64) NOT NULL, "value" jsonb NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c8639b7626fa94ba8265628f214" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "idx_monthly_reports_submitted" ON "monthly_reports" ("project_id", "month") WHERE "status" IN ('SUBMITTED', 'VERIFIED')`);
    await queryRunner.query(
      `CREATE INDEX "idx_monthly_reports_arrived" ON "monthly_reports" ("project_id", "month") WHERE "status" IN ('SUBMITTED', 'VERIFIED') AND "arrived_equity_wan" + "arrived_loan_wan" + "arrived_other_wan" > 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_monthly_reports_arrived"`);
    await queryRunner.query(`DROP INDEX "public"."idx_monthly_reports_submitted"`);
    await queryRunner.query(`DROP TABLE "settings"`);
  }
}
