import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: the sign-in limiter in PostgreSQL, so that several API processes share it
 * (modules/auth/login-limiter.ts explains the keys and the limits). No entity: only the limiter
 * reads and writes it, with raw SQL. `touched_at` orders the pruning of rows past the window, which
 * keeps the table bounded.
 */
export class AddLoginThrottle1795470000000 implements MigrationInterface {
  name = 'AddLoginThrottle1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "login_throttle" (
      "key" varchar(200) NOT NULL PRIMARY KEY,
      "failures" integer NOT NULL DEFAULT 0,
      "window_start" timestamptz NOT NULL DEFAULT now(),
      "last_check_at" timestamptz,
      "touched_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX "idx_login_throttle_touched_at" ON "login_throttle" ("touched_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttle"`);
  }
}
