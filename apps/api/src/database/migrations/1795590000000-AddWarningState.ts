import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `warn_apply_report_changes` as this migration creates it (WarnChangesPerProject replaces it and
 * restores this one when reverted).
 */
export const APPLY_REPORT_CHANGES_PER_ROW = `CREATE FUNCTION "warn_apply_report_changes"(ids uuid[], months character[], sub_before boolean[], sub_after boolean[], arr_before boolean[], arr_after boolean[])
      RETURNS void LANGUAGE sql AS $$
      WITH ch AS (
        SELECT * FROM unnest(ids, months, sub_before, sub_after, arr_before, arr_after) AS c(project_id, month, sub_before, sub_after, arr_before, arr_after)
      ),
      per AS (
        SELECT ch.project_id, to_char(p.signed_at, 'YYYY-MM')::bpchar AS signing, w.project_id IS NOT NULL AS known, w.first_gap, w.last_arrival,
          min(ch.month) FILTER (WHERE ch.sub_before AND NOT ch.sub_after AND ch.month >= to_char(p.signed_at, 'YYYY-MM')::bpchar) AS unsub_min,
          COALESCE(bool_or(ch.sub_after AND NOT ch.sub_before AND ch.month = w.first_gap), false) AS gap_filled,
          max(ch.month) FILTER (WHERE ch.arr_after) AS arrival_max,
          COALESCE(bool_or(ch.arr_before AND NOT ch.arr_after AND ch.month = w.last_arrival), false) AS arrival_lost
        FROM ch JOIN projects p ON p.id = ch.project_id LEFT JOIN warn_project_state w ON w.project_id = ch.project_id
        GROUP BY ch.project_id, p.signed_at, w.project_id, w.first_gap, w.last_arrival
      )
      INSERT INTO warn_project_state AS w (project_id, first_gap, last_arrival)
      SELECT per.project_id,
        CASE WHEN per.signing IS NULL THEN NULL
             WHEN NOT per.known OR per.first_gap IS NULL THEN warn_gap_from(per.project_id, per.signing)
             WHEN per.unsub_min < per.first_gap THEN per.unsub_min
             WHEN per.gap_filled THEN warn_gap_from(per.project_id, per.first_gap)
             ELSE per.first_gap END,
        CASE WHEN NOT per.known OR per.arrival_lost THEN warn_last_arrival(per.project_id)
             ELSE GREATEST(per.last_arrival, per.arrival_max) END
      FROM per
      ON CONFLICT (project_id) DO UPDATE SET first_gap = EXCLUDED.first_gap, last_arrival = EXCLUDED.last_arrival
      WHERE (w.first_gap, w.last_arrival) IS DISTINCT FROM (EXCLUDED.first_gap, EXCLUDED.last_arrival)
    $$`;

const submitted = (r: string) => `${r}.status IN ('SUBMITTED', 'VERIFIED')`;
const arrival = (r: string) => `(${r}.status IN ('SUBMITTED', 'VERIFIED') AND ${r}.arrived_equity_wan + ${r}.arrived_loan_wan + ${r}.arrived_other_wan > 0)`;

/** The changed flags of an UPDATE's rows as arrays: a row keeping its project and month changes flags; one moving (never done by the API) leaves its old key and enters its new one. */
const UPDATE_CHANGES = `SELECT array_agg(x.project_id) AS ids, array_agg(x.month) AS months, array_agg(x.sb) AS sb, array_agg(x.sa) AS sa, array_agg(x.ab) AS ab, array_agg(x.aa) AS aa
          FROM (
            SELECT n.project_id, n.month, CASE WHEN same THEN ${submitted('o')} ELSE false END AS sb, ${submitted('n')} AS sa,
              CASE WHEN same THEN ${arrival('o')} ELSE false END AS ab, ${arrival('n')} AS aa
            FROM warn_new_reports n JOIN warn_old_reports o ON o.id = n.id CROSS JOIN LATERAL (SELECT o.project_id = n.project_id AND o.month = n.month AS same) k
            UNION ALL
            SELECT o.project_id, o.month, ${submitted('o')}, false, ${arrival('o')}, false
            FROM warn_new_reports n JOIN warn_old_reports o ON o.id = n.id WHERE NOT (o.project_id = n.project_id AND o.month = n.month)
          ) x WHERE x.sb <> x.sa OR x.ab <> x.aa`;

/**
 * The reports' trigger function (the three triggers share it). `run` makes the UPDATE branch of its statement,
 * which joins the old and the new transition table, and of the target `into` (migration TransitionJoinsPerCall).
 */
export const reportsChangedFunction = (run: (statement: string, into: string) => string = (statement, into) => `${statement}${into}`) => `CREATE OR REPLACE FUNCTION "warn_reports_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        c record;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(n.project_id) AS ids, array_agg(n.month) AS months, array_agg(false) AS sb, array_agg(${submitted('n')}) AS sa, array_agg(false) AS ab, array_agg(${arrival('n')}) AS aa INTO c
          FROM warn_new_reports n WHERE ${submitted('n')};
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(o.project_id) AS ids, array_agg(o.month) AS months, array_agg(${submitted('o')}) AS sb, array_agg(false) AS sa, array_agg(${arrival('o')}) AS ab, array_agg(false) AS aa INTO c
          FROM warn_old_reports o WHERE ${submitted('o')};
        ELSE
          ${run(UPDATE_CHANGES, ' INTO c')};
        END IF;
        IF c.ids IS NOT NULL THEN
          PERFORM warn_apply_report_changes(c.ids, c.months, c.sb, c.sa, c.ab, c.aa);
        END IF;
        RETURN NULL;
      END
    $$`;

/**
 * Issue 17: what the REPORT and FUNDS warnings need of a project's monthly reports, kept per project
 * so the warnings list no longer reads every project's reports (3M rows at province scale):
 * - `first_gap`: the first month from the signing month on without a submitted (SUBMITTED/VERIFIED)
 *   report — the REPORT rule's oldest unsubmitted month whenever it lies within the months owed;
 * - `last_arrival`: the last month of a submitted report with arrived funds — the FUNDS rule's clock.
 *
 * Both are kept in the same transaction as the writes by statement-level triggers (transition tables:
 * an import of 100,000 reports pays one aggregated upsert, not 100,000), and both can be recomputed
 * from the facts by `warn_project_state_from_facts()`, which the property test compares with the
 * table after random edits. The table has no entity: only SQL reads it (the warnings module).
 * Names start with `warn_` so they never clash with the indicators' summaries on the same tables.
 */
export class AddWarningState1795590000000 implements MigrationInterface {
  name = 'AddWarningState1795590000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "warn_project_state" (
      "project_id" uuid NOT NULL, "first_gap" character(7), "last_arrival" character(7),
      CONSTRAINT "PK_warn_project_state" PRIMARY KEY ("project_id"),
      CONSTRAINT "FK_warn_project_state_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE)`);

    // the first month ≥ start without a submitted report: start plus the length of the run of
    // submitted months that begins at start (one index range scan of the project's later months)
    await queryRunner.query(`CREATE FUNCTION "warn_gap_from"(p uuid, from_month character) RETURNS character LANGUAGE sql STABLE AS $$
      SELECT to_char((from_month || '-01')::date + make_interval(months => count(*) FILTER (WHERE s.idx - z.first_idx = s.rn - 1)::int), 'YYYY-MM')::bpchar
      FROM (SELECT substr(from_month, 1, 4)::int * 12 + substr(from_month, 6, 2)::int AS first_idx) z
      LEFT JOIN (
        SELECT substr(r.month, 1, 4)::int * 12 + substr(r.month, 6, 2)::int AS idx, row_number() OVER (ORDER BY r.month) AS rn
        FROM monthly_reports r WHERE r.project_id = p AND r.status IN ('SUBMITTED', 'VERIFIED') AND r.month >= from_month
      ) s ON TRUE
    $$`);
    await queryRunner.query(`CREATE FUNCTION "warn_last_arrival"(p uuid) RETURNS character LANGUAGE sql STABLE AS $$
      SELECT max(r.month) FROM monthly_reports r
      WHERE r.project_id = p AND r.status IN ('SUBMITTED', 'VERIFIED') AND r.arrived_equity_wan + r.arrived_loan_wan + r.arrived_other_wan > 0
    $$`);

    // the state from the facts, set-based (the rebuild, the migration's fill and the tests' reference)
    await queryRunner.query(`CREATE FUNCTION "warn_project_state_from_facts"() RETURNS TABLE (project_id uuid, first_gap character, last_arrival character) LANGUAGE sql STABLE AS $$
      WITH sub AS (
        SELECT r.project_id, substr(r.month, 1, 4)::int * 12 + substr(r.month, 6, 2)::int AS idx,
          row_number() OVER (PARTITION BY r.project_id ORDER BY r.month) AS rn
        FROM monthly_reports r JOIN projects p ON p.id = r.project_id
        WHERE r.status IN ('SUBMITTED', 'VERIFIED') AND p.signed_at IS NOT NULL AND r.month >= to_char(p.signed_at, 'YYYY-MM')::bpchar
      ),
      leading_run AS (
        SELECT s.project_id, count(*) FILTER (WHERE s.idx - (extract(year FROM p.signed_at)::int * 12 + extract(month FROM p.signed_at)::int) = s.rn - 1)::int AS leading
        FROM sub s JOIN projects p ON p.id = s.project_id GROUP BY s.project_id
      ),
      arrival AS (
        SELECT r.project_id, max(r.month) AS month FROM monthly_reports r
        WHERE r.status IN ('SUBMITTED', 'VERIFIED') AND r.arrived_equity_wan + r.arrived_loan_wan + r.arrived_other_wan > 0
        GROUP BY r.project_id
      )
      SELECT p.id,
        CASE WHEN p.signed_at IS NOT NULL THEN to_char((to_char(p.signed_at, 'YYYY-MM') || '-01')::date + make_interval(months => COALESCE(l.leading, 0)), 'YYYY-MM')::bpchar END,
        a.month
      FROM projects p LEFT JOIN leading_run l ON l.project_id = p.id LEFT JOIN arrival a ON a.project_id = p.id
    $$`);
    await queryRunner.query(`CREATE FUNCTION "warn_rebuild_project_state"() RETURNS void LANGUAGE sql AS $$
      DELETE FROM warn_project_state;
      INSERT INTO warn_project_state (project_id, first_gap, last_arrival) SELECT * FROM warn_project_state_from_facts();
    $$`);

    // Changes of reports, one row per (project, month) whose submitted or arrival flag changed, as
    // arrays (the three triggers share this). Months before the first gap are all submitted, so only
    // a change AT the first gap (it got submitted: scan forward from it) or BEFORE it (one got
    // unsubmitted: it is the new first gap) moves it; likewise the last arrival moves up with a newer
    // one and is recomputed only when its own month loses its arrival.
    await queryRunner.query(APPLY_REPORT_CHANGES_PER_ROW);
    await queryRunner.query(reportsChangedFunction());
    await queryRunner.query(`CREATE TRIGGER "warn_reports_insert" AFTER INSERT ON "monthly_reports" REFERENCING NEW TABLE AS warn_new_reports FOR EACH STATEMENT EXECUTE FUNCTION "warn_reports_changed"()`);
    await queryRunner.query(`CREATE TRIGGER "warn_reports_update" AFTER UPDATE ON "monthly_reports" REFERENCING OLD TABLE AS warn_old_reports NEW TABLE AS warn_new_reports FOR EACH STATEMENT EXECUTE FUNCTION "warn_reports_changed"()`);
    await queryRunner.query(`CREATE TRIGGER "warn_reports_delete" AFTER DELETE ON "monthly_reports" REFERENCING OLD TABLE AS warn_old_reports FOR EACH STATEMENT EXECUTE FUNCTION "warn_reports_changed"()`);
    // TRUNCATE fires no row changes: start over from the facts (tests and tools only)
    await queryRunner.query(`CREATE FUNCTION "warn_reports_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM warn_rebuild_project_state(); RETURN NULL; END
    $$`);
    await queryRunner.query(`CREATE TRIGGER "warn_reports_truncate" AFTER TRUNCATE ON "monthly_reports" FOR EACH STATEMENT EXECUTE FUNCTION "warn_reports_truncated"()`);

    // projects: a new one gets its row; a changed signing month moves the first gap's starting point
    await queryRunner.query(`CREATE FUNCTION "warn_projects_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO warn_project_state AS w (project_id, first_gap, last_arrival)
          SELECT n.id, CASE WHEN n.signed_at IS NOT NULL THEN warn_gap_from(n.id, to_char(n.signed_at, 'YYYY-MM')::bpchar) END, warn_last_arrival(n.id)
          FROM warn_new_projects n
          ON CONFLICT (project_id) DO UPDATE SET first_gap = EXCLUDED.first_gap, last_arrival = EXCLUDED.last_arrival;
        ELSE
          INSERT INTO warn_project_state AS w (project_id, first_gap, last_arrival)
          SELECT n.id, CASE WHEN n.signed_at IS NOT NULL THEN warn_gap_from(n.id, to_char(n.signed_at, 'YYYY-MM')::bpchar) END, warn_last_arrival(n.id)
          FROM warn_new_projects n JOIN warn_old_projects o ON o.id = n.id
          WHERE to_char(o.signed_at, 'YYYY-MM') IS DISTINCT FROM to_char(n.signed_at, 'YYYY-MM')
          ON CONFLICT (project_id) DO UPDATE SET first_gap = EXCLUDED.first_gap, last_arrival = EXCLUDED.last_arrival;
        END IF;
        RETURN NULL;
      END
    $$`);
    await queryRunner.query(`CREATE TRIGGER "warn_projects_insert" AFTER INSERT ON "projects" REFERENCING NEW TABLE AS warn_new_projects FOR EACH STATEMENT EXECUTE FUNCTION "warn_projects_changed"()`);
    await queryRunner.query(`CREATE TRIGGER "warn_projects_update" AFTER UPDATE ON "projects" REFERENCING OLD TABLE AS warn_old_projects NEW TABLE AS warn_new_projects FOR EACH STATEMENT EXECUTE FUNCTION "warn_projects_changed"()`);

    await queryRunner.query(`SELECT warn_rebuild_project_state()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "warn_projects_update" ON "projects"`);
    await queryRunner.query(`DROP TRIGGER "warn_projects_insert" ON "projects"`);
    await queryRunner.query(`DROP FUNCTION "warn_projects_changed"()`);
    await queryRunner.query(`DROP TRIGGER "warn_reports_truncate" ON "monthly_reports"`);
    await queryRunner.query(`DROP FUNCTION "warn_reports_truncated"()`);
    await queryRunner.query(`DROP TRIGGER "warn_reports_delete" ON "monthly_reports"`);
    await queryRunner.query(`DROP TRIGGER "warn_reports_update" ON "monthly_reports"`);
    await queryRunner.query(`DROP TRIGGER "warn_reports_insert" ON "monthly_reports"`);
    await queryRunner.query(`DROP FUNCTION "warn_reports_changed"()`);
    await queryRunner.query(`DROP FUNCTION "warn_apply_report_changes"(uuid[], character[], boolean[], boolean[], boolean[], boolean[])`);
    await queryRunner.query(`DROP FUNCTION "warn_rebuild_project_state"()`);
    await queryRunner.query(`DROP FUNCTION "warn_project_state_from_facts"()`);
    await queryRunner.query(`DROP FUNCTION "warn_last_arrival"(uuid)`);
    await queryRunner.query(`DROP FUNCTION "warn_gap_from"(uuid, character)`);
    await queryRunner.query(`DROP TABLE "warn_project_state"`);
  }
}
