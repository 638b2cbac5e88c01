import type { MigrationInterface, QueryRunner } from 'typeorm';
import { replaceFromFacts, triggerFunctionSql, type Run } from './trigger-sql.js';

/*
 * Issue 17: the key projects' counts of GET /indicators (重点项目: count, 开复工, 手续办结 as of a
 * row's last day, DOMAIN.md §6) read every project and, for each key project, its approval items: at
 * 116,000 projects ~120 ms a pass and ~350 ms by month, most of a year's request once the other
 * figures came from summaries. `indicator_key_projects` keeps one narrow row per signed key project:
 * its region, industry, signing, termination and start dates, and the day its approvals became
 * complete (`approvals_done`: NULL never, -infinity when nothing was left to do; a date ≤ the row's
 * last day is then the same rule as `approvalsCompleteSql`, as the by-month statement has read it
 * since issue 13).
 *
 * Kept like the other summaries, in the same transaction, by statement-level triggers on `projects`
 * (insert, update of the columns it reads, delete) and on `project_approvals`. A project's row is
 * its own (one writer at a time holds the project), so rows are replaced, not appended as deltas.
 * The existing `indicator_summaries_rebuild()` / `_diff()` become the union of the report summaries'
 * (renamed `indicator_sums_rebuild_reports` / `indicator_sums_diff_reports`) and this table's, so
 * the operators' check and the property test cover it without a new name to remember.
 */
const FACTS = `SELECT p.id AS project_id, p.region_code, p.industry_code, p.signed_at, p.terminated_at,
    coalesce(p.construction_started_at, p.production_started_at) AS started_at,
    (SELECT CASE WHEN bool_or(a.status NOT IN ('NOT_REQUIRED', 'DONE')) OR NOT coalesce(bool_or(a.status = 'NOT_REQUIRED' OR a.done_at IS NOT NULL), false) THEN NULL
            ELSE coalesce(max(a.done_at) FILTER (WHERE a.status = 'DONE'), '-infinity'::date) END
     FROM project_approvals a WHERE a.project_id = p.id) AS approvals_done
  FROM projects p
  WHERE p.is_key_project AND p.signed_at IS NOT NULL`;

const COLUMNS = 'project_id, region_code, industry_code, signed_at, terminated_at, started_at, approvals_done';

/** The projects whose row is replaced: `ids` a query of project ids (from the statement's transition tables). */
const replace = (ids: string, run?: Run) =>
  replaceFromFacts({ name: 'indicator_key_projects', alias: 'k', key: 'project_id', columns: COLUMNS, facts: 'indicator_key_project_facts' }, ids, run);

/** The body of `indicator_key_projects_updated`: only the rows whose read columns changed (a project's other edits cost one comparison each). */
export const keyProjectsUpdatedBody = (run?: Run) =>
  replace(
    `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.is_key_project OR o.is_key_project) AND (n.is_key_project, n.region_code, n.industry_code, n.signed_at, n.terminated_at, n.construction_started_at, n.production_started_at)
          IS DISTINCT FROM (o.is_key_project, o.region_code, o.industry_code, o.signed_at, o.terminated_at, o.construction_started_at, o.production_started_at)`,
    run,
  );

export class AddKeyProjectState1795610000000 implements MigrationInterface {
  name = 'AddKeyProjectState1795610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "indicator_key_projects" (
      "project_id" uuid NOT NULL, "region_code" character varying(12) NOT NULL, "industry_code" character varying(8) NOT NULL,
      "signed_at" date NOT NULL, "terminated_at" date, "started_at" date, "approvals_done" date,
      CONSTRAINT "PK_indicator_key_projects" PRIMARY KEY ("project_id"))`);
    await queryRunner.query(`CREATE VIEW "indicator_key_project_facts" AS ${FACTS}`);

    const triggerFunction = async (name: string, body: string) => queryRunner.query(triggerFunctionSql(name, body));
    await triggerFunction('indicator_key_projects_inserted', replace('SELECT id FROM new_rows WHERE is_key_project'));
    await triggerFunction('indicator_key_projects_updated', keyProjectsUpdatedBody());
    await triggerFunction('indicator_key_projects_deleted', 'DELETE FROM indicator_key_projects k USING old_rows o WHERE k.project_id = o.id');
    const approvals = (ids: string) =>
      `UPDATE indicator_key_projects k SET approvals_done = f.approvals_done FROM indicator_key_project_facts f
        WHERE f.project_id = k.project_id AND k.project_id IN (${ids}) AND k.approvals_done IS DISTINCT FROM f.approvals_done`;
    await triggerFunction('indicator_key_approvals_inserted', approvals('SELECT project_id FROM new_rows'));
    await triggerFunction('indicator_key_approvals_updated', approvals('SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows'));
    await triggerFunction('indicator_key_approvals_deleted', approvals('SELECT project_id FROM old_rows'));
    await queryRunner.query(`CREATE TRIGGER "indicator_key_projects_insert" AFTER INSERT ON "projects" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_key_projects_inserted"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_key_projects_update" AFTER UPDATE ON "projects" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_key_projects_updated"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_key_projects_delete" AFTER DELETE ON "projects" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_key_projects_deleted"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_key_approvals_insert" AFTER INSERT ON "project_approvals" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_key_approvals_inserted"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_key_approvals_update" AFTER UPDATE ON "project_approvals" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_key_approvals_updated"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_key_approvals_delete" AFTER DELETE ON "project_approvals" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_key_approvals_deleted"()`);

    // the operators' functions: the report summaries' under new names, and the union of both under the old ones
    await queryRunner.query(`ALTER FUNCTION "indicator_summaries_rebuild"() RENAME TO "indicator_sums_rebuild_reports"`);
    await queryRunner.query(`ALTER FUNCTION "indicator_summaries_diff"() RENAME TO "indicator_sums_diff_reports"`);
    await queryRunner.query(`CREATE FUNCTION "indicator_summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM indicator_sums_rebuild_reports();
  LOCK TABLE projects, project_approvals IN SHARE MODE;
  LOCK TABLE indicator_key_projects IN EXCLUSIVE MODE;
  DELETE FROM indicator_key_projects;
  INSERT INTO indicator_key_projects (${COLUMNS}) SELECT ${COLUMNS} FROM indicator_key_project_facts;
END
$fn$`);
    await queryRunner.query(`CREATE FUNCTION "indicator_summaries_diff"() RETURNS TABLE (summary text, key text, kept text, facts text) LANGUAGE sql STABLE AS $fn$
  SELECT * FROM indicator_sums_diff_reports()
  UNION ALL
  SELECT 'indicator_key_projects', coalesce(k.project_id, f.project_id)::text,
    concat_ws(' ', k.region_code, k.industry_code, k.signed_at, k.terminated_at, k.started_at, k.approvals_done),
    concat_ws(' ', f.region_code, f.industry_code, f.signed_at, f.terminated_at, f.started_at, f.approvals_done)
  FROM indicator_key_projects k FULL JOIN indicator_key_project_facts f USING (project_id)
  WHERE (k.region_code, k.industry_code, k.signed_at, k.terminated_at, k.started_at, k.approvals_done)
    IS DISTINCT FROM (f.region_code, f.industry_code, f.signed_at, f.terminated_at, f.started_at, f.approvals_done)
$fn$`);
    // TRUNCATE of the projects already rebuilds (indicator_sums_truncated); of the approvals too
    await queryRunner.query(`CREATE TRIGGER "indicator_key_approvals_truncate" AFTER TRUNCATE ON "project_approvals" FOR EACH STATEMENT EXECUTE FUNCTION "indicator_sums_truncated"()`);

    // the backfill
    await queryRunner.query(`INSERT INTO indicator_key_projects (${COLUMNS}) SELECT ${COLUMNS} FROM indicator_key_project_facts`);
    await queryRunner.query(`ANALYZE indicator_key_projects`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "indicator_key_approvals_truncate" ON "project_approvals"`);
    await queryRunner.query(`DROP FUNCTION "indicator_summaries_diff"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_summaries_rebuild"()`);
    await queryRunner.query(`ALTER FUNCTION "indicator_sums_diff_reports"() RENAME TO "indicator_summaries_diff"`);
    await queryRunner.query(`ALTER FUNCTION "indicator_sums_rebuild_reports"() RENAME TO "indicator_summaries_rebuild"`);
    for (const [trigger, table] of [
      ['indicator_key_approvals_delete', 'project_approvals'],
      ['indicator_key_approvals_update', 'project_approvals'],
      ['indicator_key_approvals_insert', 'project_approvals'],
      ['indicator_key_projects_delete', 'projects'],
      ['indicator_key_projects_update', 'projects'],
      ['indicator_key_projects_insert', 'projects'],
    ]) {
      await queryRunner.query(`DROP TRIGGER "${trigger}" ON "${table}"`);
    }
    for (const fn of ['indicator_key_approvals_deleted', 'indicator_key_approvals_updated', 'indicator_key_approvals_inserted', 'indicator_key_projects_deleted', 'indicator_key_projects_updated', 'indicator_key_projects_inserted']) {
      await queryRunner.query(`DROP FUNCTION "${fn}"()`);
    }
    await queryRunner.query(`DROP VIEW "indicator_key_project_facts"`);
    await queryRunner.query(`DROP TABLE "indicator_key_projects"`);
  }
}
