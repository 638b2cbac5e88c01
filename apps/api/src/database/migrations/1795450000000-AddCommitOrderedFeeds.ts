import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: the statistics feeds in commit order. `change_xid` is the id of the transaction that last
 * wrote the row (xid8 as bigint: TypeORM knows no xid8), set by a trigger on every path — entities,
 * raw SQL, imports — so no writer can forget it. The feeds serve only rows below a watermark (the
 * lowest id of this database's transactions still running: every transaction below it has ended),
 * so a long transaction's rows are not skipped: they hold back what came after them until they
 * commit (common/sql/feed-page.ts). `feed_watermarks` maps instants to
 * such xmins for `updatedSince` (column snapshot_xmin: `xmin` is a system column's name).
 *
 * Existing rows get change_xid 0 without a rewrite of the table (a column default held in the catalog,
 * dropped again): they were all committed before, and 0 sorts them first, in id order.
 */
export class AddCommitOrderedFeeds1795450000000 implements MigrationInterface {
  name = 'AddCommitOrderedFeeds1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "set_change_xid"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.change_xid := pg_current_xact_id()::text::bigint;
        RETURN NEW;
      END
    $$`);
    for (const table of ['projects', 'monthly_reports']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "change_xid" bigint NOT NULL DEFAULT 0`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "change_xid" DROP DEFAULT`);
      await queryRunner.query(`CREATE TRIGGER "trg_${table}_change_xid" BEFORE INSERT OR UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "set_change_xid"()`);
      await queryRunner.query(`CREATE INDEX "idx_${table}_change_xid" ON "${table}" ("change_xid", "id")`);
    }
    await queryRunner.query(`CREATE TABLE "feed_watermarks" ("at" TIMESTAMP WITH TIME ZONE NOT NULL, "snapshot_xmin" bigint NOT NULL, CONSTRAINT "PK_feed_watermarks" PRIMARY KEY ("at"))`);
    await queryRunner.query(`INSERT INTO "feed_watermarks" ("at", "snapshot_xmin") VALUES ('-infinity', 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "feed_watermarks"`);
    for (const table of ['monthly_reports', 'projects']) {
      await queryRunner.query(`DROP INDEX "public"."idx_${table}_change_xid"`);
      await queryRunner.query(`DROP TRIGGER "trg_${table}_change_xid" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "change_xid"`);
    }
    await queryRunner.query(`DROP FUNCTION "set_change_xid"()`);
  }
}
