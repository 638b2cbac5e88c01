/** Issue 14 item 2 (DOMAIN.md §9): 问题诉求 — the problems projects meet, and their progress notes. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProjectIssues1795500000000 implements MigrationInterface {
  name = 'AddProjectIssues1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."issue_category" AS ENUM('LAND', 'PLANNING', 'EIA', 'ENERGY', 'CONSTRUCTION_PERMIT', 'UTILITIES', 'FINANCING', 'LABOUR', 'APPROVAL_SERVICE', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE "public"."issue_status" AS ENUM('OPEN', 'IN_PROGRESS', 'RESOLVED', 'UNRESOLVABLE')`);
    await queryRunner.query(`CREATE TABLE "project_issues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "category" "public"."issue_category" NOT NULL, "description" character varying(1000) NOT NULL, "raised_at" date NOT NULL, "raised_by_name" character varying(50) NOT NULL, "unit_id" uuid NOT NULL, "due_at" date NOT NULL, "status" "public"."issue_status" NOT NULL DEFAULT 'OPEN', "resolution" character varying(1000), "closed_at" date, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_project_issues_due" CHECK ("due_at" >= "raised_at"), CONSTRAINT "chk_project_issues_closed" CHECK (("status" IN ('RESOLVED', 'UNRESOLVABLE')) = ("resolution" IS NOT NULL AND "closed_at" IS NOT NULL)), CONSTRAINT "PK_d80ed7d327961e73db16b91178b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_project_issues_status_due" ON "project_issues"  ("status", "due_at") `);
    await queryRunner.query(`CREATE INDEX "idx_project_issues_unit" ON "project_issues"  ("unit_id") `);
    await queryRunner.query(`CREATE INDEX "idx_project_issues_project" ON "project_issues"  ("project_id") `);
    await queryRunner.query(`CREATE TABLE "issue_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issue_id" uuid NOT NULL, "at" date NOT NULL, "text" character varying(1000) NOT NULL, "author_name" character varying(50) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26bf82c3dea30451ca09c2c7f62" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_issue_notes_issue" ON "issue_notes"  ("issue_id", "at") `);
    await queryRunner.query(`ALTER TABLE "project_issues" ADD CONSTRAINT "FK_512d77590908693d22f8080a483" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_issues" ADD CONSTRAINT "FK_b334f67c4d2c10e9c48e2cfdef6" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "issue_notes" ADD CONSTRAINT "FK_c87ba3e9916c5f47928da7f088b" FOREIGN KEY ("issue_id") REFERENCES "project_issues"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "issue_notes" DROP CONSTRAINT "FK_c87ba3e9916c5f47928da7f088b"`);
    await queryRunner.query(`ALTER TABLE "project_issues" DROP CONSTRAINT "FK_b334f67c4d2c10e9c48e2cfdef6"`);
    await queryRunner.query(`ALTER TABLE "project_issues" DROP CONSTRAINT "FK_512d77590908693d22f8080a483"`);
    await queryRunner.query(`DROP INDEX "public"."idx_issue_notes_issue"`);
    await queryRunner.query(`DROP TABLE "issue_notes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_project_issues_project"`);
    await queryRunner.query(`DROP INDEX "public"."idx_project_issues_unit"`);
    await queryRunner.query(`DROP INDEX "public"."idx_project_issues_status_due"`);
    await queryRunner.query(`DROP TABLE "project_issues"`);
    await queryRunner.query(`DROP TYPE "public"."issue_status"`);
    await queryRunner.query(`DROP TYPE "public"."issue_category"`);
  }
}
