import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddBulletins1795540000000 implements MigrationInterface {
  name = 'AddBulletins1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bulletins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quarter" character varying(7) NOT NULL, "version" integer NOT NULL, "revisions" jsonb NOT NULL, "content" jsonb NOT NULL, "closing_paragraph" text NOT NULL, "docx" bytea NOT NULL, "generated_by" character varying(100) NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2a8a95dd56d5a3507074c35954e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_bulletins_quarter_version" ON "bulletins"  ("quarter", "version") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_bulletins_quarter_version"`);
    await queryRunner.query(`DROP TABLE "bulletins"`);
  }
}
