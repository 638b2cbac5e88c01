import type { Client } from 'pg';
import type { RefIndustry, RefRegion, RefWorld } from './reference.js';

/**
 * The database side of the property test's worlds (world.ts builds them): the dictionaries they are
 * built from, and a loader that writes a world straight into the tables with one set-based INSERT
 * per table.
 */

export async function readDictionaries(db: Client): Promise<{ regions: RefRegion[]; industries: RefIndustry[] }> {
  const regions = (await db.query<RefRegion>('SELECT code, name, parent_code AS "parentCode", sort_order AS "sortOrder" FROM regions')).rows;
  const industries = (await db.query<RefIndustry>('SELECT code, name, sort_order AS "sortOrder" FROM industries')).rows;
  return { regions, industries };
}

/** Empties the data tables (and whatever hangs off them) and writes the world with one INSERT per table. */
export async function writeWorld(db: Client, world: RefWorld): Promise<void> {
  const p = world.projects;
  await db.query('BEGIN');
  try {
    await db.query('TRUNCATE monthly_reports, project_approvals, projects, fai_totals, targets CASCADE');
    await db.query(
      `INSERT INTO projects (id, project_no, name, region_code, industry_code, investor_name, investor_origin, contract_amount_wan, stage, signed_at, registered_at,
         construction_started_at, production_started_at, terminated_at, termination_reason, is_key_project, stats_registered, stats_registered_month, parent_project_no, version)
       SELECT *, 1 FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::investor_origin[], $8::numeric[], $9::project_stage[],
         $10::date[], $11::date[], $12::date[], $13::date[], $14::date[], $15::varchar[], $16::boolean[], $17::boolean[], $18::varchar[], $19::varchar[])`,
      [
        p.map((x) => x.id),
        p.map((x) => x.projectNo),
        p.map((x) => `性质测试项目${x.projectNo}`),
        p.map((x) => x.regionCode),
        p.map((x) => x.industryCode),
        p.map((x) => `投资方${x.projectNo}`),
        p.map((x) => x.investorOrigin),
        p.map((x) => x.contractAmountWan),
        p.map((x) => x.stage),
        p.map((x) => x.signedAt),
        p.map((x) => x.registeredAt),
        p.map((x) => x.constructionStartedAt),
        p.map((x) => x.productionStartedAt),
        p.map((x) => x.terminatedAt),
        p.map((x) => (x.terminatedAt ? '投资方撤资' : null)),
        p.map((x) => x.isKeyProject),
        p.map((x) => x.statsRegistered),
        p.map((x) => x.statsRegisteredMonth),
        p.map((x) => x.parentProjectNo),
      ],
    );
    const a = world.approvals;
    await db.query(`INSERT INTO project_approvals (project_id, kind, status, done_at) SELECT * FROM unnest($1::uuid[], $2::approval_kind[], $3::approval_status[], $4::date[])`, [
      a.map((x) => x.projectId),
      a.map((x) => x.kind),
      a.map((x) => x.status),
      a.map((x) => x.doneAt),
    ]);
    const r = world.reports;
    await db.query(
      `INSERT INTO monthly_reports (project_id, month, arrived_equity_wan, arrived_loan_wan, arrived_other_wan, completed_investment_wan, status, return_reason, version)
       SELECT *, 1 FROM unnest($1::uuid[], $2::varchar[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[], $7::report_status[], $8::varchar[])`,
      [
        r.map((x) => x.projectId),
        r.map((x) => x.month),
        r.map((x) => x.arrivedEquityWan),
        r.map((x) => x.arrivedLoanWan),
        r.map((x) => x.arrivedOtherWan),
        r.map((x) => x.completedInvestmentWan),
        r.map((x) => x.status),
        r.map((x) => (x.status === 'RETURNED' ? '到位资金与银行流水不符' : null)),
      ],
    );
    await db.query(`INSERT INTO fai_totals (region_code, month, amount_wan, version) SELECT *, 1 FROM unnest($1::varchar[], $2::varchar[], $3::numeric[])`, [
      world.fai.map((x) => x.regionCode),
      world.fai.map((x) => x.month),
      world.fai.map((x) => x.amountWan),
    ]);
    await db.query(`INSERT INTO targets (region_code, year, indicator, value, version) SELECT *, 1 FROM unnest($1::varchar[], $2::int[], $3::varchar[], $4::numeric[])`, [
      world.targets.map((x) => x.regionCode),
      world.targets.map((x) => x.year),
      world.targets.map((x) => x.indicator),
      world.targets.map((x) => x.value),
    ]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
