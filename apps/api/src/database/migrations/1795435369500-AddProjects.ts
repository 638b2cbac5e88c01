import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 4: the project registry, its approvals checklist and the project-number sequences. */

export class AddProjects1795435369500 implements MigrationInterface {
  name = 'AddProjects1795435369500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."investor_origin" AS ENUM('FOREIGN', 'OUT_OF_REGION', 'IN_REGION_OUT_OF_CITY', 'IN_CITY_OTHER_COUNTY', 'LOCAL')`);
    await queryRunner.query(`CREATE TYPE "public"."project_stage" AS ENUM('NEGOTIATING', 'SIGNED', 'REGISTERED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION', 'TERMINATED')`);
    await queryRunner.query(`CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_no" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "region_code" character varying(12) NOT NULL, "industry_code" character varying(8) NOT NULL, "investor_name" character varying(200) NOT NULL, "investor_uscc" character varying(18), "investor_origin" "public"."investor_origin" NOT NULL, "contract_amount_wan" numeric(14,2) NOT NULL, "planned_investment_wan" numeric(14,2), "stage" "public"."project_stage" NOT NULL, "signed_at" date, "registered_at" date, "construction_started_at" date, "production_started_at" date, "terminated_at" date, "termination_reason" character varying(500), "planned_start_month" character(7), "is_key_project" boolean NOT NULL DEFAULT false, "lead_official" character varying(50), "lead_department" character varying(100), "national_code" character varying(24), "stats_registered" boolean NOT NULL DEFAULT false, "stats_registered_month" character(7), "stats_code" character varying(50), "notes" text, "parent_project_no" character varying(40), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_78aa52ab595c09d55e4ec7d77c7" UNIQUE ("project_no"), CONSTRAINT "chk_projects_terminated" CHECK ("stage" <> 'TERMINATED' OR ("terminated_at" IS NOT NULL AND "termination_reason" IS NOT NULL)), CONSTRAINT "chk_projects_money" CHECK ("contract_amount_wan" >= 0 AND ("planned_investment_wan" IS NULL OR "planned_investment_wan" >= 0)), CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_projects_parent_project_no" ON "projects"  ("parent_project_no") `);
    await queryRunner.query(`CREATE INDEX "idx_projects_investor_uscc" ON "projects"  ("investor_uscc") `);
    await queryRunner.query(`CREATE INDEX "idx_projects_updated_at" ON "projects"  ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_projects_contract_amount" ON "projects"  ("contract_amount_wan", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_projects_signed_at" ON "projects"  ("signed_at", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_projects_stage" ON "projects"  ("stage", "contract_amount_wan") `);
    await queryRunner.query(`CREATE INDEX "idx_projects_industry_code" ON "projects"  ("industry_code", "contract_amount_wan") `);
    await queryRunner.query(`CREATE INDEX "idx_projects_region_code" ON "projects"  ("region_code", "contract_amount_wan") `);
    // written by hand (the entity declares it with synchronize: false): newest signing first with the
    // unsigned projects last, which a backward scan of idx_projects_signed_at cannot give
    await queryRunner.query(`CREATE INDEX "idx_projects_signed_at_desc" ON "projects" ("signed_at" DESC NULLS LAST, "id" DESC)`);
    await queryRunner.query(`CREATE TYPE "public"."approval_kind" AS ENUM('FILING', 'LAND', 'PLANNING', 'ENVIRONMENT', 'ENERGY', 'CONSTRUCTION')`);
    await queryRunner.query(`CREATE TYPE "public"."approval_status" AS ENUM('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_REQUIRED')`);
    await queryRunner.query(`CREATE TABLE "project_approvals" ("project_id" uuid NOT NULL, "kind" "public"."approval_kind" NOT NULL, "status" "public"."approval_status" NOT NULL DEFAULT 'NOT_STARTED', "done_at" date, CONSTRAINT "chk_project_approvals_done_at" CHECK (("status" = 'DONE') = ("done_at" IS NOT NULL)), CONSTRAINT "PK_6acf602d768bfe895566286d5d9" PRIMARY KEY ("project_id", "kind"))`);
    await queryRunner.query(`CREATE TABLE "project_sequences" ("region_code" character varying(12) NOT NULL, "year" integer NOT NULL, "last_seq" integer NOT NULL, CONSTRAINT "PK_7eca47a50fd2a0e02b62ae0de66" PRIMARY KEY ("region_code", "year"))`);
    await queryRunner.query(`ALTER TABLE "projects" ADD CONSTRAINT "FK_39847e7603b39172427c283abbe" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "projects" ADD CONSTRAINT "FK_29f50d059597b5901abc7c930d8" FOREIGN KEY ("industry_code") REFERENCES "industries"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "projects" ADD CONSTRAINT "FK_bbccff63a3369b6ca0fcc8d7a47" FOREIGN KEY ("parent_project_no") REFERENCES "projects"("project_no") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_approvals" ADD CONSTRAINT "FK_e837a19ac52b1d114c185b5d4af" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project_approvals" DROP CONSTRAINT "FK_e837a19ac52b1d114c185b5d4af"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_bbccff63a3369b6ca0fcc8d7a47"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_29f50d059597b5901abc7c930d8"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_39847e7603b39172427c283abbe"`);
    await queryRunner.query(`DROP TABLE "project_sequences"`);
    await queryRunner.query(`DROP TABLE "project_approvals"`);
    await queryRunner.query(`DROP TYPE "public"."approval_status"`);
    await queryRunner.query(`DROP TYPE "public"."approval_kind"`);
    await queryRunner.query(`DROP INDEX "public"."idx_projects_signed_at_desc"`);
    await queryRunner.query(`DROP INDEX "public"."idx_projects_region_code"`);
    await queryRunner.query(`DROP INDEX "public"."idx_projects_industry_code"`);
    await queryRunner.query(`DROP INDEX "public"."idx_projects_stage"`);
    await queryRunner.query(`DROP INDEX "public"."idx_projects_signed_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_projects_contract_amount"`);
    await queryRunner.query(`DROP INDEX "public"."idx_projects_updated_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_projects_investor_uscc"`);
    await queryRunner.query(`DROP INDEX "public"."idx_projects_parent_project_no"`);
    await queryRunner.query(`DROP TABLE "projects"`);
    await queryRunner.query(`DROP TYPE "public"."project_stage"`);
    await queryRunner.query(`DROP TYPE "public"."investor_origin"`);
  }
}
