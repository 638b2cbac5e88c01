import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: a request budget per API key (DOMAIN.md §10) and the counter that enforces it across API
 * processes (modules/api-keys/rate-limit.ts explains the window). The keys get a version for the PATCH
 * that changes the budget; existing keys start at version 1 (the default only fills them in).
 * `api_key_usage` has no entity: only the limiter writes it, with raw SQL. UNLOGGED: a count lost in a
 * crash only lets each key start its minute afresh, and it spares a WAL record on every request.
 */
export class AddApiKeyRateLimits1795560000000 implements MigrationInterface {
  name = 'AddApiKeyRateLimits1795560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" ADD "rate_limit_per_minute" integer NOT NULL DEFAULT '600'`);
    await queryRunner.query(`ALTER TABLE "api_keys" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "api_keys" ALTER COLUMN "version" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "CHK_api_keys_rate_limit" CHECK ("rate_limit_per_minute" BETWEEN 10 AND 60000)`);
    await queryRunner.query(`CREATE UNLOGGED TABLE "api_key_usage" (
      "key_id" uuid NOT NULL PRIMARY KEY REFERENCES "api_keys" ("id") ON DELETE CASCADE,
      "window_start" timestamptz NOT NULL,
      "requests" integer NOT NULL
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "api_key_usage"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "CHK_api_keys_rate_limit"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP COLUMN "rate_limit_per_minute"`);
  }
}
