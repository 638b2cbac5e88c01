import type { MigrationInterface, QueryRunner } from 'typeorm';
import { asWritten, triggerFunctionSql, type Run } from './trigger-sql.js';

/*
 * Issue 17: summaries of the monthly reports for the indicator engine (DOMAIN.md §6), kept by
 * PostgreSQL triggers in the same transaction as every write that changes them — grid saves,
 * submit/verify/return, imports, corrections, project edits, the demo loader — so that no service
 * has to remember them and they cannot drift. docs/scale.md §4 explains the design.
 *
 * Two tables, each a set of DELTA rows appended by the triggers (no upsert, so two transactions never
 * wait for one another's summary row and cannot deadlock on it) folded now and then into one BASE row
 * per key by `indicator_summaries_compact()`. A reader sums all rows of its keys, base and delta alike.
 *
 * - indicator_month_sums: per (region, industry, origin, report status, report month) Σ arrived and
 *   Σ completed investment of statistics-registered projects (months ≥ the registration month):
 *   the `arrivals` statement's figures.
 * - indicator_signed_sums: per (region, industry, origin, status, signing month, report month)
 *   Σ arrived: 资金到位率's numerator (Σ arrived of the projects signed in a period, from their signing
 *   to the row's end) without a per-project lookup.
 *
 * - indicator_project_sums: per (region, industry, origin, signing month, start month) the projects,
 *   Σ contract amount and those ≥ 1000 万: signings, 开工率's numerator and starts without reading the
 *   projects table ('' for a month stands for no date).
 *
 * Only reports that can count (SUBMITTED, VERIFIED) within the termination rule (`reportCountsSql`:
 * none after the termination month) are summed: a DRAFT grid save writes no summary row at all.
 */

/** The sums of a set of (project p, report m, sign) pairs as two delta inserts in one statement. */
function applyPairs(pairs: string): string {
  return `WITH pairs AS (${pairs}),
  counting AS (
    SELECT * FROM pairs
    WHERE status IN ('SUBMITTED', 'VERIFIED') AND (terminated_at IS NULL OR month <= to_char(terminated_at, 'YYYY-MM'))
  ),
  by_month AS (
    INSERT INTO indicator_month_sums (region_code, industry_code, investor_origin, status, month, arrived_wan, registered_completed_wan, reports)
    SELECT region_code, industry_code, investor_origin, status, month, sum(sign * arrived), coalesce(sum(sign * completed) FILTER (WHERE stats_registered AND month >= stats_registered_month), 0), sum(sign)::int
    FROM counting GROUP BY 1, 2, 3, 4, 5
    HAVING sum(sign) <> 0 OR sum(sign * arrived) <> 0 OR coalesce(sum(sign * completed) FILTER (WHERE stats_registered AND month >= stats_registered_month), 0) <> 0
    RETURNING 1
  )
  INSERT INTO indicator_signed_sums (region_code, industry_code, investor_origin, status, signed_month, month, arrived_wan, reports)
  SELECT region_code, industry_code, investor_origin, status, to_char(signed_at, 'YYYY-MM'), month, sum(sign * arrived), sum(sign)::int
  FROM counting WHERE signed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(sign) <> 0 OR sum(sign * arrived) <> 0`;
}

/** A set of projects (with a sign) as one delta insert into indicator_project_sums. */
function applyProjects(projects: string): string {
  return `WITH changed AS (${projects})
  INSERT INTO indicator_project_sums (region_code, industry_code, investor_origin, signed_month, started_month, projects, contract_amount_wan, projects_10m)
  SELECT region_code, industry_code, investor_origin, signed_month, started_month, sum(sign)::int, sum(sign * contract_amount_wan), coalesce(sum(sign) FILTER (WHERE contract_amount_wan >= 1000), 0)
  FROM changed GROUP BY 1, 2, 3, 4, 5
  HAVING sum(sign) <> 0 OR sum(sign * contract_amount_wan) <> 0`;
}

/** A project's columns in indicator_project_sums ('' for a month without a date). */
const projectColumns = (sign: string, p: string) =>
  `${sign}::int AS sign, ${p}.region_code, ${p}.industry_code, ${p}.investor_origin, coalesce(to_char(${p}.signed_at, 'YYYY-MM'), '') AS signed_month,
   coalesce(to_char(coalesce(${p}.construction_started_at, ${p}.production_started_at), 'YYYY-MM'), '') AS started_month, ${p}.contract_amount_wan`;

/** A project's columns that indicator_project_sums reads. */
const projectSumsChanged = (o: string, n: string) =>
  `(${o}.region_code, ${o}.industry_code, ${o}.investor_origin, ${o}.signed_at, coalesce(${o}.construction_started_at, ${o}.production_started_at), ${o}.contract_amount_wan)
   IS DISTINCT FROM (${n}.region_code, ${n}.industry_code, ${n}.investor_origin, ${n}.signed_at, coalesce(${n}.construction_started_at, ${n}.production_started_at), ${n}.contract_amount_wan)`;

const PROJECTS_INSERTED = `SELECT ${projectColumns('1', 'n')} FROM new_rows n`;
const PROJECTS_DELETED = `SELECT ${projectColumns('-1', 'o')} FROM old_rows o`;
const PROJECT_SUMS_UPDATED = `SELECT ${projectColumns('-1', 'o')} FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${projectSumsChanged('o', 'n')}
  UNION ALL SELECT ${projectColumns('1', 'n')} FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${projectSumsChanged('o', 'n')}`;

/** The columns of a pair: the project's that decide where a report counts, the report's figures. */
const pairColumns = (sign: string, p: string, m: string) =>
  `${sign}::int AS sign, ${p}.region_code, ${p}.industry_code, ${p}.investor_origin, ${p}.signed_at, ${p}.terminated_at, ${p}.stats_registered, ${p}.stats_registered_month,
   ${m}.status, ${m}.month, ${m}.arrived_equity_wan + ${m}.arrived_loan_wan + ${m}.arrived_other_wan AS arrived, ${m}.completed_investment_wan AS completed`;

/** A report's columns that a summary reads: an update changing none of them changes no sum. */
const reportChanged = (o: string, n: string) =>
  `(${o}.project_id, ${o}.month, ${o}.status, ${o}.arrived_equity_wan, ${o}.arrived_loan_wan, ${o}.arrived_other_wan, ${o}.completed_investment_wan)
   IS DISTINCT FROM (${n}.project_id, ${n}.month, ${n}.status, ${n}.arrived_equity_wan, ${n}.arrived_loan_wan, ${n}.arrived_other_wan, ${n}.completed_investment_wan)`;

/** A project's columns that decide where its reports count (region, industry, origin, signing month, termination, 入统). */
const projectChanged = (o: string, n: string) =>
  `(${o}.region_code, ${o}.industry_code, ${o}.investor_origin, to_char(${o}.signed_at, 'YYYY-MM'), to_char(${o}.terminated_at, 'YYYY-MM'), ${o}.stats_registered, ${o}.stats_registered_month)
   IS DISTINCT FROM (${n}.region_code, ${n}.industry_code, ${n}.investor_origin, to_char(${n}.signed_at, 'YYYY-MM'), to_char(${n}.terminated_at, 'YYYY-MM'), ${n}.stats_registered, ${n}.stats_registered_month)`;

const REPORTS_INSERTED = `SELECT ${pairColumns('1', 'p', 'n')} FROM new_rows n JOIN projects p ON p.id = n.project_id`;
const REPORTS_DELETED = `SELECT ${pairColumns('-1', 'p', 'o')} FROM old_rows o JOIN projects p ON p.id = o.project_id`;
const REPORTS_UPDATED = `SELECT ${pairColumns('-1', 'p', 'o')} FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN projects p ON p.id = o.project_id WHERE ${reportChanged('o', 'n')}
  UNION ALL SELECT ${pairColumns('1', 'p', 'n')} FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN projects p ON p.id = n.project_id WHERE ${reportChanged('o', 'n')}`;
// a project's row before and after, with its reports (unchanged by this statement: it updates projects)
const PROJECTS_UPDATED = `SELECT ${pairColumns('-1', 'o', 'm')} FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN monthly_reports m ON m.project_id = o.id WHERE ${projectChanged('o', 'n')}
  UNION ALL SELECT ${pairColumns('1', 'n', 'm')} FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN monthly_reports m ON m.project_id = n.id WHERE ${projectChanged('o', 'n')}`;

/**
 * The bodies of the UPDATE triggers' functions. `run` wraps each statement that joins the old and the new
 * transition table: identity here; migration TransitionJoinsPerCall plans the large ones per call.
 */
export const updateBodies = (run: Run = asWritten) => ({
  indicator_sums_reports_updated: run(applyPairs(REPORTS_UPDATED)),
  indicator_sums_projects_updated: `${run(applyPairs(PROJECTS_UPDATED))};\n  ${run(applyProjects(PROJECT_SUMS_UPDATED))}`,
});

/** The summaries as the facts give them, one row per key: what a rebuild writes and the check compares. */
const FACTS = {
  month: `SELECT p.region_code, p.industry_code, p.investor_origin, m.status, m.month,
      sum(m.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan)::numeric(18,2) AS arrived_wan,
      coalesce(sum(m.completed_investment_wan) FILTER (WHERE p.stats_registered AND m.month >= p.stats_registered_month), 0)::numeric(18,2) AS registered_completed_wan,
      count(*)::int AS reports
    FROM monthly_reports m JOIN projects p ON p.id = m.project_id
    WHERE m.status IN ('SUBMITTED', 'VERIFIED') AND (p.terminated_at IS NULL OR m.month <= to_char(p.terminated_at, 'YYYY-MM'))
    GROUP BY 1, 2, 3, 4, 5`,
  signed: `SELECT p.region_code, p.industry_code, p.investor_origin, m.status, to_char(p.signed_at, 'YYYY-MM')::char(7) AS signed_month, m.month,
      sum(m.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan)::numeric(18,2) AS arrived_wan,
      count(*)::int AS reports
    FROM monthly_reports m JOIN projects p ON p.id = m.project_id
    WHERE m.status IN ('SUBMITTED', 'VERIFIED') AND (p.terminated_at IS NULL OR m.month <= to_char(p.terminated_at, 'YYYY-MM')) AND p.signed_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6`,
  projects: `SELECT p.region_code, p.industry_code, p.investor_origin, coalesce(to_char(p.signed_at, 'YYYY-MM'), '')::char(7) AS signed_month,
      coalesce(to_char(coalesce(p.construction_started_at, p.production_started_at), 'YYYY-MM'), '')::char(7) AS started_month,
      count(*)::int AS projects, sum(p.contract_amount_wan)::numeric(18,2) AS contract_amount_wan, count(*) FILTER (WHERE p.contract_amount_wan >= 1000)::int AS projects_10m
    FROM projects p
    GROUP BY 1, 2, 3, 4, 5`,
};

const MONTH_KEY = 'month, region_code, industry_code, investor_origin, status';
const SIGNED_KEY = 'signed_month, month, region_code, industry_code, investor_origin, status';
const PROJECT_KEY = 'signed_month, started_month, region_code, industry_code, investor_origin';

export class AddIndicatorSummaries1795580000000 implements MigrationInterface {
  name = 'AddIndicatorSummaries1795580000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "indicator_month_sums" ("region_code" character varying(12) NOT NULL, "industry_code" character varying(8) NOT NULL, "investor_origin" "public"."investor_origin" NOT NULL, "status" "public"."report_status" NOT NULL, "month" character(7) NOT NULL, "arrived_wan" numeric(18,2) NOT NULL, "registered_completed_wan" numeric(18,2) NOT NULL, "reports" integer NOT NULL, "delta" boolean NOT NULL DEFAULT true)`);
    await queryRunner.query(`CREATE TABLE "indicator_signed_sums" ("region_code" character varying(12) NOT NULL, "industry_code" character varying(8) NOT NULL, "investor_origin" "public"."investor_origin" NOT NULL, "status" "public"."report_status" NOT NULL, "signed_month" character(7) NOT NULL, "month" character(7) NOT NULL, "arrived_wan" numeric(18,2) NOT NULL, "reports" integer NOT NULL, "delta" boolean NOT NULL DEFAULT true)`);
    // one base row per key (the compaction upserts into it); the readers' ranges; the compaction's deltas
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_indicator_month_sums_base" ON "indicator_month_sums" (${MONTH_KEY}) WHERE NOT delta`);
    await queryRunner.query(`CREATE INDEX "idx_indicator_month_sums_month" ON "indicator_month_sums" (month)`);
    await queryRunner.query(`CREATE INDEX "idx_indicator_month_sums_delta" ON "indicator_month_sums" (month) WHERE delta`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_indicator_signed_sums_base" ON "indicator_signed_sums" (${SIGNED_KEY}) WHERE NOT delta`);
    await queryRunner.query(`CREATE INDEX "idx_indicator_signed_sums_signed" ON "indicator_signed_sums" (signed_month, month)`);
    await queryRunner.query(`CREATE INDEX "idx_indicator_signed_sums_delta" ON "indicator_signed_sums" (signed_month, month) WHERE delta`);
    await queryRunner.query(`CREATE TABLE "indicator_project_sums" ("region_code" character varying(12) NOT NULL, "industry_code" character varying(8) NOT NULL, "investor_origin" "public"."investor_origin" NOT NULL, "signed_month" character(7) NOT NULL, "started_month" character(7) NOT NULL, "projects" integer NOT NULL, "contract_amount_wan" numeric(18,2) NOT NULL, "projects_10m" integer NOT NULL, "delta" boolean NOT NULL DEFAULT true)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_indicator_project_sums_base" ON "indicator_project_sums" (${PROJECT_KEY}) WHERE NOT delta`);
    await queryRunner.query(`CREATE INDEX "idx_indicator_project_sums_signed" ON "indicator_project_sums" (signed_month)`);
    await queryRunner.query(`CREATE INDEX "idx_indicator_project_sums_started" ON "indicator_project_sums" (started_month)`);
    await queryRunner.query(`CREATE INDEX "idx_indicator_project_sums_delta" ON "indicator_project_sums" (signed_month) WHERE delta`);
    await queryRunner.query(`CREATE VIEW "indicator_month_facts" AS ${FACTS.month}`);
    await queryRunner.query(`CREATE VIEW "indicator_project_facts" AS ${FACTS.projects}`);
    await queryRunner.query(`CREATE VIEW "indicator_signed_facts" AS ${FACTS.signed}`);

    // statement-level: one aggregated delta per statement, however many rows (a 100,000-row import pays once)
    const triggerFunction = async (name: string, body: string) => queryRunner.query(triggerFunctionSql(name, body));
    await triggerFunction('indicator_sums_reports_inserted', applyPairs(REPORTS_INSERTED));
    await triggerFunction('indicator_sums_reports_updated', updateBodies().indicator_sums_reports_updated);
    await triggerFunction('indicator_sums_reports_deleted', applyPairs(REPORTS_DELETED));
    await triggerFunction('indicator_sums_projects_updated', updateBodies().indicator_sums_projects_updated);
    await triggerFunction('indicator_sums_projects_inserted', applyProjects(PROJECTS_INSERTED));
    await triggerFunction('indicator_sums_projects_deleted', applyProjects(PROJECTS_DELETED));
    await queryRunner.query(`CREATE TRIGGER "indicator_sums_reports_insert" AFTER INSERT ON "monthly_reports" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_sums_reports_inserted"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_sums_reports_update" AFTER UPDATE ON "monthly_reports" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_sums_reports_updated"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_sums_reports_delete" AFTER DELETE ON "monthly_reports" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_sums_reports_deleted"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_sums_projects_update" AFTER UPDATE ON "projects" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_sums_projects_updated"()`);
    // a project is inserted without reports, and cannot be deleted while it has any (FK RESTRICT): only its own sums move
    await queryRunner.query(`CREATE TRIGGER "indicator_sums_projects_insert" AFTER INSERT ON "projects" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_sums_projects_inserted"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_sums_projects_delete" AFTER DELETE ON "projects" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "indicator_sums_projects_deleted"()`);

    // from scratch, from the facts: after a TRUNCATE (below), by an operator after a restore or a doubt, in the tests
    await queryRunner.query(`CREATE FUNCTION "indicator_summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  -- no write of the facts may commit between the delete and the insert: it would be counted twice
  LOCK TABLE projects, monthly_reports IN SHARE MODE;
  LOCK TABLE indicator_month_sums, indicator_signed_sums, indicator_project_sums IN EXCLUSIVE MODE;
  DELETE FROM indicator_month_sums;
  DELETE FROM indicator_signed_sums;
  DELETE FROM indicator_project_sums;
  INSERT INTO indicator_project_sums (${PROJECT_KEY}, projects, contract_amount_wan, projects_10m, delta)
    SELECT ${PROJECT_KEY}, projects, contract_amount_wan, projects_10m, false FROM indicator_project_facts;
  INSERT INTO indicator_month_sums (region_code, industry_code, investor_origin, status, month, arrived_wan, registered_completed_wan, reports, delta)
    SELECT region_code, industry_code, investor_origin, status, month, arrived_wan, registered_completed_wan, reports, false FROM indicator_month_facts;
  INSERT INTO indicator_signed_sums (region_code, industry_code, investor_origin, status, signed_month, month, arrived_wan, reports, delta)
    SELECT region_code, industry_code, investor_origin, status, signed_month, month, arrived_wan, reports, false FROM indicator_signed_facts;
END
$fn$`);
    // folds the delta rows into the base rows; one caller at a time (the others return at once)
    await queryRunner.query(`CREATE FUNCTION "indicator_summaries_compact"() RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  folded integer;
  more integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('indicator_summaries_compact')) THEN
    RETURN 0;
  END IF;
  WITH d AS (DELETE FROM indicator_month_sums WHERE delta RETURNING *),
  g AS (SELECT ${MONTH_KEY}, sum(arrived_wan) AS arrived_wan, sum(registered_completed_wan) AS registered_completed_wan, sum(reports)::int AS reports FROM d GROUP BY ${MONTH_KEY})
  INSERT INTO indicator_month_sums (${MONTH_KEY}, arrived_wan, registered_completed_wan, reports, delta)
    SELECT ${MONTH_KEY}, arrived_wan, registered_completed_wan, reports, false FROM g ORDER BY ${MONTH_KEY}
    ON CONFLICT (${MONTH_KEY}) WHERE NOT delta DO UPDATE SET arrived_wan = indicator_month_sums.arrived_wan + EXCLUDED.arrived_wan,
      registered_completed_wan = indicator_month_sums.registered_completed_wan + EXCLUDED.registered_completed_wan, reports = indicator_month_sums.reports + EXCLUDED.reports;
  GET DIAGNOSTICS folded = ROW_COUNT;
  WITH d AS (DELETE FROM indicator_signed_sums WHERE delta RETURNING *),
  g AS (SELECT ${SIGNED_KEY}, sum(arrived_wan) AS arrived_wan, sum(reports)::int AS reports FROM d GROUP BY ${SIGNED_KEY})
  INSERT INTO indicator_signed_sums (${SIGNED_KEY}, arrived_wan, reports, delta)
    SELECT ${SIGNED_KEY}, arrived_wan, reports, false FROM g ORDER BY ${SIGNED_KEY}
    ON CONFLICT (${SIGNED_KEY}) WHERE NOT delta DO UPDATE SET arrived_wan = indicator_signed_sums.arrived_wan + EXCLUDED.arrived_wan, reports = indicator_signed_sums.reports + EXCLUDED.reports;
  GET DIAGNOSTICS more = ROW_COUNT;
  folded := folded + more;
  WITH d AS (DELETE FROM indicator_project_sums WHERE delta RETURNING *),
  g AS (SELECT ${PROJECT_KEY}, sum(projects)::int AS projects, sum(contract_amount_wan) AS contract_amount_wan, sum(projects_10m)::int AS projects_10m FROM d GROUP BY ${PROJECT_KEY})
  INSERT INTO indicator_project_sums (${PROJECT_KEY}, projects, contract_amount_wan, projects_10m, delta)
    SELECT ${PROJECT_KEY}, projects, contract_amount_wan, projects_10m, false FROM g ORDER BY ${PROJECT_KEY}
    ON CONFLICT (${PROJECT_KEY}) WHERE NOT delta DO UPDATE SET projects = indicator_project_sums.projects + EXCLUDED.projects,
      contract_amount_wan = indicator_project_sums.contract_amount_wan + EXCLUDED.contract_amount_wan, projects_10m = indicator_project_sums.projects_10m + EXCLUDED.projects_10m;
  GET DIAGNOSTICS more = ROW_COUNT;
  -- keys whose reports are all gone (moved, returned, deleted) leave nothing behind
  DELETE FROM indicator_month_sums WHERE NOT delta AND reports = 0 AND arrived_wan = 0 AND registered_completed_wan = 0;
  DELETE FROM indicator_signed_sums WHERE NOT delta AND reports = 0 AND arrived_wan = 0;
  DELETE FROM indicator_project_sums WHERE NOT delta AND projects = 0 AND contract_amount_wan = 0 AND projects_10m = 0;
  RETURN folded + more;
END
$fn$`);
    // what differs between the summaries and the facts: empty when all is well (the property test, an operator's check)
    await queryRunner.query(`CREATE FUNCTION "indicator_summaries_diff"() RETURNS TABLE (summary text, key text, kept text, facts text) LANGUAGE sql STABLE AS $fn$
  WITH kept_month AS (
    SELECT ${MONTH_KEY}, sum(arrived_wan) AS arrived_wan, sum(registered_completed_wan) AS registered_completed_wan, sum(reports)::int AS reports
    FROM indicator_month_sums GROUP BY ${MONTH_KEY} HAVING sum(reports) <> 0 OR sum(arrived_wan) <> 0 OR sum(registered_completed_wan) <> 0
  ),
  kept_signed AS (
    SELECT ${SIGNED_KEY}, sum(arrived_wan) AS arrived_wan, sum(reports)::int AS reports
    FROM indicator_signed_sums GROUP BY ${SIGNED_KEY} HAVING sum(reports) <> 0 OR sum(arrived_wan) <> 0
  ),
  kept_projects AS (
    SELECT ${PROJECT_KEY}, sum(projects)::int AS projects, sum(contract_amount_wan) AS contract_amount_wan, sum(projects_10m)::int AS projects_10m
    FROM indicator_project_sums GROUP BY ${PROJECT_KEY} HAVING sum(projects) <> 0 OR sum(contract_amount_wan) <> 0 OR sum(projects_10m) <> 0
  )
  SELECT 'indicator_month_sums', concat_ws(' ', coalesce(k.month, f.month), coalesce(k.region_code, f.region_code), coalesce(k.industry_code, f.industry_code), coalesce(k.investor_origin, f.investor_origin), coalesce(k.status, f.status)),
    concat_ws(' ', k.arrived_wan, k.registered_completed_wan, k.reports), concat_ws(' ', f.arrived_wan, f.registered_completed_wan, f.reports)
  FROM kept_month k FULL JOIN indicator_month_facts f USING (${MONTH_KEY})
  WHERE (k.arrived_wan, k.registered_completed_wan, k.reports) IS DISTINCT FROM (f.arrived_wan, f.registered_completed_wan, f.reports)
  UNION ALL
  SELECT 'indicator_signed_sums', concat_ws(' ', coalesce(k.signed_month, f.signed_month), coalesce(k.month, f.month), coalesce(k.region_code, f.region_code), coalesce(k.industry_code, f.industry_code), coalesce(k.investor_origin, f.investor_origin), coalesce(k.status, f.status)),
    concat_ws(' ', k.arrived_wan, k.reports), concat_ws(' ', f.arrived_wan, f.reports)
  FROM kept_signed k FULL JOIN indicator_signed_facts f USING (${SIGNED_KEY})
  WHERE (k.arrived_wan, k.reports) IS DISTINCT FROM (f.arrived_wan, f.reports)
  UNION ALL
  SELECT 'indicator_project_sums', concat_ws(' ', coalesce(k.signed_month, f.signed_month), coalesce(k.started_month, f.started_month), coalesce(k.region_code, f.region_code), coalesce(k.industry_code, f.industry_code), coalesce(k.investor_origin, f.investor_origin)),
    concat_ws(' ', k.projects, k.contract_amount_wan, k.projects_10m), concat_ws(' ', f.projects, f.contract_amount_wan, f.projects_10m)
  FROM kept_projects k FULL JOIN indicator_project_facts f USING (${PROJECT_KEY})
  WHERE (k.projects, k.contract_amount_wan, k.projects_10m) IS DISTINCT FROM (f.projects, f.contract_amount_wan, f.projects_10m)
$fn$`);
    await queryRunner.query(`CREATE FUNCTION "indicator_sums_truncated"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM indicator_summaries_rebuild();
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE TRIGGER "indicator_sums_reports_truncate" AFTER TRUNCATE ON "monthly_reports" FOR EACH STATEMENT EXECUTE FUNCTION "indicator_sums_truncated"()`);
    await queryRunner.query(`CREATE TRIGGER "indicator_sums_projects_truncate" AFTER TRUNCATE ON "projects" FOR EACH STATEMENT EXECUTE FUNCTION "indicator_sums_truncated"()`);

    // the backfill: the summaries of the reports already there
    await queryRunner.query(`SELECT indicator_summaries_rebuild()`);
    await queryRunner.query(`ANALYZE indicator_month_sums, indicator_signed_sums, indicator_project_sums`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "indicator_sums_projects_truncate" ON "projects"`);
    await queryRunner.query(`DROP TRIGGER "indicator_sums_reports_truncate" ON "monthly_reports"`);
    await queryRunner.query(`DROP TRIGGER "indicator_sums_projects_delete" ON "projects"`);
    await queryRunner.query(`DROP TRIGGER "indicator_sums_projects_insert" ON "projects"`);
    await queryRunner.query(`DROP TRIGGER "indicator_sums_projects_update" ON "projects"`);
    await queryRunner.query(`DROP TRIGGER "indicator_sums_reports_delete" ON "monthly_reports"`);
    await queryRunner.query(`DROP TRIGGER "indicator_sums_reports_update" ON "monthly_reports"`);
    await queryRunner.query(`DROP TRIGGER "indicator_sums_reports_insert" ON "monthly_reports"`);
    await queryRunner.query(`DROP FUNCTION "indicator_sums_truncated"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_summaries_diff"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_summaries_compact"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_summaries_rebuild"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_sums_projects_deleted"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_sums_projects_inserted"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_sums_projects_updated"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_sums_reports_deleted"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_sums_reports_updated"()`);
    await queryRunner.query(`DROP FUNCTION "indicator_sums_reports_inserted"()`);
    await queryRunner.query(`DROP VIEW "indicator_signed_facts"`);
    await queryRunner.query(`DROP VIEW "indicator_project_facts"`);
    await queryRunner.query(`DROP VIEW "indicator_month_facts"`);
    await queryRunner.query(`DROP TABLE "indicator_signed_sums"`);
    await queryRunner.query(`DROP TABLE "indicator_project_sums"`);
    await queryRunner.query(`DROP TABLE "indicator_month_sums"`);
  }
}
