import type { MigrationInterface, QueryRunner } from 'typeorm';
import { replaceFromFacts, triggerFunctionSql, type Run } from './trigger-sql.js';

/*
 * Issue 17: the warnings list evaluates every live project (signed, neither in negotiation nor
 * terminated) on each request. It read them from `projects` (wide rows: names, investors, notes —
 * ~100,000 of them, scanned three times) joined to `warn_project_state` twice. `warn_live_projects`
 * holds only the live projects and only what the rules read: the columns of `projects` under the
 * same names (so the rules' SQL reads it as `p` unchanged) and the state's first unsubmitted month
 * and last month with arrivals. At 100,000 projects / 121,793 warnings the list's statement went
 * from ~550 to ~250 ms on the benchmark's world.
 *
 * Kept in the same transaction by statement-level triggers: on `projects` (insert, delete, an update
 * of a column it holds: the row is replaced, or removed when the project is no longer live) and on
 * `warn_project_state` (its two months copied). Either trigger may fire first on a project's insert
 * or signing change; each writes what the tables hold at that moment, so they converge.
 * `warn_rebuild_live_projects()` recomputes it from the facts (view `warn_live_project_facts`), as
 * after a TRUNCATE; `warn_live_projects_diff()` lists rows that differ (the property test).
 */
const COLUMNS = `id, project_no, region_code, stage, signed_at, planned_start_month, construction_started_at, production_started_at,
  stats_registered, planned_investment_wan, first_gap, last_arrival`;

const FACTS = `SELECT p.id, p.project_no, p.region_code, p.stage, p.signed_at, p.planned_start_month, p.construction_started_at, p.production_started_at,
    p.stats_registered, p.planned_investment_wan, w.first_gap, w.last_arrival
  FROM projects p LEFT JOIN warn_project_state w ON w.project_id = p.id
  WHERE p.signed_at IS NOT NULL AND p.stage NOT IN ('NEGOTIATING', 'TERMINATED')`;

/** The columns of `projects` the table holds: an update that changes none of them writes nothing. */
const WATCHED = ['project_no', 'region_code', 'stage', 'signed_at', 'planned_start_month', 'construction_started_at', 'production_started_at', 'stats_registered', 'planned_investment_wan'];

/** Replaces the rows of the projects `ids` (a query of ids) from the facts. */
const replace = (ids: string, run?: Run) => replaceFromFacts({ name: 'warn_live_projects', alias: 'l', key: 'id', columns: COLUMNS, facts: 'warn_live_project_facts' }, ids, run);

/** The body of `warn_live_projects_updated`: the projects whose held columns changed. */
export const liveProjectsUpdatedBody = (run?: Run) =>
  replace(
    `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (${WATCHED.map((c) => `n.${c}`).join(', ')}) IS DISTINCT FROM (${WATCHED.map((c) => `o.${c}`).join(', ')})`,
    run,
  );

/** Copies the state's months of the projects `ids` (NULL where the state row is gone). */
const copyState = (ids: string) => `UPDATE warn_live_projects l SET first_gap = w.first_gap, last_arrival = w.last_arrival
  FROM (SELECT x.id, s.first_gap, s.last_arrival FROM (${ids}) x(id) LEFT JOIN warn_project_state s ON s.project_id = x.id) w
  WHERE l.id = w.id AND (l.first_gap, l.last_arrival) IS DISTINCT FROM (w.first_gap, w.last_arrival)`;

export class AddWarnLiveProjects1795620000000 implements MigrationInterface {
  name = 'AddWarnLiveProjects1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "warn_live_projects" (
      "id" uuid NOT NULL, "project_no" character varying(40) NOT NULL, "region_code" character varying(12) NOT NULL,
      "stage" "public"."project_stage" NOT NULL, "signed_at" date NOT NULL, "planned_start_month" character(7),
      "construction_started_at" date, "production_started_at" date, "stats_registered" boolean NOT NULL,
      "planned_investment_wan" numeric(14,2), "first_gap" character(7), "last_arrival" character(7),
      CONSTRAINT "PK_warn_live_projects" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE VIEW "warn_live_project_facts" AS ${FACTS}`);

    const triggerFunction = async (name: string, body: string) => queryRunner.query(triggerFunctionSql(name, body));
    await triggerFunction('warn_live_projects_inserted', replace('SELECT id FROM new_rows'));
    await triggerFunction('warn_live_projects_updated', liveProjectsUpdatedBody());
    await triggerFunction('warn_live_projects_deleted', 'DELETE FROM warn_live_projects l USING old_rows o WHERE l.id = o.id');
    await triggerFunction('warn_live_state_inserted', copyState('SELECT project_id FROM new_rows'));
    await triggerFunction('warn_live_state_updated', copyState('SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows'));
    await triggerFunction('warn_live_state_deleted', copyState('SELECT project_id FROM old_rows'));
    await queryRunner.query(`CREATE FUNCTION "warn_rebuild_live_projects"() RETURNS void LANGUAGE sql AS $$
      DELETE FROM warn_live_projects;
      INSERT INTO warn_live_projects (${COLUMNS}) SELECT ${COLUMNS} FROM warn_live_project_facts;
    $$`);
    await queryRunner.query(`CREATE FUNCTION "warn_live_projects_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM warn_rebuild_live_projects(); RETURN NULL; END
    $$`);
    await queryRunner.query(`CREATE FUNCTION "warn_live_projects_diff"() RETURNS TABLE (id uuid, kept text, facts text) LANGUAGE sql STABLE AS $$
      SELECT coalesce(k.id, f.id), concat_ws(' ', ${WATCHED.concat(['first_gap', 'last_arrival']).map((c) => `k.${c}`).join(', ')}),
        concat_ws(' ', ${WATCHED.concat(['first_gap', 'last_arrival']).map((c) => `f.${c}`).join(', ')})
      FROM warn_live_projects k FULL JOIN warn_live_project_facts f ON f.id = k.id
      WHERE (${WATCHED.concat(['first_gap', 'last_arrival']).map((c) => `k.${c}`).join(', ')}) IS DISTINCT FROM (${WATCHED.concat(['first_gap', 'last_arrival']).map((c) => `f.${c}`).join(', ')})
        OR k.id IS NULL OR f.id IS NULL
    $$`);

    for (const [trigger, event, table, fn, transition] of [
      ['warn_live_projects_insert', 'INSERT', 'projects', 'warn_live_projects_inserted', 'NEW TABLE AS new_rows'],
      ['warn_live_projects_update', 'UPDATE', 'projects', 'warn_live_projects_updated', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['warn_live_projects_delete', 'DELETE', 'projects', 'warn_live_projects_deleted', 'OLD TABLE AS old_rows'],
      ['warn_live_state_insert', 'INSERT', 'warn_project_state', 'warn_live_state_inserted', 'NEW TABLE AS new_rows'],
      ['warn_live_state_update', 'UPDATE', 'warn_project_state', 'warn_live_state_updated', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['warn_live_state_delete', 'DELETE', 'warn_project_state', 'warn_live_state_deleted', 'OLD TABLE AS old_rows'],
    ]) {
      await queryRunner.query(`CREATE TRIGGER "${trigger}" AFTER ${event} ON "${table}" REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`);
    }
    // TRUNCATE fires no row changes (tests and tools only): start over from the facts
    await queryRunner.query(`CREATE TRIGGER "warn_live_projects_truncate" AFTER TRUNCATE ON "projects" FOR EACH STATEMENT EXECUTE FUNCTION "warn_live_projects_truncated"()`);
    await queryRunner.query(`CREATE TRIGGER "warn_live_state_truncate" AFTER TRUNCATE ON "warn_project_state" FOR EACH STATEMENT EXECUTE FUNCTION "warn_live_projects_truncated"()`);

    await queryRunner.query(`SELECT warn_rebuild_live_projects()`);
    await queryRunner.query(`ANALYZE warn_live_projects`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['warn_live_state_truncate', 'warn_project_state'],
      ['warn_live_projects_truncate', 'projects'],
      ['warn_live_state_delete', 'warn_project_state'],
      ['warn_live_state_update', 'warn_project_state'],
      ['warn_live_state_insert', 'warn_project_state'],
      ['warn_live_projects_delete', 'projects'],
      ['warn_live_projects_update', 'projects'],
      ['warn_live_projects_insert', 'projects'],
    ]) {
      await queryRunner.query(`DROP TRIGGER "${trigger}" ON "${table}"`);
    }
    for (const fn of ['warn_live_projects_diff', 'warn_live_projects_truncated', 'warn_rebuild_live_projects', 'warn_live_state_deleted', 'warn_live_state_updated', 'warn_live_state_inserted', 'warn_live_projects_deleted', 'warn_live_projects_updated', 'warn_live_projects_inserted']) {
      await queryRunner.query(`DROP FUNCTION "${fn}"()`);
    }
    await queryRunner.query(`DROP VIEW "warn_live_project_facts"`);
    await queryRunner.query(`DROP TABLE "warn_live_projects"`);
  }
}
