import type { MigrationInterface, QueryRunner } from 'typeorm';
import { asWritten, type Run } from './trigger-sql.js';

/*
 * Issue 17: a project's warning state on INSERT was computed like a changed signing month — probing
 * its reports for the first gap and the last arrival. A row just inserted has no report (monthly_reports
 * references projects, not deferrable), so its first gap is its signing month and it has no arrival:
 * written directly. A 10,000-row projects import spent ~0.5 s in this trigger. The UPDATE branch is
 * unchanged (migration AddWarningState).
 */
const UPDATE_BRANCH = `INSERT INTO warn_project_state AS w (project_id, first_gap, last_arrival)
          SELECT n.id, CASE WHEN n.signed_at IS NOT NULL THEN warn_gap_from(n.id, to_char(n.signed_at, 'YYYY-MM')::bpchar) END, warn_last_arrival(n.id)
          FROM warn_new_projects n JOIN warn_old_projects o ON o.id = n.id
          WHERE to_char(o.signed_at, 'YYYY-MM') IS DISTINCT FROM to_char(n.signed_at, 'YYYY-MM')
          ON CONFLICT (project_id) DO UPDATE SET first_gap = EXCLUDED.first_gap, last_arrival = EXCLUDED.last_arrival`;

const INSERT_BRANCH = `INSERT INTO warn_project_state AS w (project_id, first_gap, last_arrival)
          SELECT n.id, to_char(n.signed_at, 'YYYY-MM')::bpchar, NULL FROM warn_new_projects n
          ON CONFLICT (project_id) DO UPDATE SET first_gap = EXCLUDED.first_gap, last_arrival = EXCLUDED.last_arrival`;

/** `run` wraps the UPDATE branch, which joins the old and the new transition table (migration TransitionJoinsPerCall). */
const fn = (insertBranch: string, run: Run = asWritten) => `CREATE OR REPLACE FUNCTION "warn_projects_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${insertBranch};
        ELSE
          ${run(UPDATE_BRANCH)};
        END IF;
        RETURN NULL;
      END
    $$`;

/** The function as this migration leaves it. */
export const projectsChangedFunction = (run?: Run) => fn(INSERT_BRANCH, run);

export class WarnNewProjectState1795670000000 implements MigrationInterface {
  name = 'WarnNewProjectState1795670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(projectsChangedFunction());
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      fn(`INSERT INTO warn_project_state AS w (project_id, first_gap, last_arrival)
          SELECT n.id, CASE WHEN n.signed_at IS NOT NULL THEN warn_gap_from(n.id, to_char(n.signed_at, 'YYYY-MM')::bpchar) END, warn_last_arrival(n.id)
          FROM warn_new_projects n
          ON CONFLICT (project_id) DO UPDATE SET first_gap = EXCLUDED.first_gap, last_arrival = EXCLUDED.last_arrival`),
    );
  }
}
