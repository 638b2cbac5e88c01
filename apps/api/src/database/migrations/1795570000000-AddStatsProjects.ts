import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStatsProjects1795570000000 implements MigrationInterface {
  name = 'AddStatsProjects1795570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "stats_projects" ("month" character(7) NOT NULL, "national_code" character varying(24) NOT NULL, "name" character varying(200) NOT NULL, "region_code" character varying(12) NOT NULL, "registered_month" character(7) NOT NULL, "completed_ytd_wan" numeric(14,2) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_stats_projects_completed" CHECK ("completed_ytd_wan" >= 0), CONSTRAINT "PK_dfeb14757f3611396caad1e6642" PRIMARY KEY ("month", "national_code"))`);
    await queryRunner.query(`CREATE INDEX "idx_stats_projects_month_region" ON "stats_projects"  ("month", "region_code") `);
    await queryRunner.query(`ALTER TABLE "stats_projects" ADD CONSTRAINT "FK_8a860094be56ea92593dc66acfa" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stats_projects" DROP CONSTRAINT "FK_8a860094be56ea92593dc66acfa"`);
    await queryRunner.query(`DROP INDEX "public"."idx_stats_projects_month_region"`);
    await queryRunner.query(`DROP TABLE "stats_projects"`);
  }
}
