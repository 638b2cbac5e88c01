/**
 * Issue 14 (DOMAIN.md §9, 1+N+9): the lists of 包联领导 and 责任单位 an admin keeps, and the projects'
 * `lead_official` / `lead_department` tied to them. The projects keep the names (what spreadsheets,
 * exports and the API carry), now as foreign keys to the lists' unique names, ON UPDATE CASCADE: a
 * corrected name corrects every project of it, and no project names someone the lists do not know.
 * Projects also get a 旗县联系人 (an account: "my projects" of district staff).
 * The names already on projects become the lists' first entries (level guessed: a 市长 or a name used
 * in several districts is the city's; a unit named after a district belongs to it), for an admin to
 * complete with the 分管领域.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddResponsibility1795490000000 implements MigrationInterface {
  name = 'AddResponsibility1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."responsibility_level" AS ENUM('CITY', 'DISTRICT')`);
    await queryRunner.query(`CREATE TABLE "leaders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(50) NOT NULL, "portfolio" character varying(200), "level" "public"."responsibility_level" NOT NULL, "region_code" character varying(12), "user_id" uuid, "sort_order" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_2b151242466a6fd1ee904d25809" UNIQUE ("name"), CONSTRAINT "UQ_0c724f020fd0471f32c024cde75" UNIQUE ("user_id"), CONSTRAINT "chk_leaders_level_region" CHECK (("level" = 'DISTRICT') = ("region_code" IS NOT NULL)), CONSTRAINT "PK_6035d2826e63f39b50a34901d36" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "level" "public"."responsibility_level" NOT NULL, "region_code" character varying(12), "sort_order" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_cd34e4bfea359fa09d997a0b87d" UNIQUE ("name"), CONSTRAINT "chk_units_level_region" CHECK (("level" = 'DISTRICT') = ("region_code" IS NOT NULL)), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "leaders" ADD CONSTRAINT "FK_f7b27854cc8ed7f9c23959a2c90" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "leaders" ADD CONSTRAINT "FK_0c724f020fd0471f32c024cde75" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "units" ADD CONSTRAINT "FK_cd54b84b95e63d6c4c965ebd4af" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // the names already on projects, as the lists' first entries
    await queryRunner.query(`INSERT INTO "leaders" ("name", "level", "region_code", "sort_order", "version")
      SELECT name, CASE WHEN region IS NULL THEN 'CITY' ELSE 'DISTRICT' END::"public"."responsibility_level", region, (row_number() OVER (ORDER BY region NULLS FIRST, name))::int * 10, 1
      FROM (SELECT btrim(p.lead_official) AS name,
                   CASE WHEN btrim(p.lead_official) LIKE '%市长%' OR count(DISTINCT p.region_code) > 1 THEN NULL ELSE min(p.region_code) END AS region
              FROM "projects" p WHERE btrim(coalesce(p.lead_official, '')) <> '' GROUP BY btrim(p.lead_official)) named`);
    await queryRunner.query(`INSERT INTO "units" ("name", "level", "region_code", "sort_order", "version")
      SELECT name, CASE WHEN region IS NULL THEN 'CITY' ELSE 'DISTRICT' END::"public"."responsibility_level", region, (row_number() OVER (ORDER BY region NULLS FIRST, name))::int * 10, 1
      FROM (SELECT DISTINCT btrim(p.lead_department) AS name,
                   (SELECT r.code FROM "regions" r WHERE r.parent_code IS NOT NULL AND btrim(p.lead_department) LIKE r.name || '%' ORDER BY length(r.name) DESC LIMIT 1) AS region
              FROM "projects" p WHERE btrim(coalesce(p.lead_department, '')) <> '') named`);
    await queryRunner.query(`UPDATE "projects" SET "lead_official" = NULLIF(btrim("lead_official"), ''), "lead_department" = NULLIF(btrim("lead_department"), '')
      WHERE "lead_official" IS DISTINCT FROM NULLIF(btrim("lead_official"), '') OR "lead_department" IS DISTINCT FROM NULLIF(btrim("lead_department"), '')`);
    await queryRunner.query(`ALTER TABLE "projects" ADD CONSTRAINT "fk_projects_lead_official" FOREIGN KEY ("lead_official") REFERENCES "leaders"("name") ON DELETE RESTRICT ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "projects" ADD CONSTRAINT "fk_projects_lead_department" FOREIGN KEY ("lead_department") REFERENCES "units"("name") ON DELETE RESTRICT ON UPDATE CASCADE`);
    // 旗县联系人: the account of the district staff member who follows the project (their "my projects")
    await queryRunner.query(`ALTER TABLE "projects" ADD "district_contact_id" uuid`);
    await queryRunner.query(`ALTER TABLE "projects" ADD CONSTRAINT "fk_projects_district_contact" FOREIGN KEY ("district_contact_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "fk_projects_district_contact"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP COLUMN "district_contact_id"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "fk_projects_lead_department"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "fk_projects_lead_official"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP TABLE "leaders"`);
    await queryRunner.query(`DROP TYPE "public"."responsibility_level"`);
  }
}
