/**
 * Issue 14 item 3: a 督办单/移交函 gets its deadline when the leader signs it, unless the drafter chose
 * one; the draft keeps a provisional deadline (the column is NOT NULL), so whether it was chosen is a
 * fact of its own.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNoticeDeadlineChosen1795520000000 implements MigrationInterface {
  name = 'AddNoticeDeadlineChosen1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notices" ADD "deadline_chosen" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notices" DROP COLUMN "deadline_chosen"`);
  }
}
