/**
 * Issue 11, DOMAIN.md §5–§6: closed periods stay closed.
 *
 * `corrections`: every change of a project's counting fields that alters a figure of a closed month
 * (made by city staff or an admin, with a reason) — what the 更正记录 page lists and what tells the
 * dashboard that a published month has been corrected since.
 *
 * `publications` / `published_indicators`: closing a month stores the indicators as published (the
 * city and each district; the month and 1–M月累计). Each close of a month is a new revision; rows
 * are never updated, so what was published can always be shown beside what is true now.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCorrectionsAndPublications1795460000000 implements MigrationInterface {
  name = 'AddCorrectionsAndPublications1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "corrections" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "at" timestamptz NOT NULL DEFAULT now(),
      "actor_id" varchar(64),
      "actor_name" varchar(100) NOT NULL,
      "project_id" uuid NOT NULL REFERENCES "projects"("id") ON DELETE RESTRICT,
      "project_no" varchar(40) NOT NULL,
      "source" varchar(16) NOT NULL CONSTRAINT "chk_corrections_source" CHECK ("source" IN ('CREATE', 'EDIT', 'STAGE', 'IMPORT')),
      "months" char(7)[] NOT NULL,
      "fields" text[] NOT NULL,
      "before" jsonb NOT NULL,
      "after" jsonb NOT NULL,
      "reason" text NOT NULL CONSTRAINT "chk_corrections_reason" CHECK (btrim("reason") <> ''),
      -- a correction alters a closed month, or moves a stage back (a correction even when it touches no closed month)
      CONSTRAINT "chk_corrections_months" CHECK (cardinality("months") > 0 OR 'stage' = ANY("fields"))
    )`);
    await queryRunner.query(`CREATE INDEX "idx_corrections_at" ON "corrections" ("at" DESC, "id")`);
    await queryRunner.query(`CREATE INDEX "idx_corrections_months" ON "corrections" USING gin ("months")`);
    await queryRunner.query(`CREATE INDEX "idx_corrections_project" ON "corrections" ("project_id")`);

    await queryRunner.query(`CREATE TABLE "publications" (
      "month" char(7) NOT NULL,
      "revision" integer NOT NULL CONSTRAINT "chk_publications_revision" CHECK ("revision" >= 1),
      "published_at" timestamptz NOT NULL DEFAULT now(),
      "published_by" varchar(100) NOT NULL,
      "reason" text,
      PRIMARY KEY ("month", "revision")
    )`);
    await queryRunner.query(`CREATE TABLE "published_indicators" (
      "month" char(7) NOT NULL,
      "revision" integer NOT NULL,
      "region_code" varchar(12) NOT NULL REFERENCES "regions"("code") ON DELETE RESTRICT,
      "period" varchar(5) NOT NULL CONSTRAINT "chk_published_indicators_period" CHECK ("period" IN ('MONTH', 'YTD')),
      "figures" jsonb NOT NULL,
      PRIMARY KEY ("month", "revision", "region_code", "period"),
      FOREIGN KEY ("month", "revision") REFERENCES "publications"("month", "revision") ON DELETE RESTRICT
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "published_indicators"`);
    await queryRunner.query(`DROP TABLE "publications"`);
    await queryRunner.query(`DROP TABLE "corrections"`);
  }
}
