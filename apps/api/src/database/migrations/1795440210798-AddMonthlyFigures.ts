/** Issue 5: monthly reports, month closes and FAI totals (generated from the entities). */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMonthlyFigures1795440210798 implements MigrationInterface {
  name = 'AddMonthlyFigures1795440210798';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "fai_totals" ("region_code" character varying(12) NOT NULL, "month" character(7) NOT NULL, "amount_wan" numeric(16,2) NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_fai_totals_amount" CHECK ("amount_wan" >= 0), CONSTRAINT "PK_3c3d4faa2543f948a947162a2b6" PRIMARY KEY ("region_code", "month"))`);
    await queryRunner.query(`CREATE TABLE "month_closes" ("month" character(7) NOT NULL, "closed" boolean NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" character varying(100), "reopen_reason" character varying(200), "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba4fdd98ee1ecb8ce3a9dfc4578" PRIMARY KEY ("month"))`);
    await queryRunner.query(`CREATE TYPE "public"."report_status" AS ENUM('DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED')`);
    await queryRunner.query(`CREATE TABLE "monthly_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "month" character(7) NOT NULL, "arrived_equity_wan" numeric(14,2) NOT NULL DEFAULT '0', "arrived_loan_wan" numeric(14,2) NOT NULL DEFAULT '0', "arrived_other_wan" numeric(14,2) NOT NULL DEFAULT '0', "completed_investment_wan" numeric(14,2) NOT NULL DEFAULT '0', "progress" character varying(500), "status" "public"."report_status" NOT NULL DEFAULT 'DRAFT', "return_reason" character varying(200), "submitted_at" TIMESTAMP WITH TIME ZONE, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_monthly_reports_project_month" UNIQUE ("project_id", "month"), CONSTRAINT "chk_monthly_reports_returned" CHECK ("status" <> 'RETURNED' OR "return_reason" IS NOT NULL), CONSTRAINT "chk_monthly_reports_money" CHECK ("arrived_equity_wan" >= 0 AND "arrived_loan_wan" >= 0 AND "arrived_other_wan" >= 0 AND "completed_investment_wan" >= 0), CONSTRAINT "PK_6d42f2bb59ee092e3349e2b8992" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_monthly_reports_updated_at" ON "monthly_reports"  ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_monthly_reports_month_status" ON "monthly_reports"  ("month", "status") `);
    await queryRunner.query(`ALTER TABLE "fai_totals" ADD CONSTRAINT "FK_0d02f99dfd6fe4696d807408f11" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "monthly_reports" ADD CONSTRAINT "FK_fa60286e3927b58c733823a315c" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monthly_reports" DROP CONSTRAINT "FK_fa60286e3927b58c733823a315c"`);
    await queryRunner.query(`ALTER TABLE "fai_totals" DROP CONSTRAINT "FK_0d02f99dfd6fe4696d807408f11"`);
    await queryRunner.query(`DROP INDEX "public"."idx_monthly_reports_month_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_monthly_reports_updated_at"`);
    await queryRunner.query(`DROP TABLE "monthly_reports"`);
    await queryRunner.query(`DROP TYPE "public"."report_status"`);
    await queryRunner.query(`DROP TABLE "month_closes"`);
    await queryRunner.query(`DROP TABLE "fai_totals"`);
  }
}
