/** Issue 14 item 3 (DOMAIN.md §9): 三单一函 — notices and their numbering per kind and year. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotices1795510000000 implements MigrationInterface {
  name = 'AddNotices1795510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."notice_kind" AS ENUM('REMINDER', 'URGE', 'SUPERVISE', 'TRANSFER')`);
    await queryRunner.query(`CREATE TABLE "notice_counters" ("kind" "public"."notice_kind" NOT NULL, "year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_b842640f8d5fb9b3a91c7b003e0" PRIMARY KEY ("kind", "year"))`);
    await queryRunner.query(`CREATE TYPE "public"."notice_status" AS ENUM('PENDING_SIGNATURE', 'RETURNED', 'ISSUED', 'ANSWERED', 'CLOSED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TYPE "public"."notice_subject" AS ENUM('ISSUE', 'WARNING', 'COMMITMENT')`);
    await queryRunner.query(`CREATE TABLE "notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."notice_kind" NOT NULL, "status" "public"."notice_status" NOT NULL, "year" integer, "seq" integer, "number" character varying(50), "subject_type" "public"."notice_subject" NOT NULL, "project_id" uuid NOT NULL, "issue_id" uuid, "warning_rule" character varying(20), "commitment_id" uuid, "previous_notice_id" uuid, "recipient_unit_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "facts" character varying(4000) NOT NULL, "requirement" character varying(2000) NOT NULL, "deadline" date NOT NULL, "drafted_by_name" character varying(50) NOT NULL, "signer_leader_id" uuid, "signed_at" date, "sign_comment" character varying(1000), "issued_at" date, "issued_by_name" character varying(50), "feedback" character varying(2000), "feedback_at" date, "feedback_by_name" character varying(50), "closed_at" date, "close_note" character varying(1000), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_notices_signer" CHECK ("kind" NOT IN ('SUPERVISE', 'TRANSFER') OR "signer_leader_id" IS NOT NULL), CONSTRAINT "chk_notices_numbered" CHECK (("status" IN ('ISSUED', 'ANSWERED', 'CLOSED')) = ("seq" IS NOT NULL AND "year" IS NOT NULL AND "number" IS NOT NULL AND "issued_at" IS NOT NULL)), CONSTRAINT "chk_notices_subject" CHECK (("subject_type" = 'ISSUE') = ("issue_id" IS NOT NULL) AND ("subject_type" = 'WARNING') = ("warning_rule" IS NOT NULL) AND ("subject_type" = 'COMMITMENT') = ("commitment_id" IS NOT NULL)), CONSTRAINT "PK_3eb18c29da25d6935fcbe584237" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notices_number" ON "notices"  ("kind", "year", "seq") `);
    await queryRunner.query(`CREATE INDEX "idx_notices_status_deadline" ON "notices"  ("status", "deadline") `);
    await queryRunner.query(`CREATE INDEX "idx_notices_issue" ON "notices"  ("issue_id") `);
    await queryRunner.query(`CREATE INDEX "idx_notices_project" ON "notices"  ("project_id") `);
    await queryRunner.query(`ALTER TABLE "notices" ADD CONSTRAINT "FK_dda630404ad767ba956b2786d64" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notices" ADD CONSTRAINT "FK_d2b5f304dd203ecb5e78cd3ee92" FOREIGN KEY ("issue_id") REFERENCES "project_issues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notices" ADD CONSTRAINT "FK_840caff4d0e39fe1ea18176ccaf" FOREIGN KEY ("previous_notice_id") REFERENCES "notices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notices" ADD CONSTRAINT "FK_390c7b24b137a11004ce334687b" FOREIGN KEY ("recipient_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notices" ADD CONSTRAINT "FK_5e41dbc30b1cbbb078675b38828" FOREIGN KEY ("signer_leader_id") REFERENCES "leaders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notices" DROP CONSTRAINT "FK_5e41dbc30b1cbbb078675b38828"`);
    await queryRunner.query(`ALTER TABLE "notices" DROP CONSTRAINT "FK_390c7b24b137a11004ce334687b"`);
    await queryRunner.query(`ALTER TABLE "notices" DROP CONSTRAINT "FK_840caff4d0e39fe1ea18176ccaf"`);
    await queryRunner.query(`ALTER TABLE "notices" DROP CONSTRAINT "FK_d2b5f304dd203ecb5e78cd3ee92"`);
    await queryRunner.query(`ALTER TABLE "notices" DROP CONSTRAINT "FK_dda630404ad767ba956b2786d64"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notices_project"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notices_issue"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notices_status_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notices_number"`);
    await queryRunner.query(`DROP TABLE "notices"`);
    await queryRunner.query(`DROP TYPE "public"."notice_subject"`);
    await queryRunner.query(`DROP TYPE "public"."notice_status"`);
    await queryRunner.query(`DROP TABLE "notice_counters"`);
    await queryRunner.query(`DROP TYPE "public"."notice_kind"`);
  }
}
