/**
 * Issue 15 item 1: 优惠政策兑现台账 (DOMAIN.md §9) — the commitments, their status history, and the
 * foreign key of notices.commitment_id that issue 14 left for this table.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPolicyCommitments1795530000000 implements MigrationInterface {
  name = 'AddPolicyCommitments1795530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."commitment_type" AS ENUM('LAND', 'TAX', 'SUBSIDY', 'INFRASTRUCTURE', 'FINANCING', 'TALENT', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE "public"."commitment_status" AS ENUM('PENDING', 'PARTIAL', 'HONOURED', 'WITHDRAWN')`);
    await queryRunner.query(`CREATE TABLE "policy_commitments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "type" "public"."commitment_type" NOT NULL, "content" character varying(1000) NOT NULL, "promised_amount_wan" numeric(18,2), "due_at" date NOT NULL, "unit_id" uuid NOT NULL, "status" "public"."commitment_status" NOT NULL DEFAULT 'PENDING', "honoured_amount_wan" numeric(18,2) NOT NULL DEFAULT '0', "honoured_at" date, "withdrawn_at" date, "withdrawn_reason" character varying(1000), "recorded_at" date NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_policy_commitments_promised" CHECK ("promised_amount_wan" IS NULL OR "promised_amount_wan" >= 0), CONSTRAINT "chk_policy_commitments_honoured" CHECK ("honoured_amount_wan" >= 0 AND ("status" <> 'HONOURED' OR "honoured_at" IS NOT NULL)), CONSTRAINT "chk_policy_commitments_withdrawn" CHECK (("status" = 'WITHDRAWN') = ("withdrawn_reason" IS NOT NULL AND "withdrawn_at" IS NOT NULL)), CONSTRAINT "PK_59fe3415497ecd1b1f45a5cc89c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_policy_commitments_status_due" ON "policy_commitments"  ("status", "due_at") `);
    await queryRunner.query(`CREATE INDEX "idx_policy_commitments_unit" ON "policy_commitments"  ("unit_id") `);
    await queryRunner.query(`CREATE INDEX "idx_policy_commitments_project" ON "policy_commitments"  ("project_id") `);
    await queryRunner.query(`CREATE TABLE "commitment_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "commitment_id" uuid NOT NULL, "status" "public"."commitment_status" NOT NULL, "at" date NOT NULL, "honoured_amount_wan" numeric(18,2) NOT NULL, "note" character varying(1000), "author_name" character varying(50) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9bdae3d4e08f072936c218c97d0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_commitment_events_commitment" ON "commitment_events"  ("commitment_id", "at") `);
    await queryRunner.query(`ALTER TABLE "policy_commitments" ADD CONSTRAINT "FK_c7104760026fd9cc12a629b4afe" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "policy_commitments" ADD CONSTRAINT "FK_8cbe9ca00e66081052853dfa54d" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notices" ADD CONSTRAINT "FK_4832249d254004014b01a8634e0" FOREIGN KEY ("commitment_id") REFERENCES "policy_commitments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "commitment_events" ADD CONSTRAINT "FK_7cb9628d772b46e701d7e715eee" FOREIGN KEY ("commitment_id") REFERENCES "policy_commitments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "commitment_events" DROP CONSTRAINT "FK_7cb9628d772b46e701d7e715eee"`);
    await queryRunner.query(`ALTER TABLE "notices" DROP CONSTRAINT "FK_4832249d254004014b01a8634e0"`);
    await queryRunner.query(`ALTER TABLE "policy_commitments" DROP CONSTRAINT "FK_8cbe9ca00e66081052853dfa54d"`);
    await queryRunner.query(`ALTER TABLE "policy_commitments" DROP CONSTRAINT "FK_c7104760026fd9cc12a629b4afe"`);
    await queryRunner.query(`DROP INDEX "public"."idx_commitment_events_commitment"`);
    await queryRunner.query(`DROP TABLE "commitment_events"`);
    await queryRunner.query(`DROP INDEX "public"."idx_policy_commitments_project"`);
    await queryRunner.query(`DROP INDEX "public"."idx_policy_commitments_unit"`);
    await queryRunner.query(`DROP INDEX "public"."idx_policy_commitments_status_due"`);
    await queryRunner.query(`DROP TABLE "policy_commitments"`);
    await queryRunner.query(`DROP TYPE "public"."commitment_status"`);
    await queryRunner.query(`DROP TYPE "public"."commitment_type"`);
  }
}
