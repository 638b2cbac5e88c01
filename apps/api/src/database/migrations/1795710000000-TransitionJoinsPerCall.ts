import type { MigrationInterface, QueryRunner } from 'typeorm';
import { updateBodies } from './1795580000000-AddIndicatorSummaries.js';
import { reportsChangedFunction } from './1795590000000-AddWarningState.js';
import { keyProjectsUpdatedBody } from './1795610000000-AddKeyProjectState.js';
import { liveProjectsUpdatedBody } from './1795620000000-AddWarnLiveProjects.js';
import { projectsChangedFunction } from './1795670000000-WarnNewProjectState.js';
import { triggerFunctionSql } from './trigger-sql.js';

/*
 * Issue 17: an UPDATE of many reports or projects was quadratic in its statement triggers. Six UPDATE
 * trigger functions join the statement's old and new transition tables (`old_rows o JOIN new_rows n ON
 * n.id = o.id`). PL/pgSQL plans a static statement once per connection, at its first call, and keeps the
 * plan: made when the tables held a row or two (a grid save, or an import's UPDATE that changed nothing),
 * it is a nested loop over two unindexed tuplestores — 10,000 rows compared with 10,000, "Rows Removed by
 * Join Filter: 99,990,000". Re-importing 10,000 monthly rows with one figure changed in each took 36 s
 * (`indicator_sums_reports_update` 28 s, `warn_reports_update` 27 s); 100,000 outlived the client's 300 s.
 *
 * Those statements now run through EXECUTE when the statement changed more than SMALL rows: a dynamic
 * statement is planned on each call, with the transition tables' real row counts (a hash join; checked on a
 * scratch server: 20,000 rows 17.4 s → 81 ms). Up to SMALL rows the static statement keeps its cached plan:
 * a nested loop over 100 × 100 rows costs well under a millisecond, while planning the indicator sums'
 * statement again costs a grid save ~3 ms (measured on the 116,000-project world: a one-row report update
 * 5–10 → 8–9 ms with every call planned). `SET enable_nestloop = off` on the functions would also have
 * worked, but for every join in them (a sequential scan of the projects per grid save).
 * Same statements, same results: the texts come from the migrations that made them (`run` wraps them).
 */
const SMALL = 100;

/** `statement` (with its target `into`) planned per call when the transition table `rows` holds more than SMALL rows. */
const perCall =
  (rows: string) =>
  (statement: string, into = '') => `IF NOT EXISTS (SELECT FROM ${rows} OFFSET ${SMALL}) THEN
    ${statement}${into};
  ELSE
    EXECUTE $q$${statement}$q$${into};
  END IF`;

/** The functions AddIndicatorSummaries, AddKeyProjectState and AddWarnLiveProjects made, replaced. */
const triggerFunction = (name: string, body: string) => triggerFunctionSql(name, body, { replace: true });

/** Every function this migration replaces, each old⋈new statement wrapped by `run` (given the name of the new rows' table); as they were without. */
const functions = (run?: (rows: string) => (statement: string, into?: string) => string) => [
  ...Object.entries(updateBodies(run?.('new_rows'))).map(([name, body]) => triggerFunction(name, body)),
  triggerFunction('indicator_key_projects_updated', keyProjectsUpdatedBody(run?.('new_rows'))),
  triggerFunction('warn_live_projects_updated', liveProjectsUpdatedBody(run?.('new_rows'))),
  reportsChangedFunction(run?.('warn_new_reports')),
  projectsChangedFunction(run?.('warn_new_projects')),
];

export class TransitionJoinsPerCall1795710000000 implements MigrationInterface {
  name = 'TransitionJoinsPerCall1795710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of functions(perCall)) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of functions()) await queryRunner.query(statement);
  }
}
